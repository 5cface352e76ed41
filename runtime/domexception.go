// DOMException, after Web IDL §2.8.1 (https://webidl.spec.whatwg.org/#idl-DOMException).
// Knowingly missing: nothing a worker can observe except that `stack` is
// goja's ("at f (file:line:col)") rather than V8's. Instances are
// structured-cloneable (clone.go keeps name and message).

package runtime

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// domExceptionJS defines the class. It is JS because extending Error from JS
// is what gives instances a real `stack`; name, message and code are
// prototype getters over private fields, as the spec lays them out.
const domExceptionJS = `(function () {
  "use strict";
  const codes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4,
    InvalidCharacterError: 5, NoModificationAllowedError: 7, NotFoundError: 8,
    NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18,
    NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24,
    DataCloneError: 25,
  };
  const legacy = [
    "INDEX_SIZE_ERR", "DOMSTRING_SIZE_ERR", "HIERARCHY_REQUEST_ERR",
    "WRONG_DOCUMENT_ERR", "INVALID_CHARACTER_ERR", "NO_DATA_ALLOWED_ERR",
    "NO_MODIFICATION_ALLOWED_ERR", "NOT_FOUND_ERR", "NOT_SUPPORTED_ERR",
    "INUSE_ATTRIBUTE_ERR", "INVALID_STATE_ERR", "SYNTAX_ERR",
    "INVALID_MODIFICATION_ERR", "NAMESPACE_ERR", "INVALID_ACCESS_ERR",
    "VALIDATION_ERR", "TYPE_MISMATCH_ERR", "SECURITY_ERR", "NETWORK_ERR",
    "ABORT_ERR", "URL_MISMATCH_ERR", "QUOTA_EXCEEDED_ERR", "TIMEOUT_ERR",
    "INVALID_NODE_TYPE_ERR", "DATA_CLONE_ERR",
  ];
  class DOMException extends Error {
    #name;
    #message;
    constructor(message = "", options = "Error") {
      super();
      this.#message = String(message);
      if (options !== null && typeof options === "object") {
        this.#name = options.name === undefined ? "Error" : String(options.name);
        if ("cause" in options) {
          Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
        }
      } else {
        this.#name = String(options);
      }
    }
    static #check(self) {
      if (self === null || typeof self !== "object" || !(#name in self)) {
        throw new TypeError("Illegal invocation: not a DOMException");
      }
    }
    get name() { DOMException.#check(this); return this.#name; }
    get message() { DOMException.#check(this); return this.#message; }
    get code() { DOMException.#check(this); return codes[this.#name] || 0; }
    static isDOMException(v) { return v !== null && typeof v === "object" && #name in v; }
  }
  const isDOMException = DOMException.isDOMException;
  delete DOMException.isDOMException;
  for (const p of ["name", "message", "code"]) {
    const d = Object.getOwnPropertyDescriptor(DOMException.prototype, p);
    d.enumerable = true;
    Object.defineProperty(DOMException.prototype, p, d);
  }
  legacy.forEach((k, i) => {
    const d = { value: i + 1, enumerable: true };
    Object.defineProperty(DOMException, k, d);
    Object.defineProperty(DOMException.prototype, k, d);
  });
  Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: "DOMException", configurable: true });
  return [DOMException, isDOMException];
})()`

var domExceptionProgram = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("edgedev:domexception.js", domExceptionJS, true)
})

// domExceptions creates DOMException instances from Go. Every Go API that
// throws one keeps its own copy, taken at install time, so user code that
// replaces globalThis.DOMException cannot change what the platform throws.
type domExceptions struct {
	vm    *goja.Runtime
	ctor  *goja.Object
	isDOM goja.Callable
}

// installDOMException defines globalThis.DOMException.
func installDOMException(vm *goja.Runtime) error {
	if _, err := domExceptionsOf(vm); err != nil {
		return fmt.Errorf("install DOMException: %w", err)
	}
	return nil
}

// domExceptionsOf returns the runtime's DOMException class, defining the
// global first if no install step has yet. Install functions call it, so the
// order in which globals are installed does not matter.
func domExceptionsOf(vm *goja.Runtime) (*domExceptions, error) {
	g := vm.GlobalObject()
	if v := g.GetSymbol(domExceptionKey); v != nil {
		if d, ok := v.Export().(*domExceptions); ok && d.vm == vm {
			return d, nil
		}
	}
	prg, err := domExceptionProgram()
	if err != nil {
		return nil, err
	}
	v, err := vm.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	pair := v.ToObject(vm)
	ctor := pair.Get("0").ToObject(vm)
	isDOM, ok := goja.AssertFunction(pair.Get("1"))
	if !ok {
		return nil, fmt.Errorf("domexception.js returned no brand check")
	}
	d := &domExceptions{vm: vm, ctor: ctor, isDOM: isDOM}
	if err := g.DefineDataProperty("DOMException", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	// The Go-side handle travels with the runtime under a symbol no script
	// can name; it is what lets install order not matter.
	if err := g.DefineDataPropertySymbol(domExceptionKey, vm.ToValue(d), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	return d, nil
}

// domExceptionKey keys the per-runtime handle on the global object. goja
// symbols are runtime-independent values, so one serves every runtime.
var domExceptionKey = goja.NewSymbol("edgedev.DOMException")

// make returns a new DOMException with the given name and message.
func (d *domExceptions) make(name, message string) *goja.Object {
	o, err := d.vm.New(d.ctor, d.vm.ToValue(message), d.vm.ToValue(name))
	if err != nil {
		panic(err) // the constructor only throws if String(message) does
	}
	return o
}

// throw raises a DOMException in the JS code that called the current Go
// function. Only call it from inside a function JS called.
func (d *domExceptions) throw(name, message string) {
	panic(d.make(name, message))
}

// is reports whether v is a DOMException made by this runtime's class.
func (d *domExceptions) is(v goja.Value) bool {
	r, err := d.isDOM(goja.Undefined(), v)
	return err == nil && r.ToBoolean()
}
