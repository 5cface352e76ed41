package crypto_test

import (
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

// BenchmarkCreateHashSHA256_1MB is createHash("sha256") over a 1 MB Buffer,
// as a worker calls it. Target: <= 5 ms per op (issue #15).
func BenchmarkCreateHashSHA256_1MB(b *testing.B) {
	h := runtimetest.New(b, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	h.Run(b, `globalThis.benchCrypto = __edgedev_import("node:crypto"); globalThis.benchData = Buffer.alloc(1 << 20, 7); return 1;`)
	src := `let d; for (let i = 0; i < ` + itoa(b.N) + `; i++) d = benchCrypto.createHash("sha256").update(benchData).digest("hex"); return d.length;`
	b.ResetTimer()
	if got := h.Run(b, src); got != "64" {
		b.Fatalf("digest: %s", got)
	}
}

// BenchmarkCreateHashSHA256_1MBString hashes a 1 MB string (utf8).
func BenchmarkCreateHashSHA256_1MBString(b *testing.B) {
	h := runtimetest.New(b, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	h.Run(b, `globalThis.benchCrypto = __edgedev_import("node:crypto"); globalThis.benchText = "x".repeat(1 << 20); return 1;`)
	src := `let d; for (let i = 0; i < ` + itoa(b.N) + `; i++) d = benchCrypto.createHash("sha256").update(benchText).digest("hex"); return d.length;`
	b.ResetTimer()
	if got := h.Run(b, src); got != "64" {
		b.Fatalf("digest: %s", got)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var s []byte
	for ; n > 0; n /= 10 {
		s = append([]byte{byte('0' + n%10)}, s...)
	}
	return string(s)
}
