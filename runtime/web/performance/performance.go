package performance

import (
	"time"

	"edgedev/runtime/module"
)

// Install defines globalThis.performance.
func Install(h module.Host) error {
	vm := h.VM()
	perf := vm.NewObject()
	born := h.Born()
	if err := perf.Set("now", func() float64 {
		return float64(time.Since(born).Nanoseconds()) / 1e6
	}); err != nil {
		return err
	}
	if err := perf.Set("timeOrigin", float64(born.UnixNano())/1e6); err != nil {
		return err
	}
	return vm.GlobalObject().Set("performance", perf)
}
