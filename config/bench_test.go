package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkLoad measures a full Load (read, parse, scan for lines, validate)
// of a typical config; it runs on every start and every config reload.
func BenchmarkLoad(b *testing.B) {
	for _, name := range []string{"wrangler.toml", "wrangler.json"} {
		b.Run(name, func(b *testing.B) {
			var src []byte
			for _, file := range []string{"testdata/load/ok_toml_all_fields.txtar", "testdata/load/ok_json.txtar"} {
				ar, err := readArchive(file)
				if err != nil {
					b.Fatal(err)
				}
				for _, f := range ar.Files {
					if f.Name == name {
						src = f.Data
					}
				}
			}
			path := filepath.Join(b.TempDir(), name)
			if err := os.WriteFile(path, src, 0o644); err != nil {
				b.Fatal(err)
			}
			l := Loader{Now: func() time.Time { return defaultNow }}
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := l.Load(path, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
