package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"edgedev/bindings/d1"
	"edgedev/config"
	"edgedev/d1control"
	"edgedev/hint"
	"edgedev/persist"
)

// `edgedev d1 ...` mirrors wrangler 4's local D1 commands (reference section
// 3): execute, migrations create|list|apply and export with the same flags,
// output formats and messages, on the databases `edgedev dev` uses (local id
// preview_database_id ?? database_id ?? binding, config.D1Database.LocalID).
// Operations go through bindings/d1 (the worker's own query path): on the
// database file, or, while a dev server holds it, through that server
// (d1control). list and info, remote-only in wrangler, describe the local
// files here.

const d1Usage = `Usage: edgedev d1 <command> [flags]

Manage the local D1 databases that edgedev dev uses, with wrangler's d1 commands:

  d1 execute <DB> (--command SQL | --file FILE) [--json]
  d1 migrations create <DB> <MESSAGE>
  d1 migrations list <DB>
  d1 migrations apply <DB>
  d1 export <DB> --output FILE [--no-schema | --no-data] [--table T]...
  d1 list [--json]
  d1 info <DB> [--json]

<DB> is a database_name or binding of the config's [[d1_databases]]. Every
command also takes --config FILE, --env NAME and --persist-to DIR; --local is
accepted (edgedev has only local databases). A database is the file
.edgedev/state/d1/<local id>.sqlite next to the config. While an edgedev dev
server holds it, these commands go through that server.
`

type d1Call struct {
	name                         string
	pos                          []string
	configPath, env, persistTo   string
	command, file, output        string
	tables                       stringList
	json, local, remote, preview bool
	yes, noSchema, noData        bool
	set                          map[string]bool
}

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

func runD1(st *state, args []string) error {
	if len(args) == 0 {
		return usagef("d1 needs a command: execute, migrations, export, list or info (see 'edgedev d1 --help')")
	}
	name := args[0]
	rest := args[1:]
	switch name {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(st.stdout, d1Usage)
		return flag.ErrHelp
	case "migrations":
		if len(rest) == 0 || (rest[0] != "create" && rest[0] != "list" && rest[0] != "apply") {
			return usagef("d1 migrations needs a command: create, list or apply")
		}
		name, rest = "migrations "+rest[0], rest[1:]
	case "execute", "export", "list", "info":
	default:
		return usagef("unknown command \"d1 %s\"; want execute, migrations, export, list or info", name)
	}
	c := &d1Call{name: name, set: map[string]bool{}}
	fs := flag.NewFlagSet("d1 "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.configPath, "config", "", "the wrangler config `FILE`")
	fs.StringVar(&c.configPath, "c", "", "short for --config")
	fs.StringVar(&c.env, "env", "", "use [env.`NAME`] of the config")
	fs.StringVar(&c.env, "e", "", "short for --env")
	fs.StringVar(&c.persistTo, "persist-to", "", "`DIR` of the local state (default .edgedev/state next to the config)")
	fs.BoolVar(&c.local, "local", false, "use the local database (the only kind edgedev has)")
	fs.BoolVar(&c.remote, "remote", false, "not supported: edgedev has no remote databases")
	fs.BoolVar(&c.preview, "preview", false, "not supported (needs --remote)")
	fs.BoolVar(&c.yes, "yes", false, "answer yes to confirmations (edgedev never asks)")
	fs.BoolVar(&c.yes, "y", false, "short for --yes")
	fs.BoolVar(&c.json, "json", false, "print the results as JSON")
	switch name {
	case "execute":
		fs.StringVar(&c.command, "command", "", "the `SQL` to run")
		fs.StringVar(&c.file, "file", "", "run the SQL of `FILE`")
	case "export":
		fs.StringVar(&c.output, "output", "", "write the dump to `FILE`")
		fs.BoolVar(&c.noSchema, "no-schema", false, "only the rows")
		fs.BoolVar(&c.noData, "no-data", false, "only the schema")
		fs.Var(&c.tables, "table", "only table `T` (repeatable)")
	}
	pos, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(st.stdout, "Usage: edgedev d1 %s [flags]\n\nFlags:\n", name)
		fs.SetOutput(st.stdout)
		fs.PrintDefaults()
		return err
	}
	if err != nil {
		return usagef("%v\nrun 'edgedev d1 %s --help' for its flags", err, name)
	}
	fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	c.pos = pos
	if c.remote {
		if c.local {
			return errors.New("Error: can't use --local and --remote at the same time")
		}
		return usagef("--remote reaches Cloudflare's D1 through wrangler; edgedev only has local databases, so drop --remote")
	}
	need := map[string]int{"execute": 1, "export": 1, "info": 1, "list": 0, "migrations create": 2, "migrations list": 1, "migrations apply": 1}[name]
	if len(pos) < need {
		return usagef("Not enough non-option arguments: got %d, need at least %d", len(pos), need)
	}
	if len(pos) > need {
		return usagef("Unknown arguments: %s", strings.Join(pos[need:], ", "))
	}
	switch name {
	case "execute":
		return d1Execute(st, c)
	case "export":
		return d1Export(st, c)
	case "list":
		return d1List(st, c)
	case "info":
		return d1Info(st, c)
	case "migrations create":
		return d1MigrationsCreate(st, c)
	case "migrations list":
		return d1MigrationsList(st, c)
	default:
		return d1MigrationsApply(st, c)
	}
}

// d1Project is a command's config and state directory.
type d1Project struct {
	cfg      *config.Config
	stateDir string
}

func (c *d1Call) project(st *state) (*d1Project, error) {
	path := st.abs(c.configPath)
	if path == "" {
		p, err := config.Find(st.wd)
		if err != nil && !errors.Is(err, config.ErrNotFound) {
			return nil, err
		}
		path = p
	}
	p := &d1Project{}
	dir := st.wd
	if path != "" {
		cfg, warnings, err := config.Load(path, c.env)
		for _, w := range warnings {
			fmt.Fprintf(st.stderr, "warning: %s\n", w)
		}
		if err != nil {
			return nil, err
		}
		p.cfg, dir = cfg, cfg.Dir
	}
	p.stateDir = filepath.Dir(persist.Locate(st.abs(c.persistTo), dir))
	return p, nil
}

// database finds the config entry named (database_name or binding) name.
func (p *d1Project) database(name string) (config.D1Database, error) {
	file := "wrangler config"
	if p.cfg != nil {
		file = filepath.Base(p.cfg.Path)
		for _, d := range p.cfg.D1Databases {
			if d.DatabaseName == name || d.Binding == name {
				return d, nil
			}
		}
	}
	err := fmt.Errorf("Couldn't find a D1 DB with the name or binding '%s' in your %s file.", name, file)
	if p.cfg == nil {
		return config.D1Database{}, hint.With(err, "run the command in (or pass --config to) a project whose wrangler.toml, wrangler.json or wrangler.jsonc has a [[d1_databases]] entry")
	}
	return config.D1Database{}, hint.With(err, fmt.Sprintf("add [[d1_databases]] with binding = %q to %s", name, file))
}

// rel is a path as the messages show it: relative to the working directory
// when it is under it.
func (st *state) rel(p string) string {
	if r, err := filepath.Rel(st.wd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

// openD1 reaches the database with local id id: through the dev server that
// announced itself in the state directory when one answers, else by opening
// the file. close must be called when the command is done.
func openD1(ctx context.Context, stateDir, id string) (d1.Runner, func() error, error) {
	info, err := d1control.ReadServerInfo(stateDir)
	if err != nil {
		return nil, nil, hint.With(fmt.Errorf("read the dev server's address: %w", err), "delete the file if no `edgedev dev` is running")
	}
	var gone error
	if info != nil {
		if c, err := d1control.NewClient(info); err == nil {
			run := func(ctx context.Context, qs []d1.Query) d1.Answer { return c.Run(ctx, id, qs) }
			// A read of nothing tells whether the server answers.
			a := run(ctx, []d1.Query{{SQL: "SELECT 1"}})
			if a.Err == nil {
				return run, func() error { return nil }, nil
			}
			if !errors.Is(a.Err, d1control.ErrServerGone) {
				return nil, nil, a.Err
			}
			gone = a.Err
		} else {
			gone = err
		}
	}
	path := d1.Path(stateDir, id)
	db, err := d1.Open(path, nil)
	if errors.Is(err, d1.ErrLocked) {
		holder := ""
		if pid, cmd := lockHolder(path); pid > 0 {
			holder = fmt.Sprintf(" (pid %d: %s)", pid, cmd)
		}
		msg := fmt.Sprintf("another process%s holds the D1 database %s", holder, path)
		if info != nil {
			msg += fmt.Sprintf("; %s names a dev server (pid %d, %s), but it cannot serve this command: %v", d1control.ServerFile(stateDir), info.PID, info.URL, gone)
		}
		return nil, nil, hint.With(errors.New(msg), "stop that process and run the command again, or give this command other state with --persist-to DIR")
	}
	if err != nil {
		return nil, nil, err
	}
	if info != nil {
		_ = os.Remove(d1control.ServerFile(stateDir)) // left by a killed server: we hold the file
	}
	return func(ctx context.Context, qs []d1.Query) d1.Answer { return db.RunSync(ctx, qs) }, db.Close, nil
}

func (st *state) stdoutIsTerminal() bool {
	f, ok := st.stdout.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ---- execute -------------------------------------------------------------

func d1Execute(st *state, c *d1Call) error {
	if c.set["command"] && c.set["file"] {
		return errors.New("Error: can't provide both --command and --file.")
	}
	if !c.set["command"] && !c.set["file"] {
		return errors.New(`Missing required option --command or --file. Provide a SQL command inline with --command="<SQL>", or a path to a SQL file with --file=<path>.`)
	}
	sql := c.command
	if c.set["file"] {
		b, err := os.ReadFile(st.abs(c.file))
		if err != nil {
			return fmt.Errorf("read %s: %w", c.file, err)
		}
		if bytes.HasPrefix(b, []byte("SQLite format 3")) {
			return errors.New("Provided file is a binary SQLite database file instead of an SQL text file. The execute command can only process SQL text files. Please export an SQL file from your SQLite database and try again.")
		}
		sql = string(b)
	}
	p, err := c.project(st)
	if err != nil {
		return err
	}
	db, err := p.database(c.pos[0])
	if err != nil {
		return d1Fail(st, c, err)
	}
	sql, err = d1.PrepareFile(sql)
	if err != nil {
		return d1Fail(st, c, err)
	}
	queries := d1.Statements(sql)
	run, closeDB, err := openD1(st.ctx, p.stateDir, db.LocalID())
	if err != nil {
		return d1Fail(st, c, err)
	}
	defer closeDB()
	if !c.json {
		fmt.Fprintf(st.stdout, "🌀 Executing on local database %s (%s) from %s:\n", c.pos[0], db.LocalID(), st.rel(filepath.Join(p.stateDir, d1.Dir)))
	}
	var a d1.Answer
	if len(queries) > 0 {
		a = run(st.ctx, queries)
	}
	if a.Err != nil {
		return d1Fail(st, c, a.Err)
	}
	if !c.json {
		fmt.Fprintf(st.stdout, "🚣 %d %s executed successfully.\n", len(queries), plural(len(queries), "command"))
	}
	if !c.json && st.stdoutIsTerminal() {
		for _, r := range a.Results {
			if len(r.Rows) == 0 {
				continue
			}
			rows := make([][]string, len(r.Rows))
			for i, row := range r.Rows {
				rows[i] = make([]string, len(row))
				for j, v := range row {
					rows[i][j] = jsString(v)
				}
			}
			boxTable(st.stdout, r.Columns, rows)
		}
		return nil
	}
	fmt.Fprintln(st.stdout, executeJSON(a.Results))
	return nil
}

// d1Fail prints err as wrangler's --json does ({"error": {"text": ...}}),
// or returns it.
func d1Fail(st *state, c *d1Call, err error) error {
	if !c.json {
		return err
	}
	b, _ := json.MarshalIndent(map[string]any{"error": map[string]string{"text": err.Error()}}, "", "  ")
	fmt.Fprintln(st.stdout, string(b))
	return errSilent
}

// errSilent is an error already shown to the user: exit 1, print nothing.
var errSilent = errors.New("")

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// executeJSON is wrangler's JSON.stringify(results, null, 2): per statement
// {results, success, meta: {duration}}, rows with their columns in order,
// BLOBs as the string "[1, 2]".
func executeJSON(results []d1.Result) string {
	var b strings.Builder
	b.WriteString("[")
	for i, r := range results {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {\n    \"results\": [")
		for j, row := range r.Rows {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n      {")
			for k, v := range row {
				if k > 0 {
					b.WriteString(",")
				}
				name, _ := json.Marshal(r.Columns[k])
				b.WriteString("\n        " + string(name) + ": " + jsonValue(v))
			}
			if len(row) > 0 {
				b.WriteString("\n      }")
			} else {
				b.WriteString("}")
			}
		}
		if len(r.Rows) > 0 {
			b.WriteString("\n    ]")
		} else {
			b.WriteString("]")
		}
		b.WriteString(",\n    \"success\": true,\n    \"meta\": {\n      \"duration\": " + jsNumberText(r.Meta.Duration) + "\n    }\n  }")
	}
	if len(results) > 0 {
		b.WriteString("\n]")
	} else {
		b.WriteString("]")
	}
	return b.String()
}

func jsonValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case int64:
		return jsNumberText(float64(x))
	case float64:
		return jsNumberText(x)
	case []byte:
		s, _ := json.Marshal(jsString(x))
		return string(s)
	}
	s, _ := json.Marshal(v)
	return string(s)
}

func jsNumberText(f float64) string {
	if f == float64(int64(f)) && f > -1e21 && f < 1e21 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// jsString is String(v) of the value wrangler prints: BLOBs, which reach it
// as arrays of bytes, as "[1, 2]".
func jsString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case []byte:
		parts := make([]string, len(x))
		for i, c := range x {
			parts[i] = strconv.Itoa(int(c))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		return x
	}
	return jsonValue(v)
}

// width is the columns a terminal gives s, as the string-width package
// wrangler's tables use counts them: emoji two, variation selectors none.
func width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == 0xFE0F || r == 0x200D:
		case r >= 0x1F000, r >= 0x2600 && r <= 0x27BF:
			n += 2
		default:
			n++
		}
	}
	return n
}

// boxTable prints a table as wrangler's (cli-table3) does: a line around
// every row, one space of padding.
func boxTable(w io.Writer, headers []string, rows [][]string) {
	widths := make([]int, len(headers))
	for i, h := range headers {
		widths[i] = width(h)
	}
	for _, r := range rows {
		for i, c := range r {
			if n := width(c); i < len(widths) && n > widths[i] {
				widths[i] = n
			}
		}
	}
	line := func(l, m, r string) {
		parts := make([]string, len(widths))
		for i, n := range widths {
			parts[i] = strings.Repeat("─", n+2)
		}
		fmt.Fprintln(w, l+strings.Join(parts, m)+r)
	}
	cells := func(r []string) {
		parts := make([]string, len(widths))
		for i, n := range widths {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			parts[i] = " " + c + strings.Repeat(" ", n-width(c)) + " "
		}
		fmt.Fprintln(w, "│"+strings.Join(parts, "│")+"│")
	}
	line("┌", "┬", "┐")
	cells(headers)
	for _, r := range rows {
		line("├", "┼", "┤")
		cells(r)
	}
	line("└", "┴", "┘")
}

// ---- migrations ----------------------------------------------------------

func d1MigrationsCreate(st *state, c *d1Call) error {
	p, err := c.project(st)
	if err != nil {
		return err
	}
	db, err := p.database(c.pos[0])
	if err != nil {
		return err
	}
	if _, err := os.Stat(db.MigrationsDir); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(st.stdout, "No migrations folder found. Creating %s\n", st.rel(db.MigrationsDir))
	}
	name, err := d1.NewMigration(db.MigrationsDir, c.pos[1], time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(st.stdout, "✅ Successfully created Migration '%s'!\n\nThe migration is available for editing here\n%s\n", name, filepath.Join(db.MigrationsDir, name))
	return nil
}

// migrationsSetup finds the database, its migrations and its ledger.
type migrationsRun struct {
	db       config.D1Database
	stateDir string
	run      d1.Runner
	close    func() error
	pending  []string
}

func (c *d1Call) migrationsSetup(st *state) (*migrationsRun, error) {
	p, err := c.project(st)
	if err != nil {
		return nil, err
	}
	db, err := p.database(c.pos[0])
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(db.MigrationsDir); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(st.stderr, "▲ [WARNING] No migrations folder found. Set `migrations_dir` in your %s file to choose a different path.\n", filepath.Base(p.cfg.Path))
		return nil, fmt.Errorf("No migrations present at %s.", db.MigrationsDir)
	}
	run, closeDB, err := openD1(st.ctx, p.stateDir, db.LocalID())
	if err != nil {
		return nil, err
	}
	if err := d1.EnsureLedger(st.ctx, run, db.MigrationsTable); err != nil {
		closeDB()
		return nil, err
	}
	pending, err := d1.Pending(st.ctx, run, db.MigrationsDir, db.MigrationsTable)
	if err != nil {
		closeDB()
		return nil, err
	}
	return &migrationsRun{db: db, stateDir: p.stateDir, run: run, close: closeDB, pending: pending}, nil
}

func d1MigrationsList(st *state, c *d1Call) error {
	m, err := c.migrationsSetup(st)
	if err != nil {
		return err
	}
	defer m.close()
	pending := m.pending
	if len(pending) == 0 {
		fmt.Fprintln(st.stdout, "✅ No migrations to apply!")
		return nil
	}
	fmt.Fprintln(st.stdout, "Migrations to be applied:")
	rows := make([][]string, len(pending))
	for i, n := range pending {
		rows[i] = []string{n}
	}
	boxTable(st.stdout, []string{"Name"}, rows)
	return nil
}

func d1MigrationsApply(st *state, c *d1Call) error {
	m, err := c.migrationsSetup(st)
	if err != nil {
		return err
	}
	defer m.close()
	db, run, pending := m.db, m.run, m.pending
	if len(pending) == 0 {
		fmt.Fprintln(st.stdout, "✅ No migrations to apply!")
		return nil
	}
	fmt.Fprintln(st.stdout, "Migrations to be applied:")
	status := make([][]string, len(pending))
	for i, n := range pending {
		status[i] = []string{n, "🕒️"}
	}
	boxTable(st.stdout, []string{"name"}, func() [][]string {
		r := make([][]string, len(pending))
		for i, n := range pending {
			r[i] = []string{n}
		}
		return r
	}())
	fmt.Fprintf(st.stdout, "About to apply %d migration(s)\nYour database may not be available to serve requests during the migration, continue?\n", len(pending))
	for i, name := range pending {
		text, err := os.ReadFile(filepath.Join(db.MigrationsDir, name))
		if err != nil {
			return err
		}
		qs, err := d1.MigrationQueries(string(text), name, db.MigrationsTable)
		if err != nil {
			return err
		}
		fmt.Fprintf(st.stdout, "🌀 Executing on local database %s (%s) from %s:\n", c.pos[0], db.LocalID(), st.rel(filepath.Join(m.stateDir, d1.Dir)))
		a := run(st.ctx, qs)
		if a.Err != nil {
			status[i][1] = "❌"
			boxTable(st.stdout, []string{"name", "status"}, status)
			fmt.Fprintf(st.stderr, "✘ [ERROR] Migration %s failed with the following errors:\n", name)
			return a.Err
		}
		fmt.Fprintf(st.stdout, "🚣 %d %s executed successfully.\n", len(qs), plural(len(qs), "command"))
		status[i][1] = "✅"
		boxTable(st.stdout, []string{"name", "status"}, status)
	}
	return nil
}

// ---- export --------------------------------------------------------------

func d1Export(st *state, c *d1Call) error {
	if c.noSchema && c.noData {
		return errors.New("You cannot specify both --no-schema and --no-data")
	}
	if c.output == "" {
		return usagef("Missing required argument: output")
	}
	p, err := c.project(st)
	if err != nil {
		return err
	}
	db, err := p.database(c.pos[0])
	if err != nil {
		return err
	}
	run, closeDB, err := openD1(st.ctx, p.stateDir, db.LocalID())
	if err != nil {
		return err
	}
	defer closeDB()
	fmt.Fprintf(st.stdout, "🌀 Exporting local database %s (%s) from %s:\n", c.pos[0], db.LocalID(), st.rel(filepath.Join(p.stateDir, d1.Dir)))
	lines, err := d1.Export(st.ctx, run, d1.ExportOptions{NoSchema: c.noSchema, NoData: c.noData, Tables: c.tables})
	if err != nil {
		return err
	}
	fmt.Fprintf(st.stdout, "🌀 Exporting SQL to %s...\n", c.output)
	if err := os.WriteFile(st.abs(c.output), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(st.stdout, "Done!")
	return nil
}

// ---- list / info ---------------------------------------------------------

type d1Described struct {
	Binding string `json:"binding"`
	Name    string `json:"name"`
	ID      string `json:"local_id"`
	File    string `json:"file"`
	Size    int64  `json:"file_size"`
	Tables  *int   `json:"num_tables,omitempty"`
}

func describe(st *state, p *d1Project, d config.D1Database) d1Described {
	path := d1.Path(p.stateDir, d.LocalID())
	out := d1Described{Binding: d.Binding, Name: d.DatabaseName, ID: d.LocalID(), File: st.rel(path)}
	if fi, err := os.Stat(path); err == nil {
		out.Size = fi.Size()
	}
	return out
}

func d1List(st *state, c *d1Call) error {
	p, err := c.project(st)
	if err != nil {
		return err
	}
	var list []d1Described
	if p.cfg != nil {
		for _, d := range p.cfg.D1Databases {
			list = append(list, describe(st, p, d))
		}
	}
	if c.json {
		b, _ := json.MarshalIndent(list, "", "  ")
		fmt.Fprintln(st.stdout, string(b))
		return nil
	}
	rows := make([][]string, len(list))
	for i, d := range list {
		rows[i] = []string{d.Binding, d.Name, d.ID, d.File, strconv.FormatInt(d.Size, 10)}
	}
	boxTable(st.stdout, []string{"binding", "name", "local id", "file", "file_size"}, rows)
	return nil
}

func d1Info(st *state, c *d1Call) error {
	p, err := c.project(st)
	if err != nil {
		return err
	}
	d, err := p.database(c.pos[0])
	if err != nil {
		return err
	}
	info := describe(st, p, d)
	run, closeDB, err := openD1(st.ctx, p.stateDir, d.LocalID())
	if err != nil {
		return err
	}
	defer closeDB()
	a := run(st.ctx, []d1.Query{{SQL: "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'"}})
	if a.Err != nil {
		return a.Err
	}
	n := int(a.Results[0].Rows[0][0].(int64))
	info.Tables = &n
	if fi, err := os.Stat(d1.Path(p.stateDir, d.LocalID())); err == nil {
		info.Size = fi.Size()
	}
	if c.json {
		b, _ := json.MarshalIndent(info, "", "  ")
		fmt.Fprintln(st.stdout, string(b))
		return nil
	}
	boxTable(st.stdout, []string{"", d.Name()}, [][]string{
		{"binding", info.Binding}, {"local id", info.ID}, {"file", info.File},
		{"num_tables", strconv.Itoa(n)}, {"file_size", strconv.FormatInt(info.Size, 10)},
	})
	return nil
}
