package runtime

import (
	_ "embed"

	"github.com/dop251/goja"
)

//go:embed js/edgestreams.js
var edgeStreamsJS string

var edgeStreamsFile = newJSFile("edgedev:edgestreams.js", edgeStreamsJS)

// installEdgeStreams defines IdentityTransformStream and FixedLengthStream.
func installEdgeStreams(vm *goja.Runtime) error {
	install, err := edgeStreamsFile.load(vm)
	if err != nil {
		return err
	}
	_, err = install(goja.Undefined())
	return err
}
