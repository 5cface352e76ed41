package navigator_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestNavigator(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "what workerd reports", Src: `return [navigator.userAgent, navigator.hardwareConcurrency];`, Want: `["Cloudflare-Workers",1]`},
	})
}
