// Intl.DisplayNames: not built yet (a TypeError naming the gap).
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.DisplayNames.
(function (native, H, Intl) {
  "use strict";

  H.install(Intl, "DisplayNames", H.missing("DisplayNames"));
})
