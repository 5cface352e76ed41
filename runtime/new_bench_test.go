package runtime_test

import (
	"testing"

	"edgedev/runtime"
)

// BenchmarkNew measures what a hot reload pays after the bundle is ready:
// compile the script, build a runtime with every global, run the top level.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w, err := runtime.New(runtime.Options{Script: helloWorker, GlobalName: "__edgedev_worker"})
		if err != nil {
			b.Fatal(err)
		}
		w.Close(b.Context())
	}
}
