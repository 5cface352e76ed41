package performance_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestPerformance(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "now counts milliseconds from the instance's start", Src: `
			const a = performance.now();
			await new Promise((r) => setTimeout(r, 15));
			const b = performance.now();
			return [typeof a, a >= 0, b - a >= 14, b - a < 5000];`, Want: `["number",true,true,true]`},
		{Name: "timeOrigin plus now is about Date.now", Src: `
			return Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000;`, Want: `true`},
	})
}
