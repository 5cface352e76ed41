// Makes the constructor of a Go-backed class (webidl.NewClass) as a JS class,
// which is what gives it real class semantics: calling it without new
// throws, subclasses work, and new.target picks the prototype. (A Go
// constructor cannot tell `new C()` from `C()` in goja.)
(function (name, length, init) {
  "use strict";
  const C = { [name]: class { constructor(...args) { init(this, ...args); } } }[name];
  Object.defineProperty(C, "length", { value: length });
  return C;
})
