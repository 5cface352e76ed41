package config

import (
	"os"
	"path/filepath"
	"testing"
)

// The config fuzz targets: any bytes in a wrangler.toml, wrangler.jsonc or
// .dev.vars give diagnostics or a config, never a panic. Seeds are the
// golden cases' files. Run one with: go test ./config -run XXX -fuzz FuzzTOML.

func seedFiles(f *testing.F, glob string) {
	paths, _ := filepath.Glob(glob)
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

func FuzzTOML(f *testing.F) {
	seedFiles(f, "testdata/load/*.txtar")
	f.Add([]byte("name = \"x\"\n[vars\nA = 1\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzLoad(t, "wrangler.toml", src)
	})
}

func FuzzJSONC(f *testing.F) {
	seedFiles(f, "testdata/load/*json*.txtar")
	f.Add([]byte(`{"name": "x", /* c */ "kv_namespaces": [{"binding": "KV",}],}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzLoad(t, "wrangler.jsonc", src)
	})
}

func FuzzDevVars(f *testing.F) {
	f.Add("A=1\nexport B=\"two\\nlines\"\nC='x' # comment\n")
	f.Add("A=\"unclosed\nB=2\n")
	f.Fuzz(func(t *testing.T, src string) {
		vars, _ := parseDotenv(src, ".dev.vars")
		for _, v := range vars {
			if v.Name == "" {
				t.Fatalf("a var with no name from %q", src)
			}
		}
	})
}

// fuzzLoad writes src as the config file and loads it through the public
// path, top level and an environment.
func fuzzLoad(t *testing.T, name string, src []byte) {
	dir := t.TempDir()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, env := range []string{"", "staging"} {
		cfg, _, err := Load(p, env)
		if err == nil && cfg == nil {
			t.Fatalf("no config and no error for %q", src)
		}
	}
}
