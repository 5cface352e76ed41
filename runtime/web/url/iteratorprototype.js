// %IteratorPrototype%, which %URLSearchParamsIteratorPrototype% inherits
// from (https://webidl.spec.whatwg.org/#es-iterator-prototype-object).
// goja does not hand it to Go, so this file evaluates to it.
Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))
