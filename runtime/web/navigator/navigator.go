package navigator

import "edgedev/runtime/module"

// Install defines globalThis.navigator.
func Install(h module.Host) error {
	vm := h.VM()
	nav := vm.NewObject()
	if err := nav.Set("userAgent", "Cloudflare-Workers"); err != nil {
		return err
	}
	if err := nav.Set("hardwareConcurrency", 1); err != nil {
		return err
	}
	return vm.GlobalObject().Set("navigator", nav)
}
