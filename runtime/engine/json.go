// JSON.parse and JSON.stringify as V8 has them, from package
// runtime/engine/json, over goja's own.

package engine

import (
	"edgedev/runtime/engine/json"
	"edgedev/runtime/module"
)

// InstallJSON puts edgedev's JSON.parse, JSON.stringify, JSON.rawJSON and
// JSON.isRawJSON on globalThis.JSON.
func InstallJSON(h module.Host) error {
	return json.Install(h.VM())
}
