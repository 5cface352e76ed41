package d1

// Migrations as `wrangler d1 migrations` keeps them (workers-sdk
// packages/wrangler/src/d1/migrations/helpers.ts, reference section 3.2 to
// 3.4): files <migrations_dir>/NNNN_<message>.sql, a ledger table (default
// d1_migrations) of the applied ones, and each migration run as one
// transaction together with its ledger row.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Migrations lists the .sql files of dir in wrangler's order: by the number
// their name starts with, then by name; numbered before unnumbered.
func Migrations(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".sql") {
			names = append(names, e.Name())
		}
	}
	sort.SliceStable(names, func(i, j int) bool {
		a, aok := leadingNumber(names[i])
		b, bok := leadingNumber(names[j])
		switch {
		case aok && bok && a != b:
			return a < b
		case aok != bok:
			return aok
		}
		return names[i] < names[j]
	})
	return names, nil
}

func leadingNumber(name string) (int, bool) {
	i := 0
	for i < len(name) && name[i] >= '0' && name[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(name[:i])
	return n, err == nil
}

// NewMigration creates the next migration file in dir (creating dir) for
// message and returns its name: 1 + the highest leading number, four
// digits, the message with spaces as underscores.
func NewMigration(dir, message string, now time.Time) (string, error) {
	if strings.ContainsAny(message, `/\`) {
		return "", errors.New("the migration message must not contain / or \\")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	names, err := Migrations(dir)
	if err != nil {
		return "", err
	}
	next := 1
	for _, n := range names {
		if v, ok := leadingNumber(n); ok && v+1 > next {
			next = v + 1
		}
	}
	num := fmt.Sprintf("%04d", next)
	name := num + "_" + strings.ReplaceAll(message, " ", "_") + ".sql"
	body := fmt.Sprintf("-- Migration number: %s \t %s\n", num, now.UTC().Format("2006-01-02T15:04:05.000Z"))
	return name, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
}

// EnsureLedger creates the migrations table if it is missing, with
// wrangler's definition.
func EnsureLedger(ctx context.Context, run Runner, table string) error {
	a := run(ctx, []Query{{SQL: fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %s(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`, table)}})
	return a.Err
}

// Applied returns the names in the migrations table, in id order.
func Applied(ctx context.Context, run Runner, table string) ([]string, error) {
	a := run(ctx, []Query{{SQL: fmt.Sprintf(`SELECT * FROM %s ORDER BY id`, escapeID(table))}})
	if a.Err != nil {
		return nil, a.Err
	}
	r := a.Results[0]
	col := -1
	for i, c := range r.Columns {
		if c == "name" {
			col = i
		}
	}
	var out []string
	for _, row := range r.Rows {
		if col >= 0 {
			if s, ok := row[col].(string); ok {
				out = append(out, s)
			}
		}
	}
	return out, nil
}

// Pending returns the migrations of dir not yet in the table.
func Pending(ctx context.Context, run Runner, dir, table string) ([]string, error) {
	files, err := Migrations(dir)
	if err != nil {
		return nil, err
	}
	applied, err := Applied(ctx, run, table)
	if err != nil {
		return nil, err
	}
	done := map[string]bool{}
	for _, n := range applied {
		done[n] = true
	}
	var out []string
	for _, f := range files {
		if !done[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// MigrationQueries is what applying one migration runs, as one
// transaction: its statements, then its ledger row.
func MigrationQueries(text, name, table string) ([]Query, error) {
	sql, err := PrepareFile(text + fmt.Sprintf("\nINSERT INTO %s (name)\nvalues ('%s');", escapeID(table), strings.ReplaceAll(name, "'", "''")))
	if err != nil {
		return nil, err
	}
	return Statements(sql), nil
}

// Statements splits sql into queries, dropping the ones that are only
// comments (as Miniflare drops them).
func Statements(sql string) []Query {
	var qs []Query
	for _, s := range Split(sql) {
		if !OnlyComments(s) {
			qs = append(qs, Query{SQL: s})
		}
	}
	return qs
}
