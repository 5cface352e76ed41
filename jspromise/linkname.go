package jspromise

import (
	_ "unsafe" // for go:linkname

	"github.com/dop251/goja"
)

// gojaVersion is the goja these declarations were checked against; see
// TestGojaInternalsUnchanged.
const gojaVersion = "v0.0.0-20260917113740-793a2a65c13b"

// The goja internals this package uses (goja's builtin_promise.go). When
// upgrading goja, check that each still exists with this signature and
// meaning, update gojaVersion and the signatures in linkname_test.go, and
// run this package's tests:
//
//   - (*Runtime).newPromise(proto) makes a pending promise, nothing else;
//   - (*Runtime).getPromisePrototype() is %Promise.prototype%;
//   - (*Promise).fulfill(v) settles a pending promise with v (no thenable
//     check) and queues its reactions;
//   - (*Promise).reject(reason) does the same for a rejection and reports
//     an unhandled one to the rejection tracker;
//   - (*Promise).createResolvingFunctions() makes the resolve and reject
//     functions of a pending promise (used only for thenables).

//go:linkname newPromise github.com/dop251/goja.(*Runtime).newPromise
func newPromise(r *goja.Runtime, proto *goja.Object) *goja.Promise

//go:linkname promisePrototype github.com/dop251/goja.(*Runtime).getPromisePrototype
func promisePrototype(r *goja.Runtime) *goja.Object

//go:linkname fulfill github.com/dop251/goja.(*Promise).fulfill
func fulfill(p *goja.Promise, v goja.Value) goja.Value

//go:linkname reject github.com/dop251/goja.(*Promise).reject
func reject(p *goja.Promise, reason goja.Value) goja.Value

//go:linkname resolvingFunctions github.com/dop251/goja.(*Promise).createResolvingFunctions
func resolvingFunctions(p *goja.Promise) (resolve, reject *goja.Object)
