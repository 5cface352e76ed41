package config

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the want section of golden files")

// defaultNow is "today" for golden cases that do not set now:.
var defaultNow = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

// A golden case is one txtar file: the files to put in a fresh directory
// (wrangler.toml, .dev.vars, ...), an optional "args" section
// ("env: staging", "now: 2026-01-15", "load: wrangler.json"), and a "want"
// section holding the exact output. go test ./config -update rewrites "want".

func TestLoad_Golden(t *testing.T) {
	runGolden(t, "testdata/load", func(t *testing.T, dir string, args map[string]string) string {
		name := args["load"]
		if name == "" {
			name = "wrangler.toml"
		}
		now := defaultNow
		if s := args["now"]; s != "" {
			var err error
			if now, err = time.Parse("2006-01-02", s); err != nil {
				t.Fatalf("bad now: %v", err)
			}
		}
		l := Loader{Now: func() time.Time { return now }}
		cfg, warns, err := l.Load(filepath.Join(dir, name), args["env"])
		var b strings.Builder
		writeResult(&b, err)
		for _, w := range warns {
			b.WriteString("warning: " + w.String() + "\n")
			if w.Hint != "" {
				b.WriteString("hint: " + w.Hint + "\n")
			}
		}
		if cfg != nil {
			dumpConfig(&b, cfg, dir)
		}
		return b.String()
	})
}

func TestLoadDevVars_Golden(t *testing.T) {
	runGolden(t, "testdata/devvars", func(t *testing.T, dir string, args map[string]string) string {
		dv, err := LoadDevVars(dir, args["env"])
		var b strings.Builder
		writeResult(&b, err)
		if err == nil {
			rel := func(p string) string {
				if p == "" {
					return `""`
				}
				r, _ := filepath.Rel(dir, p)
				return r
			}
			fmt.Fprintf(&b, "path: %s\n", rel(dv.Path))
			var files []string
			for _, f := range dv.Files {
				files = append(files, rel(f))
			}
			fmt.Fprintf(&b, "files: %v\ndotenv: %v\n", files, dv.DotEnv)
			for _, v := range dv.Vars {
				fmt.Fprintf(&b, "var %s = %q (%s line %d)\n", v.Name, v.Value, rel(v.File), v.Line)
			}
		}
		return b.String()
	})
}

func writeResult(b *strings.Builder, err error) {
	if err == nil {
		return
	}
	var p *Problems
	if !errors.As(err, &p) {
		b.WriteString("plain error: " + err.Error() + "\n")
		return
	}
	b.WriteString(err.Error() + "\n")
	for _, d := range p.List { // every problem knows its file
		if d.File != p.File {
			fmt.Fprintf(b, "BUG: diagnostic file %q, problems file %q\n", d.File, p.File)
		}
	}
}

// dumpConfig renders every Config field, paths relative to dir.
func dumpConfig(b *strings.Builder, c *Config, dir string) {
	rel := func(p string) string {
		if p == "" {
			return `""`
		}
		r, err := filepath.Rel(dir, p)
		if err != nil || !filepath.IsAbs(p) {
			return "NOT ABSOLUTE: " + p
		}
		return filepath.ToSlash(r)
	}
	fmt.Fprintf(b, "config:\n")
	fmt.Fprintf(b, "  path: %s\n  dir: %s\n  env: %q\n", rel(c.Path), rel(c.Dir), c.Env)
	fmt.Fprintf(b, "  name: %q\n  main: %s\n", c.Name, rel(c.Main))
	fmt.Fprintf(b, "  compatibility_date: %q\n  compatibility_flags: %q\n", c.CompatibilityDate, c.CompatibilityFlags)
	for _, v := range c.Vars {
		fmt.Fprintf(b, "  var %s = %s (line %d, %s)\n", v.Name, goValue(v.Value), v.Line, rel(v.File))
	}
	for _, ns := range c.KVNamespaces {
		fmt.Fprintf(b, "  kv %s id=%q preview_id=%q local=%q (line %d)\n", ns.Binding, ns.ID, ns.PreviewID, ns.LocalID(), ns.Line)
	}
	for _, db := range c.D1Databases {
		fmt.Fprintf(b, "  d1 %s name=%q id=%q preview_id=%q local=%q migrations_dir=%s migrations_table=%q (line %d)\n",
			db.Binding, db.DatabaseName, db.DatabaseID, db.PreviewDatabaseID, db.LocalID(), rel(db.MigrationsDir), db.MigrationsTable, db.Line)
	}
	for _, d := range c.DurableObjects {
		fmt.Fprintf(b, "  durable_object %s class=%q script=%q (line %d)\n", d.Name, d.ClassName, d.ScriptName, d.Line)
	}
	for _, m := range c.Migrations {
		fmt.Fprintf(b, "  migration %q new=%q new_sqlite=%q renamed=%v deleted=%q (line %d)\n", m.Tag, m.NewClasses, m.NewSQLiteClasses, m.RenamedClasses, m.DeletedClasses, m.Line)
	}
	fmt.Fprintf(b, "  dev: ip=%q port=%d\n", c.Dev.IP, c.Dev.Port)
	fmt.Fprintf(b, "  pages_build_output_dir: %s\n", rel(c.PagesBuildOutputDir))
	fmt.Fprintf(b, "  triggers.crons: %q\n  limits.cpu_ms: %d\n", c.Triggers.Crons, c.Limits.CPUMs)
	if a := c.Assets; a != nil {
		fmt.Fprintf(b, "  assets: directory=%s binding=%q html_handling=%q not_found_handling=%q run_worker_first=%v %q (line %d, %s)\n",
			rel(a.Directory), a.Binding, a.HTMLHandling, a.NotFoundHandling, a.RunWorkerFirst, a.RunWorkerFirstRoutes, a.Line, rel(a.File))
	}
	keys := make([]string, 0, len(c.Declared))
	for k := range c.Declared {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, d := range c.Declared[k] {
			fmt.Fprintf(b, "  declared %s %s (line %d)\n", k, d.Name, d.Line)
		}
	}
}

// goValue renders a var value with its Go type, so golden files pin types.
func goValue(v any) string {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%q: %s", k, goValue(v[k]))
		}
		return "map{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = goValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		return fmt.Sprintf("%q", v)
	case nil:
		return "nil"
	default:
		return fmt.Sprintf("%T(%v)", v, v)
	}
}

func runGolden(t *testing.T, dir string, run func(t *testing.T, dir string, args map[string]string) string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files in %s (%v)", dir, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(strings.ReplaceAll(name, "_", " "), func(t *testing.T) {
			ar, err := readArchive(file)
			if err != nil {
				t.Fatal(err)
			}
			work := t.TempDir()
			args := map[string]string{}
			wantIdx := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "want":
					wantIdx = i
				case "args":
					for _, line := range strings.Split(string(f.Data), "\n") {
						if k, v, ok := strings.Cut(line, ":"); ok {
							args[strings.TrimSpace(k)] = strings.TrimSpace(v)
						}
					}
				default:
					p := filepath.Join(work, filepath.FromSlash(f.Name))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			got := strings.ReplaceAll(run(t, work, args), work, "$WORK")
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, archiveFile{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(file, ar.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatalf("%s has no want section; run go test ./config -update", file)
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("%s: output differs\n--- got\n%s--- want\n%s", file, got, want)
			}
		})
	}
}

// archive is a txtar file: a comment, then "-- name --" sections. Parsed
// here rather than with x/tools/txtar to keep go.mod unchanged.
type archive struct {
	Comment string
	Files   []archiveFile
}

type archiveFile struct {
	Name string
	Data []byte
}

func readArchive(path string) (*archive, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ar := &archive{}
	var cur *archiveFile
	var body strings.Builder
	flush := func() {
		if cur == nil {
			ar.Comment = body.String()
		} else {
			cur.Data = []byte(body.String())
			ar.Files = append(ar.Files, *cur)
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		t := strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			cur = &archiveFile{Name: strings.TrimSpace(t[3 : len(t)-3])}
			continue
		}
		body.WriteString(line)
	}
	flush()
	return ar, nil
}

func (ar *archive) format() []byte {
	var b strings.Builder
	b.WriteString(ar.Comment)
	for _, f := range ar.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(f.Data)
		if len(f.Data) > 0 && f.Data[len(f.Data)-1] != '\n' {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}
