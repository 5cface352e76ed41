// The built-ins Web Crypto's key operations call from Go (webcrypto.go):
// JSON.parse reads a JWK that unwrapKey decrypted, and Array.from turns any
// iterable of key usages into an array. Evaluates to [JSON.parse, Array.from].
[JSON.parse, Array.from]
