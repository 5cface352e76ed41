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
		got.Flags = nil // TestNodeFlags
		if got.Mode != c.mode || got.PopulateProcessEnv != c.env {
			t.Errorf("Node(%q, %q) = %+v, want mode %q, populate env %v", c.date, c.flags, got, c.mode, c.env)
		}
	}
}

func TestNodeFlags(t *testing.T) {
	has := func(nc NodeCompat, f string) bool {
		for _, x := range nc.Flags {
			if x == f {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		date  string
		flags []string
		flag  string
		want  bool
	}{
		{"2025-09-14", []string{"nodejs_compat"}, "enable_nodejs_process_v2", false},
		{"2025-09-15", []string{"nodejs_compat"}, "enable_nodejs_process_v2", true},
		{"2025-09-15", []string{"nodejs_compat", "disable_nodejs_process_v2"}, "enable_nodejs_process_v2", false},
		{"2024-01-01", []string{"nodejs_compat", "enable_nodejs_process_v2"}, "enable_nodejs_process_v2", true},
		{"2025-09-15", nil, "enable_nodejs_process_v2", false},
		{"2026-08-04", nil, "enable_nodejs_fs_module", true},
	} {
		if got := has(Node(c.date, c.flags), c.flag); got != c.want {
			t.Errorf("Node(%q, %q) has %s: %v, want %v", c.date, c.flags, c.flag, got, c.want)
		}
	}
}
