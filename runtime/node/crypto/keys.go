package crypto

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"
)

// asymKey is the Go side of an asymmetric KeyObject: exactly one of pub or
// priv is the key itself (priv also knows its public half).
type asymKey struct {
	pub  crypto.PublicKey
	priv crypto.PrivateKey
}

// Errors of key parsing, in workerd's words.
var (
	errParsePublic  = errors.New("Failed to parse public key")
	errParsePrivate = errors.New("Failed to parse private key")
	errKeyType      = errors.New("Unsupported key type")
	errJWK          = errors.New("Invalid JWK data")
	errCurve        = errors.New("Invalid or unsupported curve")
	errPKCS1        = errors.New("PKCS1 can only be used for RSA keys")
	errSEC1         = errors.New("SEC1 can only be used for EC keys")
	errEncrypted    = errors.New("Encrypted private keys are not supported")
)

func (k *asymKey) isPrivate() bool { return k.priv != nil }

func (k *asymKey) public() crypto.PublicKey {
	if k.priv != nil {
		return k.priv.(interface{ Public() crypto.PublicKey }).Public()
	}
	return k.pub
}

// keyType is asymmetricKeyType: "rsa", "ec", "ed25519" or "x25519".
func (k *asymKey) keyType() string {
	switch k.public().(type) {
	case *rsa.PublicKey:
		return "rsa"
	case *ecdsa.PublicKey:
		return "ec"
	case ed25519.PublicKey:
		return "ed25519"
	case *ecdh.PublicKey:
		return "x25519"
	}
	return ""
}

// curveNames maps the names Node accepts to Go's curves; curveOpenSSL is
// the name asymmetricKeyDetails.namedCurve reports.
var curveNames = map[string]elliptic.Curve{
	"P-256": elliptic.P256(), "prime256v1": elliptic.P256(), "secp256r1": elliptic.P256(),
	"P-384": elliptic.P384(), "secp384r1": elliptic.P384(),
	"P-521": elliptic.P521(), "secp521r1": elliptic.P521(),
	"P-224": elliptic.P224(), "secp224r1": elliptic.P224(),
}

func curveOpenSSL(c elliptic.Curve) string {
	switch c {
	case elliptic.P256():
		return "prime256v1"
	case elliptic.P384():
		return "secp384r1"
	case elliptic.P521():
		return "secp521r1"
	case elliptic.P224():
		return "secp224r1"
	}
	return ""
}

func curveJWK(c elliptic.Curve) string {
	return c.Params().Name // "P-256", ...
}

// parsePEMOrDER reads a key in PEM (pemText true) or DER with the given
// type ("spki", "pkcs1", "pkcs8", "sec1"; "" for PEM, whose label says).
func parseKey(data []byte, isPEM bool, derType string, private bool) (*asymKey, error) {
	fail := errParsePublic
	if private {
		fail = errParsePrivate
	}
	der, label := data, ""
	if isPEM {
		var block *pem.Block
		rest := data
		for {
			block, rest = pem.Decode(rest)
			if block == nil {
				return nil, fail
			}
			if strings.Contains(block.Type, "KEY") || block.Type == "CERTIFICATE" {
				break
			}
		}
		if block.Headers["Proc-Type"] != "" || block.Type == "ENCRYPTED PRIVATE KEY" {
			return nil, errEncrypted
		}
		der, label = block.Bytes, block.Type
	}
	var (
		k   any
		err error
	)
	switch {
	case label == "PUBLIC KEY" || (label == "" && derType == "spki"):
		k, err = x509.ParsePKIXPublicKey(der)
	case label == "RSA PUBLIC KEY" || (label == "" && derType == "pkcs1" && !private):
		k, err = x509.ParsePKCS1PublicKey(der)
	case label == "CERTIFICATE":
		var cert *x509.Certificate
		if cert, err = x509.ParseCertificate(der); err == nil {
			k = cert.PublicKey
		}
	case label == "PRIVATE KEY" || (label == "" && derType == "pkcs8"):
		k, err = x509.ParsePKCS8PrivateKey(der)
	case label == "RSA PRIVATE KEY" || (label == "" && derType == "pkcs1"):
		k, err = x509.ParsePKCS1PrivateKey(der)
	case label == "EC PRIVATE KEY" || (label == "" && derType == "sec1"):
		k, err = x509.ParseECPrivateKey(der)
	default:
		return nil, fail
	}
	if err != nil {
		return nil, fail
	}
	switch v := k.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
		if private {
			return nil, errParsePrivate
		}
		return &asymKey{pub: v}, nil
	case *ecdh.PublicKey:
		if private {
			return nil, errParsePrivate
		}
		return &asymKey{pub: v}, nil
	case *rsa.PrivateKey, *ecdsa.PrivateKey, ed25519.PrivateKey, *ecdh.PrivateKey:
		key := &asymKey{priv: v}
		if !private {
			return &asymKey{pub: key.public()}, nil // createPublicKey(privatePem) derives the public key
		}
		return key, nil
	}
	return nil, errKeyType
}

// exportKey encodes a key as DER or PEM by type ("spki", "pkcs1", "pkcs8",
// "sec1").
func exportKey(k *asymKey, typ string, asPEM bool) ([]byte, error) {
	var (
		der   []byte
		label string
		err   error
	)
	switch {
	case !k.isPrivate() && typ == "spki":
		der, err = x509.MarshalPKIXPublicKey(k.pub)
		label = "PUBLIC KEY"
	case !k.isPrivate() && typ == "pkcs1":
		pk, ok := k.pub.(*rsa.PublicKey)
		if !ok {
			return nil, errPKCS1
		}
		der, label = x509.MarshalPKCS1PublicKey(pk), "RSA PUBLIC KEY"
	case k.isPrivate() && typ == "pkcs8":
		der, err = x509.MarshalPKCS8PrivateKey(k.priv)
		label = "PRIVATE KEY"
	case k.isPrivate() && typ == "pkcs1":
		pk, ok := k.priv.(*rsa.PrivateKey)
		if !ok {
			return nil, errPKCS1
		}
		der, label = x509.MarshalPKCS1PrivateKey(pk), "RSA PRIVATE KEY"
	case k.isPrivate() && typ == "sec1":
		pk, ok := k.priv.(*ecdsa.PrivateKey)
		if !ok {
			return nil, errSEC1
		}
		der, err = x509.MarshalECPrivateKey(pk)
		label = "EC PRIVATE KEY"
	default:
		return nil, errors.New("Invalid key encoding type " + typ)
	}
	if err != nil {
		return nil, err
	}
	if asPEM {
		return pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der}), nil
	}
	return der, nil
}

var b64u = base64.RawURLEncoding

func bytesB64(b []byte) string { return b64u.EncodeToString(b) }

func fixed(n *big.Int, size int) []byte { return n.FillBytes(make([]byte, size)) }

// jwkOf is the key as a JWK's members, in the order Node 20 writes them
// (testdata/node-keys.json).
func jwkOf(k *asymKey) ([][2]string, error) {
	switch pk := k.public().(type) {
	case *rsa.PublicKey:
		out := [][2]string{{"kty", "RSA"}, {"n", bytesB64(pk.N.Bytes())}, {"e", bytesB64(big.NewInt(int64(pk.E)).Bytes())}}
		if p, ok := k.priv.(*rsa.PrivateKey); ok {
			p.Precompute()
			out = append(out, [2]string{"d", bytesB64(p.D.Bytes())}, [2]string{"p", bytesB64(p.Primes[0].Bytes())},
				[2]string{"q", bytesB64(p.Primes[1].Bytes())}, [2]string{"dp", bytesB64(p.Precomputed.Dp.Bytes())},
				[2]string{"dq", bytesB64(p.Precomputed.Dq.Bytes())}, [2]string{"qi", bytesB64(p.Precomputed.Qinv.Bytes())})
		}
		return out, nil
	case *ecdsa.PublicKey:
		size := (pk.Curve.Params().BitSize + 7) / 8
		out := [][2]string{{"kty", "EC"}, {"x", bytesB64(fixed(pk.X, size))}, {"y", bytesB64(fixed(pk.Y, size))}, {"crv", curveJWK(pk.Curve)}}
		if p, ok := k.priv.(*ecdsa.PrivateKey); ok {
			out = append(out, [2]string{"d", bytesB64(fixed(p.D, size))})
		}
		return out, nil
	case ed25519.PublicKey:
		out := [][2]string{{"crv", "Ed25519"}}
		if p, ok := k.priv.(ed25519.PrivateKey); ok {
			out = append(out, [2]string{"d", bytesB64(p.Seed())})
		}
		return append(out, [2]string{"x", bytesB64(pk)}, [2]string{"kty", "OKP"}), nil
	case *ecdh.PublicKey:
		out := [][2]string{{"crv", "X25519"}}
		if p, ok := k.priv.(*ecdh.PrivateKey); ok {
			out = append(out, [2]string{"d", bytesB64(p.Bytes())})
		}
		return append(out, [2]string{"x", bytesB64(pk.Bytes())}, [2]string{"kty", "OKP"}), nil
	}
	return nil, errKeyType
}

// keyFromJWK builds a key from a JWK's string members.
func keyFromJWK(m map[string]string, private bool) (*asymKey, error) {
	dec := func(name string) ([]byte, bool) {
		v, ok := m[name]
		if !ok {
			return nil, false
		}
		b, err := b64u.DecodeString(strings.TrimRight(v, "="))
		return b, err == nil
	}
	num := func(name string) (*big.Int, bool) {
		b, ok := dec(name)
		return new(big.Int).SetBytes(b), ok
	}
	switch m["kty"] {
	case "RSA":
		n, ok1 := num("n")
		e, ok2 := num("e")
		if !ok1 || !ok2 {
			return nil, errJWK
		}
		pub := rsa.PublicKey{N: n, E: int(e.Int64())}
		if !private {
			return &asymKey{pub: &pub}, nil
		}
		d, ok3 := num("d")
		p, ok4 := num("p")
		q, ok5 := num("q")
		if !ok3 || !ok4 || !ok5 {
			return nil, errJWK
		}
		pk := &rsa.PrivateKey{PublicKey: pub, D: d, Primes: []*big.Int{p, q}}
		if pk.Validate() != nil {
			return nil, errJWK
		}
		pk.Precompute()
		return &asymKey{priv: pk}, nil
	case "EC":
		c := curveNames[m["crv"]]
		if c == nil {
			return nil, errJWK
		}
		x, ok1 := num("x")
		y, ok2 := num("y")
		if !ok1 || !ok2 {
			return nil, errJWK
		}
		pub := ecdsa.PublicKey{Curve: c, X: x, Y: y}
		if !c.IsOnCurve(x, y) { //nolint:staticcheck // a JWK gives affine coordinates
			return nil, errJWK
		}
		if !private {
			return &asymKey{pub: &pub}, nil
		}
		d, ok := num("d")
		if !ok {
			return nil, errJWK
		}
		return &asymKey{priv: &ecdsa.PrivateKey{PublicKey: pub, D: d}}, nil
	case "OKP":
		x, ok := dec("x")
		if !ok {
			return nil, errJWK
		}
		switch m["crv"] {
		case "Ed25519":
			if len(x) != ed25519.PublicKeySize {
				return nil, errJWK
			}
			if !private {
				return &asymKey{pub: ed25519.PublicKey(x)}, nil
			}
			d, ok := dec("d")
			if !ok || len(d) != ed25519.SeedSize {
				return nil, errJWK
			}
			return &asymKey{priv: ed25519.NewKeyFromSeed(d)}, nil
		case "X25519":
			if !private {
				pk, err := ecdh.X25519().NewPublicKey(x)
				if err != nil {
					return nil, errJWK
				}
				return &asymKey{pub: pk}, nil
			}
			d, _ := dec("d")
			pk, err := ecdh.X25519().NewPrivateKey(d)
			if err != nil {
				return nil, errJWK
			}
			return &asymKey{priv: pk}, nil
		}
	}
	return nil, errJWK
}

// generateKey makes a key pair of type typ ("rsa", "ec", "ed25519",
// "x25519").
func generateKey(typ string, modulusLength, publicExponent int, curve string) (*asymKey, error) {
	switch typ {
	case "rsa":
		if publicExponent != 0 && publicExponent != 65537 {
			return nil, errors.New("only the public exponent 65537 is supported")
		}
		k, err := rsa.GenerateKey(rand.Reader, modulusLength)
		if err != nil {
			return nil, err
		}
		return &asymKey{priv: k}, nil
	case "ec":
		c := curveNames[curve]
		if c == nil {
			return nil, errCurve
		}
		k, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			return nil, err
		}
		return &asymKey{priv: k}, nil
	case "ed25519":
		_, k, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		return &asymKey{priv: k}, nil
	case "x25519":
		k, err := ecdh.X25519().GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		return &asymKey{priv: k}, nil
	}
	return nil, errKeyType
}
