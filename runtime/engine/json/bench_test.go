package json

import (
	_ "embed"
	"syscall"
	"testing"

	"github.com/dop251/goja"
)

// bench_body.json is the body the bench's json workload POSTs
// (../shared/bench/lua/json_body.json); the 600 KB array is the one its cpu
// workload builds, stringifies and parses back (../shared/bench/projects/cpu).
//
//go:embed testdata/bench_body.json
var benchBody string

const cpuArray = `(() => { const arr = new Array(10000);
  for (let i = 0; i < 10000; i++) arr[i] = { id: i, name: "item-" + i, value: (i * 7919) % 10007, tags: ["a", "b"] };
  return arr; })()`

// runtimes gives goja's own JSON and edgedev's, to be measured side by side.
func runtimes(b *testing.B) map[string]*goja.Runtime {
	ours := goja.New()
	if err := Install(ours); err != nil {
		b.Fatal(err)
	}
	return map[string]*goja.Runtime{"goja": goja.New(), "edgedev": ours}
}

func benchCall(b *testing.B, vm *goja.Runtime, fn string, arg goja.Value) {
	f, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get(fn))
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := f(goja.Undefined(), arg); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// cpuTime is the process's CPU time (all threads, the collector's
// included). On a shared machine it moves far less than wall time, so the
// benchmarks report it per op as cpu-ns/op next to ns/op.
func cpuTime() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func reportCPU(b *testing.B, start int64) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"goja", "edgedev"} {
		vms := runtimes(b)
		vm := vms[name]
		b.Run("2KB/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(benchBody)))
			benchCall(b, vm, "parse", vm.ToValue(benchBody))
		})
		arr, err := vm.RunString("JSON.stringify(" + cpuArray + ")")
		if err != nil {
			b.Fatal(err)
		}
		b.Run("600KB/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(arr.String())))
			benchCall(b, vm, "parse", arr)
		})
	}
}

func BenchmarkStringify(b *testing.B) {
	for _, name := range []string{"goja", "edgedev"} {
		vm := runtimes(b)[name]
		body, err := vm.RunString("(" + benchBody + ")")
		if err != nil {
			b.Fatal(err)
		}
		b.Run("2KB/"+name, func(b *testing.B) { benchCall(b, vm, "stringify", body) })
		arr, err := vm.RunString(cpuArray)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("600KB/"+name, func(b *testing.B) { benchCall(b, vm, "stringify", arr) })
	}
}

// BenchmarkLiteral is the floor goja sets: building the 2 KB body's value
// from an object literal in compiled JS, with no parsing at all.
func BenchmarkLiteral(b *testing.B) {
	vm := goja.New()
	f, err := vm.RunString("(function () { return " + benchBody + "; })")
	if err != nil {
		b.Fatal(err)
	}
	fn, _ := goja.AssertFunction(f)
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := fn(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}
