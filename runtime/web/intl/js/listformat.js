// Intl.ListFormat: not built yet (a TypeError naming the gap).
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.ListFormat.
(function (native, H, Intl) {
  "use strict";

  H.install(Intl, "ListFormat", H.missing("ListFormat"));
})
