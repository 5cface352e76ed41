// Intl.RelativeTimeFormat: not built yet (a TypeError naming the gap).
// Owned by the intlfmt work, which replaces this file.
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.RelativeTimeFormat.
(function (native, H, Intl) {
  "use strict";

  H.install(Intl, "RelativeTimeFormat", H.missing("RelativeTimeFormat"));
})
