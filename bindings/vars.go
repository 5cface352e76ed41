package bindings

import (
	"encoding/json"
	"fmt"

	"github.com/dop251/goja"
)

// Value is a plain-text var, a JSON var or a secret: a constant exposed
// as-is. Strings stay strings; other values keep their JSON types, so
// `PAGE_SIZE = 20` in wrangler.toml arrives as the number 20 and an inline
// table as an object, as on the platform.
type Value struct {
	str    string
	json   string
	isJSON bool
}

// NewValue makes a var binding from a config value (string, number, bool,
// map, slice).
func NewValue(v any) (*Value, error) {
	if s, ok := v.(string); ok {
		return &Value{str: s}, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("var is not JSON-serialisable: %w", err)
	}
	return &Value{json: string(b), isJSON: true}, nil
}

// Expose returns the string, or a fresh JS value parsed from the JSON so
// that each worker instance owns its copy.
func (v *Value) Expose(h Host) (goja.Value, error) {
	vm := h.VM()
	if !v.isJSON {
		return vm.ToValue(v.str), nil
	}
	parse, ok := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	if !ok {
		return nil, fmt.Errorf("JSON.parse is missing")
	}
	return parse(goja.Undefined(), vm.ToValue(v.json))
}

// String is what the start-up table shows.
func (v *Value) String() string {
	if v.isJSON {
		return v.json
	}
	return fmt.Sprintf("%q", v.str)
}

// Close has nothing to release.
func (v *Value) Close() error { return nil }

var _ Binding = (*Value)(nil)
