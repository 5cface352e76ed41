package runtime

import (
	"encoding/json"
	"fmt"
	"maps"

	"github.com/dop251/goja"

	"edgedev/bindings"
)

// DefaultCF returns the placeholder request.cf values, the same ones
// Miniflare uses when it cannot fetch a real cf object (workers-sdk
// packages/miniflare/src/cf.ts). Callers may change fields such as colo.
func DefaultCF() map[string]any {
	return map[string]any{
		"asn":                        395747,
		"asOrganization":             "Google Fiber",
		"colo":                       "DFW",
		"country":                    "US",
		"city":                       "Austin",
		"continent":                  "NA",
		"region":                     "Texas",
		"regionCode":                 "TX",
		"metroCode":                  "635",
		"postalCode":                 "78701",
		"latitude":                   "30.27130",
		"longitude":                  "-97.74260",
		"timezone":                   "America/Chicago",
		"isEUCountry":                false,
		"httpProtocol":               "HTTP/1.1",
		"tlsVersion":                 "TLSv1.3",
		"tlsCipher":                  "AEAD-AES256-GCM-SHA384",
		"clientTcpRtt":               3,
		"requestPriority":            "",
		"clientAcceptEncoding":       "gzip, deflate, br",
		"edgeRequestKeepAliveStatus": 1,
		"verifiedBotCategory":        "",
		"botManagement": map[string]any{
			"score": 99, "verifiedBot": false, "staticResource": false, "corporateProxy": false,
			"ja3Hash": "25b4882c2bcb50cd6b469ff28c596742", "detectionIds": []any{},
		},
	}
}

// cfValue is request.cf: one frozen object per instance, shared by its
// requests (building it per request would cost more than the rest of the
// request object together).
func (inst *instance) cfValue() goja.Value {
	if inst.cf == nil {
		inst.cf = inst.frozenCF(inst.w.opts.CF)
	}
	return inst.cf
}

func (inst *instance) frozenCF(fields map[string]any) goja.Value {
	vm := inst.vm
	js, err := jsonMarshal(fields)
	if err != nil {
		return goja.Undefined()
	}
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	freeze, _ := goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("freeze"))
	obj, err := parse(goja.Undefined(), vm.ToValue(js))
	if err != nil {
		return goja.Undefined()
	}
	_, _ = freeze(goja.Undefined(), obj)
	return obj
}

// place is what a simulated location changes for a request: its env (for
// bindings that implement bindings.Locator) and request.cf with its colo.
type place struct {
	env goja.Value
	cf  goja.Value
}

// place returns the env and cf for a location, building them on first use.
// Loop only.
func (inst *instance) place(location string) (*place, error) {
	if p, ok := inst.places[location]; ok {
		return p, nil
	}
	vm := inst.vm
	env := vm.NewObject()
	for i, b := range inst.w.opts.Bindings {
		v := inst.envValues[i]
		if l, ok := b.Binding.(bindings.Locator); ok {
			var err error
			if v, err = l.ExposeAt(inst, location); err != nil {
				return nil, fmt.Errorf("binding %s at location %s: %w", b.Name, location, err)
			}
		}
		if err := setOwn(env, b.Name, v); err != nil {
			return nil, err
		}
	}
	cf := maps.Clone(inst.w.opts.CF)
	cf["colo"] = location
	p := &place{env: env, cf: inst.frozenCF(cf)}
	inst.places[location] = p
	return p, nil
}

func jsonMarshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}
