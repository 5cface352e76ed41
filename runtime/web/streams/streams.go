// Streams: ReadableStream, WritableStream, TransformStream and friends, after
// the WHATWG Streams Standard (https://streams.spec.whatwg.org/). The
// implementation is our own JS in streams.js (its first comment lists what
// is knowingly missing); this file embeds it, compiles it once per process
// and runs it in each runtime.

package streams

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

//go:embed streams.js
var streamsJS string

var streamsFile = module.NewJSFile("edgedev:streams.js", streamsJS)

// Install defines ReadableStream, WritableStream, TransformStream, their
// readers, writers and controllers, the two queuing strategies, and
// TextEncoderStream/TextDecoderStream (which use the TextEncoder/TextDecoder
// globals when constructed, so those must be installed too, before or after).
//
// What the runtime's headers_request_response.js relies on: ReadableStream.prototype answers
// Symbol.for("edgedev.disturbed") (whether a body stream was ever read).
func Install(h module.Host) error {
	vm := h.VM()
	install, err := streamsFile.Load(vm)
	if err == nil {
		_, err = install(goja.Undefined(), vm.GlobalObject())
	}
	if err != nil {
		return fmt.Errorf("install ReadableStream/WritableStream/TransformStream: %w", err)
	}
	return nil
}
