package runtime

import (
	"context"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// TestPartsLayout checks that js/headers_request_response.js builds responseParts' array in
// the order parts.go names, with parts.go's body kinds: each position is
// read back through the Go constants from Responses whose fields all differ.
// (requestParts and the fetch result cross inside fetch(); every body kind
// of theirs is exercised end to end by fetchclient_test.go.)
func TestPartsLayout(t *testing.T) {
	w, err := New(Options{Script: `addEventListener("fetch", () => {});`})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close(context.Background())
	inst := w.current()
	var fail string
	ok := inst.loop.postWait(func() {
		vm := inst.vm
		get := func(v goja.Value, i int) goja.Value { return v.ToObject(vm).Get(partKeys[i]) }
		run := func(src string) goja.Value {
			v, err := vm.RunString(src)
			if err != nil {
				fail = err.Error()
			}
			return v
		}
		check := func(what string, got goja.Value, want any) {
			if fail == "" && got.Export() != vm.ToValue(want).Export() {
				fail = what + ": got " + got.String() + ", want " + vm.ToValue(want).String()
			}
		}
		for _, tc := range []struct {
			body string
			kind int
		}{{"null", bodyNone}, {`"text"`, bodyText}, {"new Uint8Array([1])", bodyBytes}, {"new ReadableStream()", bodyStream}} {
			res := run(`new Response(` + tc.body + `, {status: 201, statusText: "Made", headers: {"x-a": "b"}})`)
			parts, err := inst.responseParts(goja.Undefined(), res)
			if err != nil {
				fail = err.Error()
				return
			}
			check("response status", get(parts, respStatus), 201)
			check("response statusText", get(parts, respStatusText), "Made")
			if h := get(parts, respHeaders).String(); fail == "" && !strings.HasPrefix(h, "x-a\nb") {
				fail = "response headers: " + h
			}
			check("response kind of "+tc.body, get(parts, respKind), tc.kind)
			if tc.kind == bodyStream {
				check("response length", get(parts, respLength), -1)
			}
		}
	})
	if !ok {
		t.Fatal("loop stopped")
	}
	if fail != "" {
		t.Fatal(fail)
	}
}
