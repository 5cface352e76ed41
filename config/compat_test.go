package config

import "testing"

func TestNode(t *testing.T) {
	for _, c := range []struct {
		date  string
		flags []string
		mode  NodeMode
		env   bool
	}{
		{"2024-01-01", nil, NodeOff, false},
		{"", []string{"nodejs_compat"}, NodeV1, false},
		{"2024-09-22", []string{"nodejs_compat"}, NodeV1, false},
		{"2024-09-23", []string{"nodejs_compat"}, NodeV2, false},
		{"2024-09-23", []string{"nodejs_compat", "no_nodejs_compat_v2"}, NodeV1, false},
		{"2024-01-01", []string{"nodejs_compat_v2"}, NodeV2, false},
		{"2025-03-31", []string{"nodejs_compat"}, NodeV2, false},
		{"2025-04-01", []string{"nodejs_compat"}, NodeV2, true},
		{"2025-04-01", []string{"nodejs_compat", "nodejs_compat_do_not_populate_process_env"}, NodeV2, false},
		{"2024-10-01", []string{"nodejs_compat", "nodejs_compat_populate_process_env"}, NodeV2, true},
		{"2024-10-01", []string{"nodejs_compat_populate_process_env"}, NodeOff, false},
		{"2025-04-01", []string{"nodejs_als"}, NodeALS, false},
		{"2026-08-03", nil, NodeOff, false},
		{"2026-08-04", nil, NodeV2, true},
		{"2026-08-04", []string{"no_nodejs_compat"}, NodeV2, true},
		{"2026-08-04", []string{"no_nodejs_compat", "no_nodejs_compat_v2"}, NodeOff, false},
		{"2026-08-04", []string{"no_nodejs_compat", "no_nodejs_compat_v2", "nodejs_als"}, NodeALS, false},
		{"2026-08-04", []string{"no_nodejs_compat_v2"}, NodeV1, true},
	} {
		got := Node(c.date, c.flags)
		if got.Mode != c.mode || got.PopulateProcessEnv != c.env {
			t.Errorf("Node(%q, %q) = %+v, want mode %q, populate env %v", c.date, c.flags, got, c.mode, c.env)
		}
	}
}
