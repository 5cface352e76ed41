// DOMException, after Web IDL §2.8.1 (https://webidl.spec.whatwg.org/#idl-DOMException).
// It is JS because extending Error from JS is what gives instances a real
// `stack`; name, message and code are prototype getters over private fields,
// as the spec lays them out. Evaluates to [DOMException, isDOMException].
(function () {
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
})()
