package pages

import "testing"

// Any text in _routes.json gives rules or an error, never a panic.

func FuzzRoutesJSON(f *testing.F) {
	f.Add([]byte(`{"version": 1, "include": ["/*"], "exclude": ["/static/*"]}`))
	f.Add([]byte(`{"version": 2}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, _ = ParseRoutesJSON(src, "_routes.json")
	})
}
