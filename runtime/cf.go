package runtime

import (
	"encoding/json"

	"github.com/dop251/goja"
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
		vm := inst.vm
		v, err := vm.RunString("(JSON.parse)")
		if err == nil {
			parse, _ := goja.AssertFunction(v)
			js, _ := jsonMarshal(inst.w.opts.CF)
			if obj, err := parse(goja.Undefined(), vm.ToValue(js)); err == nil {
				freeze, _ := goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("freeze"))
				_, _ = freeze(goja.Undefined(), obj)
				inst.cf = obj
			}
		}
		if inst.cf == nil {
			inst.cf = goja.Undefined()
		}
	}
	return inst.cf
}

func jsonMarshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}
