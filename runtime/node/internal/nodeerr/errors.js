// The coded errors of edgedev's stream, crypto, zlib, http and stub
// modules: the common ones are runtime/node/internal's (Node's
// lib/internal/errors.js: err.code, Node's message and "TypeError [ERR_X]:"
// toString), and the codes only these modules throw are made the same way.
(function (base) {
  "use strict";
  const make = base.makeNodeError;
  const c = base.codes;
  const errors = {
    make,
    ERR_INVALID_ARG_TYPE: c.ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE: c.ERR_OUT_OF_RANGE,
    ERR_INVALID_ARG_VALUE: c.ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS: c.ERR_MISSING_ARGS,
    ERR_UNKNOWN_ENCODING: c.ERR_UNKNOWN_ENCODING,
    ERR_METHOD_NOT_IMPLEMENTED: c.ERR_METHOD_NOT_IMPLEMENTED,
    ERR_INVALID_RETURN_VALUE: c.ERR_INVALID_RETURN_VALUE,
    ERR_INVALID_STATE: c.ERR_INVALID_STATE,
    ERR_STREAM_PREMATURE_CLOSE: () => make(Error, "ERR_STREAM_PREMATURE_CLOSE", "Premature close"),
    ERR_STREAM_WRITE_AFTER_END: () => make(Error, "ERR_STREAM_WRITE_AFTER_END", "write after end"),
    ERR_STREAM_PUSH_AFTER_EOF: () => make(Error, "ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF"),
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT: () => make(Error, "ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event"),
    ERR_STREAM_NULL_VALUES: () => make(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream"),
    ERR_STREAM_DESTROYED: (m) => make(Error, "ERR_STREAM_DESTROYED", `Cannot call ${m} after a stream was destroyed`),
    ERR_STREAM_ALREADY_FINISHED: (m) => make(Error, "ERR_STREAM_ALREADY_FINISHED", `Cannot call ${m} after a stream was finished`),
    ERR_STREAM_CANNOT_PIPE: () => make(Error, "ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable"),
    ERR_MULTIPLE_CALLBACK: () => make(Error, "ERR_MULTIPLE_CALLBACK", "Callback called multiple times"),
    ERR_MISSING_OPTION: (o) => make(TypeError, "ERR_MISSING_OPTION", `${o} is required`),
    ERR_CRYPTO_HASH_FINALIZED: () => make(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called"),
    ERR_CRYPTO_HASH_UPDATE_FAILED: () => make(Error, "ERR_CRYPTO_HASH_UPDATE_FAILED", "Hash update failed"),
    ERR_CRYPTO_INVALID_DIGEST: (d) => make(TypeError, "ERR_CRYPTO_INVALID_DIGEST", `Invalid digest: ${d}`),
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE: (t, e) => make(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${t}, expected ${e}.`),
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS: (a, b) => make(Error, "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", `The selected key encoding ${a} ${b}.`),
    ERR_CRYPTO_INVALID_JWK: () => make(TypeError, "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data"),
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH: () => make(RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length"),
    ERR_ABORT: () => new base.AbortError(),
  };
  return errors;
})
