package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFind(t *testing.T) {
	write := func(t *testing.T, path string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("prefers json over jsonc over toml in one directory", func(t *testing.T) {
		root := t.TempDir()
		for _, n := range []string{"wrangler.toml", "wrangler.jsonc", "wrangler.json"} {
			write(t, filepath.Join(root, n))
		}
		got, err := Find(root)
		if err != nil || got != filepath.Join(root, "wrangler.json") {
			t.Fatalf("Find = %q, %v; want wrangler.json", got, err)
		}
		os.Remove(filepath.Join(root, "wrangler.json"))
		if got, _ := Find(root); got != filepath.Join(root, "wrangler.jsonc") {
			t.Fatalf("Find = %q; want wrangler.jsonc", got)
		}
	})

	t.Run("searches upward and stops at the nearest directory", func(t *testing.T) {
		root := t.TempDir()
		write(t, filepath.Join(root, "wrangler.json"))
		write(t, filepath.Join(root, "app", "wrangler.toml"))
		deep := filepath.Join(root, "app", "src", "routes")
		if err := os.MkdirAll(deep, 0o755); err != nil {
			t.Fatal(err)
		}
		got, err := Find(deep)
		if err != nil || got != filepath.Join(root, "app", "wrangler.toml") {
			t.Fatalf("Find = %q, %v; want app/wrangler.toml (nearest wins over a json further up)", got, err)
		}
	})

	t.Run("returns an absolute path for a relative start", func(t *testing.T) {
		root := t.TempDir()
		write(t, filepath.Join(root, "wrangler.toml"))
		t.Chdir(root)
		got, err := Find(".")
		if err != nil || !filepath.IsAbs(got) || filepath.Base(got) != "wrangler.toml" {
			t.Fatalf("Find(.) = %q, %v", got, err)
		}
	})

	t.Run("ignores a directory named like a config", func(t *testing.T) {
		root := t.TempDir()
		if err := os.MkdirAll(filepath.Join(root, "wrangler.json"), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(root, "wrangler.toml"))
		if got, _ := Find(root); got != filepath.Join(root, "wrangler.toml") {
			t.Fatalf("Find = %q; want wrangler.toml", got)
		}
	})

	t.Run("reports ErrNotFound when there is none", func(t *testing.T) {
		// t.TempDir has no config, but a parent might (a developer's home);
		// only accept a result outside the temp dir in that case.
		root := t.TempDir()
		got, err := Find(root)
		if err == nil {
			if strings.HasPrefix(got, root) {
				t.Fatalf("Find = %q inside an empty dir", got)
			}
			t.Skipf("a parent of the temp dir holds %s", got)
		}
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("err = %v; want ErrNotFound", err)
		}
		if !strings.Contains(err.Error(), root) {
			t.Errorf("error %q does not name the start directory", err)
		}
	})
}

func TestKVNamespace_LocalID(t *testing.T) {
	tests := []struct {
		name string
		ns   KVNamespace
		want string
	}{
		{"preview_id wins over id", KVNamespace{Binding: "B", ID: "id", PreviewID: "pid"}, "pid"},
		{"id when there is no preview_id", KVNamespace{Binding: "B", ID: "id"}, "id"},
		{"binding name when there is neither", KVNamespace{Binding: "B"}, "B"},
		{"preview_id alone", KVNamespace{Binding: "B", PreviewID: "pid"}, "pid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.ns.LocalID(); got != tt.want {
				t.Errorf("LocalID() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseVarFlag(t *testing.T) {
	tests := []struct {
		name, in  string
		want      Var
		wantError string
	}{
		{"splits at the first colon", "API_URL:http://localhost:3000", Var{Name: "API_URL", Value: "http://localhost:3000"}, ""},
		{"allows an empty value", "EMPTY:", Var{Name: "EMPTY", Value: ""}, ""},
		{"trims the name", " A :b", Var{Name: "A", Value: "b"}, ""},
		{"rejects a missing colon", "FOO", Var{}, `--var expects NAME:VALUE, e.g. --var API_URL:http://localhost:3000 (got "FOO")`},
		{"rejects an empty name", ":value", Var{}, `--var expects NAME:VALUE, e.g. --var API_URL:http://localhost:3000 (got ":value")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseVarFlag(tt.in)
			if tt.wantError != "" {
				if err == nil || err.Error() != tt.wantError {
					t.Fatalf("err = %v, want %q", err, tt.wantError)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseVarFlag(%q) = %#v, %v; want %#v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestProblems_Error(t *testing.T) {
	t.Run("renders the house error shape", func(t *testing.T) {
		p := &Problems{File: "/x/wrangler.toml", List: []Diagnostic{
			{File: "/x/wrangler.toml", Line: 9, Key: "kv_namespaces[1].binding", Message: "kv_namespaces[1].binding is required"},
			{File: "/x/wrangler.toml", Line: 3, Key: "compatibility_date", Message: `compatibility_date must look like 2024-09-23 (got "yesterday")`},
		}}
		want := "wrangler.toml has 2 problems\n" +
			"  - line 9: kv_namespaces[1].binding is required\n" +
			"  - line 3: compatibility_date must look like 2024-09-23 (got \"yesterday\")"
		if got := p.Error(); got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("singular, column, no line, and hint", func(t *testing.T) {
		p := &Problems{File: ".dev.vars", List: []Diagnostic{{Line: 2, Column: 5, Message: "bad"}}}
		if got, want := p.Error(), ".dev.vars has 1 problem\n  - line 2, column 5: bad"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		p = &Problems{File: "wrangler.json", List: []Diagnostic{{Message: "global", Hint: "do this"}}}
		if got, want := p.Error(), "wrangler.json has 1 problem\n  - global\n    hint: do this"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestDiagnostic_String(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"with line", Diagnostic{File: "/p/wrangler.toml", Line: 12, Message: `unknown key "kv_namespace"; did you mean "kv_namespaces"?`, Hint: "not shown"},
			`wrangler.toml line 12: unknown key "kv_namespace"; did you mean "kv_namespaces"?`},
		{"with column", Diagnostic{File: "wrangler.json", Line: 1, Column: 4, Message: "m"}, "wrangler.json line 1, column 4: m"},
		{"without line", Diagnostic{File: "wrangler.toml", Message: "No compatibility_date was specified"}, "wrangler.toml: No compatibility_date was specified"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoad_Clock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "wrangler.toml")
	if err := os.WriteFile(path, []byte(`compatibility_date = "2030-05-01"`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	at := func(s string) Loader {
		tm, _ := time.Parse(time.RFC3339, s)
		return Loader{Now: func() time.Time { return tm }}
	}
	t.Run("accepts the date once that day has begun in UTC", func(t *testing.T) {
		// 2030-04-30 22:00 in UTC-05:00 is already 2030-05-01 in UTC.
		if _, _, err := at("2030-04-30T22:00:00-05:00").Load(path, ""); err != nil {
			t.Fatalf("Load: %v", err)
		}
	})
	t.Run("rejects it the day before", func(t *testing.T) {
		_, _, err := at("2030-04-30T23:59:59Z").Load(path, "")
		var p *Problems
		if !errors.As(err, &p) || len(p.List) != 1 || p.List[0].Key != "compatibility_date" || p.List[0].Line != 1 {
			t.Fatalf("err = %v; want one compatibility_date problem on line 1", err)
		}
	})
	t.Run("package Load uses the real clock", func(t *testing.T) {
		if _, _, err := Load(path, ""); err != nil && time.Now().UTC().Format(dateLayout) >= "2030-05-01" {
			t.Fatalf("Load: %v", err)
		}
	})
}

func TestStripJSONC(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"line comment", "{\"a\": 1 // c\n}", "{\"a\": 1     \n}"},
		{"block comment keeps newlines", "{/* a\nb */\"a\": 1}", "{    \n    \"a\": 1}"},
		{"comment markers in strings stay", `{"u": "http://x/*y*/"}`, `{"u": "http://x/*y*/"}`},
		{"escaped quote does not end a string", `{"a": "\" // not a comment"}`, `{"a": "\" // not a comment"}`},
		{"trailing comma in object", `{"a": 1,}`, `{"a": 1 }`},
		{"trailing comma in array across lines", "[1,\n 2,\n]", "[1,\n 2 \n]"},
		{"trailing comma before a comment and brace", "[1, // x\n]", "[1      \n]"},
		{"comma inside a string is kept", `["a,]"]`, `["a,]"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := stripJSONC([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if len(got) != len(tt.in) {
				t.Errorf("length changed: %d -> %d (offsets would move)", len(tt.in), len(got))
			}
		})
	}
}

func TestTOMLScanner_Lines(t *testing.T) {
	src := `top = 1
arr = [
  "a",
  { x = 1,
    y = [2] },
]
"quoted.key" = 2
a.b.c = 3

[[fruit]]
name = "apple"
[fruit.physical]
color = "red"
[[fruit.variety]]
name = "red delicious"

[[fruit]]
name = "banana"
[[fruit.variety]]
name = "plantain"
s = """
x = [not a key]
"""
t = 'say "hi" [x]'
`
	s := newTOMLScanner([]byte(src))
	s.scan()
	want := map[string]int{
		"top": 1, "arr": 2, "arr[0]": 3, "arr[1]": 4, "arr[1].x": 4, "arr[1].y": 5, "arr[1].y[0]": 5,
		`"quoted.key"`: 7, "a": 8, "a.b": 8, "a.b.c": 8,
		"fruit": 10, "fruit[0]": 10, "fruit[0].name": 11, "fruit[0].physical": 12, "fruit[0].physical.color": 13,
		"fruit[0].variety[0]": 14, "fruit[0].variety[0].name": 15,
		"fruit[1]": 17, "fruit[1].name": 18, "fruit[1].variety[0]": 19, "fruit[1].variety[0].name": 20,
		"fruit[1].variety[0].s": 21, "fruit[1].variety[0].t": 24,
	}
	for k, line := range want {
		if got := s.lines[k]; got != line {
			t.Errorf("line of %s = %d, want %d", k, got, line)
		}
	}
	if _, ok := s.lines["x"]; ok {
		t.Error("text inside a multi-line string was taken for a key")
	}
	if got := strings.Join(s.order["fruit[0]"], ","); got != "name,physical,variety" {
		t.Errorf("order of fruit[0] = %s", got)
	}
	if got := strings.Join(s.order[""], ","); got != "top,arr,quoted.key,a,fruit" {
		t.Errorf("top-level order = %s", got)
	}
}

func TestSuggest(t *testing.T) {
	known := set("kv_namespaces", "compatibility_date", "port", "binding", "id")
	tests := []struct{ in, want string }{
		{"kv_namespace", "kv_namespaces"},
		{"compatability_date", "compatibility_date"},
		{"prot", "port"}, // a swap is one edit
		{"bnding", "binding"},
		{"completely_made_up", ""},
		{"x", ""}, // too short to guess
	}
	for _, tt := range tests {
		if got := suggest(tt.in, known); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
