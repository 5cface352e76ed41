// Package performance is globalThis.performance as workerd gives it: now()
// and timeOrigin, after High Resolution Time
// (https://w3c.github.io/hr-time/#the-performance-interface). Both count
// from the instance's start on the real monotonic clock (module.Host.Born),
// not the injected one. Knowingly missing: marks, measures and the
// performance timeline, which workerd leaves out too.
//
// Imports: goja, runtime/module and the standard library. Never
// edgedev/runtime. Concurrency: none; installed and called on the loop.
package performance
