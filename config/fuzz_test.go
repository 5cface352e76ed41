package config

import (
	"path/filepath"
	"testing"
)

// The parsers must never panic or hang, whatever the input; the TOML scanner
// in particular runs on every document BurntSushi accepts. Seeds are the
// golden inputs; run longer with go test -fuzz=FuzzParseTOML ./config.

func addGoldenSeeds(f *testing.F, names ...string) {
	files, _ := filepath.Glob("testdata/*/*.txtar")
	for _, file := range files {
		ar, err := readArchive(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			for _, n := range names {
				if af.Name == n {
					f.Add(af.Data)
				}
			}
		}
	}
}

func FuzzParseTOML(f *testing.F) {
	addGoldenSeeds(f, "wrangler.toml")
	f.Fuzz(func(t *testing.T, src []byte) {
		root, err := parseTOML(src)
		if err == nil {
			c := &checker{file: "wrangler.toml", toml: true, today: "2026-01-15"}
			c.resolve(root, "staging", "/w/wrangler.toml")
		}
	})
}

func FuzzParseJSONC(f *testing.F) {
	addGoldenSeeds(f, "wrangler.json", "wrangler.jsonc")
	f.Fuzz(func(t *testing.T, src []byte) {
		root, err := parseJSONC(src)
		if err == nil {
			c := &checker{file: "wrangler.json", today: "2026-01-15"}
			c.resolve(root, "", "/w/wrangler.json")
		}
	})
}

func FuzzParseDotenv(f *testing.F) {
	addGoldenSeeds(f, ".dev.vars", ".env")
	f.Fuzz(func(t *testing.T, src []byte) {
		vars, problems := parseDotenv(string(src), ".dev.vars")
		for _, p := range problems {
			if p.Line < 1 {
				t.Fatalf("problem without a line: %+v", p)
			}
		}
		_ = vars
	})
}
