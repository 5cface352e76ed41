// The built-in Web Crypto's key operations call from Go (webcrypto.go):
// JSON.parse reads a JWK that unwrapKey decrypted, as captured before user
// code runs. Evaluates to [JSON.parse].
[JSON.parse]
