package runtime_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

// jsCase is one snippet run on the eval worker: want is the JSON it must
// return (compared exactly).
type jsCase struct {
	name, src, want string
}

func runJSCases(t *testing.T, h *runtimetest.Harness, cases []jsCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := h.Run(t, c.src)
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
