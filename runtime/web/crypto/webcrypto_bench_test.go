package crypto_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
)

// jwtSigningInput is the size of a typical JWT header.payload (~150 bytes).
const jwtSigningInput = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyLCJleHAiOjE5MTYyMzkwMjJ9"

// benchOptions lift the CPU limit: one benchmark run is one job on the
// loop, and -benchtime may ask for longer than the limit allows.
var benchOptions = runtimetest.Options{CPULimit: -1}

// benchCrypto runs the JS function body setup once, then loop(n) on the
// event loop once per benchmark run: loop awaits n operations, so each b.N
// iteration is one operation from JS, promise and await included.
func benchCrypto(b *testing.B, setup string) {
	h := newCryptoHarness(b, benchOptions)
	h.Run(b, setup)
	h.OnLoop(b, func(vm *goja.Runtime) error {
		loop, ok := goja.AssertFunction(vm.Get("loop"))
		if !ok {
			return errors.New("setup did not define loop(n)")
		}
		b.ReportAllocs()
		b.ResetTimer()
		v, err := loop(goja.Undefined(), vm.ToValue(b.N))
		b.StopTimer()
		if err != nil {
			return err
		}
		return fulfilled(v)
	})
}

// fulfilled checks that loop's promise settled before loop returned to Go
// (every await in it is of an already settled promise).
func fulfilled(v goja.Value) error {
	if p, ok := v.Export().(*goja.Promise); !ok || p.State() != goja.PromiseStateFulfilled {
		return fmt.Errorf("loop did not finish: %v", v)
	}
	return nil
}

// BenchmarkWebCrypto_HMACSign is HMAC-SHA256 of a JWT signing input from JS.
func BenchmarkWebCrypto_HMACSign(b *testing.B) {
	benchCrypto(b, `
		const key = await subtle.importKey("raw", utf8("your-256-bit-secret"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
		const data = utf8("`+jwtSigningInput+`");
		globalThis.loop = async (n) => { for (let i = 0; i < n; i++) await subtle.sign("HMAC", key, data); };`)
}

// BenchmarkWebCrypto_HMACSignVerifyJWT is what verifying and issuing an
// HS256 JWT costs: one sign and one verify per iteration.
func BenchmarkWebCrypto_HMACSignVerifyJWT(b *testing.B) {
	benchCrypto(b, hmacJWTSetup)
}

// hmacJWTSetup defines loop(n): n HS256 signs and verifies from JS.
const hmacJWTSetup = `
	const key = await subtle.importKey("raw", utf8("your-256-bit-secret"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
	const data = utf8("` + jwtSigningInput + `");
	const sig = await subtle.sign("HMAC", key, data);
	globalThis.loop = async (n) => {
		for (let i = 0; i < n; i++) {
			await subtle.sign("HMAC", key, data);
			if (!(await subtle.verify("HMAC", key, sig, data))) throw new Error("verify failed");
		}
	};`

// goHMACSignVerify returns the Go counterpart of hmacJWTSetup's loop.
func goHMACSignVerify(b *testing.B) func(n int) {
	data, key := []byte(jwtSigningInput), []byte("your-256-bit-secret")
	m := hmac.New(sha256.New, key)
	m.Write(data)
	sig := m.Sum(nil)
	return func(n int) {
		for range n {
			m := hmac.New(sha256.New, key)
			m.Write(data)
			m.Sum(nil)
			v := hmac.New(sha256.New, key)
			v.Write(data)
			if !hmac.Equal(v.Sum(nil), sig) {
				b.Fatal("verify failed")
			}
		}
	}
}

// BenchmarkWebCrypto_HMACJWTvsGo is the figure the HMAC target is judged
// by: the JS sign+verify of BenchmarkWebCrypto_HMACSignVerifyJWT and the Go
// one of BenchmarkGoNative_HMACSignVerifyJWT, run in alternating chunks in
// one process so that the machine's noise hits both alike. It reports each
// side's ns/op and their ratio (x-go: 3 means JS takes three times as long).
// A JS chunk is timed on the loop, so handing the job to the loop and back
// is not counted against JS.
func BenchmarkWebCrypto_HMACJWTvsGo(b *testing.B) {
	h := newCryptoHarness(b, benchOptions)
	h.Run(b, hmacJWTSetup)
	var loop goja.Callable
	h.OnLoop(b, func(vm *goja.Runtime) error {
		var ok bool
		if loop, ok = goja.AssertFunction(vm.Get("loop")); !ok {
			return errors.New("setup did not define loop(n)")
		}
		return nil
	})
	goLoop := goHMACSignVerify(b)
	const chunk = 1000
	var jsTime, goTime time.Duration
	b.ResetTimer()
	for done := 0; done < b.N; done += chunk {
		n := min(chunk, b.N-done)
		h.OnLoop(b, func(vm *goja.Runtime) error {
			start := time.Now()
			v, err := loop(goja.Undefined(), vm.ToValue(n))
			jsTime += time.Since(start)
			if err != nil {
				return err
			}
			return fulfilled(v)
		})
		start := time.Now()
		goLoop(n)
		goTime += time.Since(start)
	}
	b.StopTimer()
	b.ReportMetric(float64(jsTime.Nanoseconds())/float64(b.N), "js-ns/op")
	b.ReportMetric(float64(goTime.Nanoseconds())/float64(b.N), "go-ns/op")
	b.ReportMetric(float64(jsTime)/float64(goTime), "x-go")
}

// BenchmarkWebCrypto_ECDSAVerifyP256 is an ES256 signature check from JS.
func BenchmarkWebCrypto_ECDSAVerifyP256(b *testing.B) {
	benchCrypto(b, `
		const { publicKey, privateKey } = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
		const data = utf8("`+jwtSigningInput+`");
		const alg = { name: "ECDSA", hash: "SHA-256" };
		const sig = await subtle.sign(alg, privateKey, data);
		globalThis.loop = async (n) => {
			for (let i = 0; i < n; i++) if (!(await subtle.verify(alg, publicKey, sig, data))) throw new Error("verify failed");
		};`)
}

// The Go baselines the JS numbers are compared with: the same work with
// crypto/hmac and crypto/ecdsa called directly.

func BenchmarkGoNative_HMACSign(b *testing.B) {
	data := []byte(jwtSigningInput)
	key := []byte("your-256-bit-secret")
	b.ReportAllocs()
	for b.Loop() {
		m := hmac.New(sha256.New, key)
		m.Write(data)
		m.Sum(nil)
	}
}

func BenchmarkGoNative_HMACSignVerifyJWT(b *testing.B) {
	loop := goHMACSignVerify(b)
	b.ReportAllocs()
	for b.Loop() {
		loop(1)
	}
}

func BenchmarkGoNative_ECDSAVerifyP256(b *testing.B) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	digest := sha256.Sum256([]byte(jwtSigningInput))
	sig, err := ecdsa.SignASN1(rand.Reader, priv, digest[:])
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		d := sha256.Sum256([]byte(jwtSigningInput))
		if !ecdsa.VerifyASN1(&priv.PublicKey, d[:], sig) {
			b.Fatal("verify failed")
		}
	}
}
