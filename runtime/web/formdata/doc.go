// Package formdata is the Blob, File and FormData globals of a worker,
// after the File API and the XMLHttpRequest Standard, as workerd exposes
// them. The classes are JS (formdata.js); Go lends them its UTF-8 encoder
// and the Encoding Standard's UTF-8 decode. Install defines the globals.
// Parsing a multipart/form-data body (Request.formData()) is not here: it
// is the request path, in runtime/dispatch.go.
//
// Imports: goja, runtime/module, runtime/webidl, runtime/web/encoding and
// the standard library. Never edgedev/runtime: the runtime imports this
// package and lends it a module.Host.
//
// Concurrency: a Blob's bytes are copied once when it is made and never
// change, but the objects belong to their runtime and are touched only on
// its loop goroutine. The compiled formdata.js is shared by every runtime.
package formdata
