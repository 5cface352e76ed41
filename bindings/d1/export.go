package d1

// The SQL dump of `wrangler d1 export --local`, as Miniflare's dumpSql
// (workers-sdk packages/miniflare/src/workers/d1/dumpSql.ts, itself after
// the sqlite3 shell's .dump) wrote it in wrangler 4.86.0: "PRAGMA
// defer_foreign_keys=TRUE;", then each table's CREATE statement and its rows
// as INSERT INTO "t" VALUES(...), in rowid order with sqlite_sequence last,
// then indexes, triggers and views. The output recorded from 4.86.0 writes
// no column list in the INSERTs (newer Miniflare sources add one).

import (
	"context"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
)

// Runner runs queries as one transaction on one database: Database.RunSync,
// or a dev server's d1control client.
type Runner func(ctx context.Context, queries []Query) Answer

// ExportOptions are `d1 export`'s --no-schema, --no-data and --table.
type ExportOptions struct {
	NoSchema, NoData bool
	Tables           []string // empty: every table
}

// ErrVirtualTables is Miniflare's refusal to dump a database with an FTS5
// or other virtual table.
var ErrVirtualTables = errors.New("D1 Export error: cannot export databases with Virtual Tables (fts5)")

// Export returns the dump's statements, one per line.
func Export(ctx context.Context, run Runner, o ExportOptions) ([]string, error) {
	query := func(sql string) ([][]any, error) {
		a := run(ctx, []Query{{SQL: sql}})
		if a.Err != nil {
			return nil, a.Err
		}
		return a.Results[0].Rows, nil
	}
	filter := map[string]bool{}
	for _, t := range o.Tables {
		filter[t] = true
	}
	out := []string{"PRAGMA defer_foreign_keys=TRUE;"}
	tables, err := query("SELECT name, type, sql FROM sqlite_schema AS o WHERE (true) AND type=='table' AND sql NOT NULL ORDER BY tbl_name='sqlite_sequence', rowid")
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		name, sql := t[0].(string), t[2].(string)
		if len(filter) > 0 && !filter[name] {
			continue
		}
		switch {
		case name == "sqlite_sequence":
			if !o.NoSchema {
				out = append(out, "DELETE FROM sqlite_sequence;")
			}
		case strings.HasPrefix(name, "sqlite_stat"):
			if !o.NoSchema {
				out = append(out, "ANALYZE sqlite_schema;")
			}
		case strings.HasPrefix(sql, "CREATE VIRTUAL TABLE"):
			return nil, ErrVirtualTables
		case strings.HasPrefix(name, "_cf_") || strings.HasPrefix(name, "sqlite_"):
			continue
		default:
			if !o.NoSchema {
				if len(sql) > 13 && strings.HasPrefix(sql, "CREATE TABLE ") && (sql[13] == '\'' || sql[13] == '"') {
					out = append(out, "CREATE TABLE IF NOT EXISTS "+sql[13:]+";")
				} else {
					out = append(out, sql+";")
				}
			}
		}
		if o.NoData {
			continue
		}
		cols, err := query("PRAGMA table_info=" + escapeID(name))
		if err != nil {
			return nil, err
		}
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = escapeID(c[1].(string))
		}
		rows, err := query("SELECT " + strings.Join(names, ", ") + " FROM " + escapeID(name) + ";")
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = sqlLiteral(c)
			}
			out = append(out, "INSERT INTO "+escapeID(name)+" VALUES("+strings.Join(cells, ",")+");")
		}
	}
	if !o.NoSchema {
		rest, err := query("SELECT name, sql FROM sqlite_schema AS o WHERE (true) AND sql NOT NULL AND type IN ('index', 'trigger', 'view') ORDER BY type COLLATE NOCASE")
		if err != nil {
			return nil, err
		}
		for _, r := range rest {
			if len(filter) > 0 && !filter[r[0].(string)] {
				continue
			}
			out = append(out, r[1].(string)+";")
		}
	}
	return out, nil
}

func escapeID(id string) string { return `"` + strings.ReplaceAll(id, `"`, `""`) + `"` }

// sqlLiteral writes a value as the dump does: numbers as JS prints them,
// strings quoted (newlines and carriage returns through replace()), BLOBs
// as X'..'.
func sqlLiteral(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return jsNumber(float64(x))
	case float64:
		return jsNumber(x)
	case []byte:
		return "X'" + hex.EncodeToString(x) + "'"
	case string:
		return quotedString(x)
	}
	return "ERROR"
}

// jsNumber formats f as JavaScript's String(number) does for the values a
// dump meets.
func jsNumber(f float64) string {
	if f == float64(int64(f)) && f > -1e21 && f < 1e21 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func quotedString(s string) string {
	nl, cr := strings.Contains(s, "\n"), strings.Contains(s, "\r")
	if !nl && !cr {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	nlMark := unusedString(s, `\n`, `\012`)
	crMark := unusedString(s, `\r`, `\015`)
	e := strings.ReplaceAll(s, "'", "''")
	e = strings.ReplaceAll(e, "\n", nlMark)
	e = strings.ReplaceAll(e, "\r", crMark)
	out := "'" + e + "'"
	if cr {
		out = "replace(" + out + ",'" + crMark + "',char(13))"
	}
	if nl {
		out = "replace(" + out + ",'" + nlMark + "',char(10))"
	}
	return out
}

func unusedString(s, primary, secondary string) string {
	if !strings.Contains(s, primary) {
		return primary
	}
	if !strings.Contains(s, secondary) {
		return secondary
	}
	for i := 0; ; i++ {
		c := "(" + primary + strconv.Itoa(i) + ")"
		if !strings.Contains(s, c) {
			return c
		}
	}
}
