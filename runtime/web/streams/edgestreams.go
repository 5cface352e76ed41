// workerd's own stream classes, IdentityTransformStream and
// FixedLengthStream (https://developers.cloudflare.com/workers/runtime-apis/streams/),
// our own JS in edgestreams.js on top of streams.js.

package streams

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

//go:embed edgestreams.js
var edgeStreamsJS string

var edgeStreamsFile = module.NewJSFile("edgedev:edgestreams.js", edgeStreamsJS)

// InstallEdge defines IdentityTransformStream and FixedLengthStream. They
// extend the TransformStream global, so Install must have run (or its lazy
// stand-in be in place).
//
// What the runtime's headers_request_response.js relies on: a FixedLengthStream's readable
// carries its length under Symbol.for("edgedev.expectedLength"), so a body
// made of it is sent with a Content-Length.
func InstallEdge(h module.Host) error {
	install, err := edgeStreamsFile.Load(h.VM())
	if err != nil {
		return err
	}
	_, err = install(goja.Undefined())
	return err
}
