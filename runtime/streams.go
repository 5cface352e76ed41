// Streams: ReadableStream, WritableStream, TransformStream and friends, after
// the WHATWG Streams Standard (https://streams.spec.whatwg.org/). The
// implementation is our own JS in js/streams.js (its first comment lists what
// is knowingly missing); this file embeds it, compiles it once per process
// and runs it in each runtime.

package runtime

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
)

//go:embed js/streams.js
var streamsJS string

var streamsFile = newJSFile("edgedev:streams.js", streamsJS)

// installStreams defines ReadableStream, WritableStream, TransformStream,
// their readers, writers and controllers, the two queuing strategies, and
// TextEncoderStream/TextDecoderStream (which use TextEncoder/TextDecoder, so
// installEncoding must run too, before or after).
func installStreams(vm *goja.Runtime) error {
	if err := runStreamsJS(vm); err != nil {
		return fmt.Errorf("install ReadableStream/WritableStream/TransformStream: %w", err)
	}
	return nil
}

func runStreamsJS(vm *goja.Runtime) error {
	install, err := streamsFile.load(vm)
	if err != nil {
		return err
	}
	_, err = install(goja.Undefined(), vm.GlobalObject())
	return err
}
