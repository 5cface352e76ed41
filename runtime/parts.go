package runtime

import "github.com/dop251/goja"

// The request path passes arrays, not objects, between Go and its own JS
// (js/headers_request_response.js, js/fetchclient.js): goja builds and indexes an array literal
// faster than an object, and these cross on every request and every fetch().
// This file names their positions and the body kinds they carry, once. The
// JS files receive the same numbers as native.layout (layoutObject) and read
// the arrays through them; they build each array literal in this order.
// parts_test.go checks both sides against each other.

// bodyKind says how a body crosses between JS and Go.
const (
	bodyNone   = 0 // no body (null)
	bodyText   = 1 // a string, sent as UTF-8
	bodyBytes  = 2 // a Uint8Array
	bodyGo     = 3 // an *incomingBody forwarded from the incoming request
	bodyStream = 4 // a ReadableStream (a ReadableStreamDefaultReader once sent)
	bodyBlob   = 5 // a Blob, read to bytes before it is sent
)

// responseParts (headers_request_response.js) turns the handler's Response into
// [status, statusText, headers ("name\nvalue" flat), kind, body, length].
const (
	respStatus     = 0
	respStatusText = 1
	respHeaders    = 2
	respKind       = 3
	respBody       = 4
	respLength     = 5 // with bodyStream: a FixedLengthStream's length, or -1
)

// requestParts (headers_request_response.js) turns a Request into what fetch() sends:
// [method, url, headers (flat), kind, body, redirect, signal, length].
const (
	reqMethod   = 0
	reqURL      = 1
	reqHeaders  = 2
	reqKind     = 3
	reqBody     = 4
	reqRedirect = 5
	reqSignal   = 6
	reqLength   = 7 // with bodyStream: a FixedLengthStream's length, or -1
)

// A fetch result (fetchResult.value) is [status, statusText,
// [name, value, ...], body (null, Uint8Array or a Go body), url, redirected].
const (
	resStatus     = 0
	resStatusText = 1
	resHeaders    = 2
	resBody       = 3
	resURL        = 4
	resRedirected = 5
)

// partKeys are the property keys of the positions, made once.
var partKeys = [...]string{"0", "1", "2", "3", "4", "5", "6", "7"}

// layoutObject is native.layout for js/headers_request_response.js and js/fetchclient.js.
func layoutObject(vm *goja.Runtime) *goja.Object {
	o := vm.NewObject()
	group := func(name string, kv ...any) {
		g := vm.NewObject()
		for i := 0; i < len(kv); i += 2 {
			_ = g.Set(kv[i].(string), kv[i+1])
		}
		_ = o.Set(name, g)
	}
	group("body", "NONE", bodyNone, "TEXT", bodyText, "BYTES", bodyBytes, "GO_BODY", bodyGo, "STREAM", bodyStream, "BLOB", bodyBlob)
	group("response", "STATUS", respStatus, "STATUS_TEXT", respStatusText, "HEADERS", respHeaders, "KIND", respKind, "BODY", respBody, "LENGTH", respLength)
	group("request", "METHOD", reqMethod, "URL", reqURL, "HEADERS", reqHeaders, "KIND", reqKind, "BODY", reqBody, "REDIRECT", reqRedirect, "SIGNAL", reqSignal, "LENGTH", reqLength)
	group("result", "STATUS", resStatus, "STATUS_TEXT", resStatusText, "HEADERS", resHeaders, "BODY", resBody, "URL", resURL, "REDIRECTED", resRedirected)
	return o
}
