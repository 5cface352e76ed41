package buffer_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkFromBase64MB is Buffer.from(s, "base64") of 1 MB of bytes (a
// 1.4 MB string); the target is <= 5 ms an op.
func BenchmarkFromBase64MB(b *testing.B) {
	h := node(b)
	var from goja.Callable
	var s goja.Value
	h.OnLoop(b, func(vm *goja.Runtime) error {
		v, err := vm.RunString(`(() => {
  const { Buffer } = __edgedev_import("node:buffer");
  const raw = new Uint8Array(1 << 20);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 31) & 255;
  globalThis.__b64 = Buffer.from(raw).toString("base64");
  return (s) => Buffer.from(s, "base64").length;
})()`)
		if err != nil {
			return err
		}
		from, _ = goja.AssertFunction(v)
		s = vm.Get("__b64")
		if !strings.HasPrefix(s.String(), "AB8+") {
			b.Fatalf("unexpected base64 %q", s.String()[:8])
		}
		return nil
	})
	b.ResetTimer()
	h.OnLoop(b, func(vm *goja.Runtime) error {
		for i := 0; i < b.N; i++ {
			n, err := from(goja.Undefined(), s)
			if err != nil {
				return err
			}
			if n.ToInteger() != 1<<20 {
				b.Fatalf("decoded %d bytes", n.ToInteger())
			}
		}
		return nil
	})
}

// BenchmarkToBase64MB is the other direction, buf.toString("base64").
func BenchmarkToBase64MB(b *testing.B) {
	h := node(b)
	var to goja.Callable
	h.OnLoop(b, func(vm *goja.Runtime) error {
		v, err := vm.RunString(`(() => {
  const { Buffer } = __edgedev_import("node:buffer");
  const buf = Buffer.alloc(1 << 20, 7);
  return () => buf.toString("base64").length;
})()`)
		to, _ = goja.AssertFunction(v)
		return err
	})
	b.ResetTimer()
	h.OnLoop(b, func(vm *goja.Runtime) error {
		for i := 0; i < b.N; i++ {
			if _, err := to(goja.Undefined()); err != nil {
				return err
			}
		}
		return nil
	})
}
