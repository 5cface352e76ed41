package hint_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"edgedev/hint"
)

type ownHint struct{ h string }

func (e *ownHint) Error() string     { return "own" }
func (e *ownHint) ErrorHint() string { return e.h }

func TestHint(t *testing.T) {
	base := errors.New("listen on 127.0.0.1:8787: address in use")
	tests := []struct {
		name     string
		err      error
		wantMsg  string
		wantHint string
	}{
		{"no hint", base, base.Error(), ""},
		{"attached", hint.With(base, "pick another port with --port"), base.Error(), "pick another port with --port"},
		{"survives wrapping", fmt.Errorf("start: %w", hint.With(base, "pick another port")), "start: " + base.Error(), "pick another port"},
		{"outermost wins", hint.With(fmt.Errorf("x: %w", hint.With(base, "inner")), "outer"), "x: " + base.Error(), "outer"},
		{"an error's own hint", fmt.Errorf("kv: %w", &ownHint{"a key is 1 to 512 bytes"}), "kv: own", "a key is 1 to 512 bytes"},
		{"a hint over an error whose own is empty", hint.With(&ownHint{""}, "x"), "own", "x"},
		{"empty hint keeps the error", hint.With(base, ""), base.Error(), ""},
		{"inside an error that wraps several", fmt.Errorf("a: %w", errors.Join(errors.New("b"), hint.With(base, "deep"))), "a: b\n" + base.Error(), "deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.wantMsg {
				t.Errorf("message = %q, want %q", got, tt.wantMsg)
			}
			if got := hint.Of(tt.err); got != tt.wantHint {
				t.Errorf("hint = %q, want %q", got, tt.wantHint)
			}
			if !errors.Is(tt.err, base) && !strings.HasPrefix(tt.name, "an error's own") && tt.wantMsg != "own" {
				t.Errorf("errors.Is lost the wrapped error")
			}
		})
	}
	if hint.With(nil, "x") != nil {
		t.Error("With(nil) is not nil")
	}
}
