package d1

// The authorizer workerd installs on every database (SqliteDatabase::
// isAuthorized in src/workerd/util/sqlite.c++, with SqlStorageRegulator of
// src/workerd/api/sql.c++), which local D1 inherits because Miniflare runs
// each database on a Durable Object's SqlStorage (reference section 1.11).
// What it refuses comes back as "not authorized: SQLITE_AUTH", except a
// transaction statement, which workerd refuses with its own message, and
// an unknown function, which SQLite reports as "not authorized to use
// function: NAME".

import (
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// allowedFunctions is workerd's ALLOWED_SQLITE_FUNCTIONS.
var allowedFunctions = setOf(
	// core
	"abs", "changes", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif",
	"instr", "last_insert_rowid", "length", "like", "likelihood", "likely", "load_extension", "lower",
	"ltrim", "max_scalar", "min_scalar", "nullif", "octet_length", "printf", "quote", "random", "randomblob",
	"replace", "round", "rtrim", "sign", "soundex", "substr", "substring", "total_changes", "trim", "typeof",
	"unhex", "unicode", "unlikely", "upper", "zeroblob",
	// date and time
	"date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff", "current_date",
	"current_time", "current_timestamp",
	// aggregate
	"avg", "count", "group_concat", "max", "min", "string_agg", "sum", "total",
	// window
	"row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
	"first_value", "last_value", "nth_value",
	// math
	"acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "cos", "cosh", "degrees", "exp",
	"floor", "ln", "log", "log2", "mod", "pi", "pow", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc",
	// JSON
	"json", "jsonb", "json_array", "jsonb_array", "json_array_length", "json_extract", "jsonb_extract",
	"->", "->>", "json_insert", "jsonb_insert", "json_object", "jsonb_object", "json_patch", "jsonb_patch",
	"json_remove", "jsonb_remove", "json_replace", "jsonb_replace", "json_set", "jsonb_set", "json_type",
	"json_valid", "json_quote", "json_group_array", "jsonb_group_array", "json_group_object",
	"jsonb_group_object", "json_each", "json_tree",
	// FTS5, R*Tree
	"match", "highlight", "bm25", "snippet", "rtreecheck",
	// what ALTER TABLE runs internally
	"sqlite_rename_column", "sqlite_rename_table", "sqlite_rename_test", "sqlite_drop_column",
	"sqlite_rename_quotefix",
)

type pragmaSig int

const (
	pragmaNoArg pragmaSig = iota
	pragmaBoolean
	pragmaObjectName
	pragmaOptionalObjectName
	pragmaNullOrNumber
	pragmaNullNumberOrObjectName
)

// allowedPragmas is workerd's ALLOWED_PRAGMAS (table_list, table_info and
// table_xinfo are handled apart, as there).
var allowedPragmas = map[string]pragmaSig{
	"data_version": pragmaNoArg, "page_size": pragmaNoArg,
	"case_sensitive_like": pragmaBoolean, "foreign_keys": pragmaBoolean, "defer_foreign_keys": pragmaBoolean,
	"ignore_check_constraints": pragmaBoolean, "legacy_alter_table": pragmaBoolean,
	"recursive_triggers": pragmaBoolean, "reverse_unordered_selects": pragmaBoolean,
	"foreign_key_check": pragmaOptionalObjectName, "foreign_key_list": pragmaObjectName,
	"index_info": pragmaObjectName, "index_list": pragmaObjectName, "index_xinfo": pragmaObjectName,
	"quick_check": pragmaNullNumberOrObjectName, "optimize": pragmaNullOrNumber,
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// allowedName is SqlStorageRegulator::isAllowedName: names starting with
// _cf_ (any case) are the platform's.
func allowedName(name string) bool {
	return len(name) < 4 || !strings.EqualFold(name[:4], "_cf_")
}

// authorizer decides one action while a statement is prepared. trusted
// statements (edgedev's own BEGIN, COMMIT, SAVEPOINT and PRAGMAs) pass.
type authorizer struct {
	trusted bool
	// denied is set when a transaction statement was refused, so the
	// prepare error is reported with workerd's message.
	deniedTxn bool
	// readsTable is set when the statement reads a user table (for the
	// rows_read approximation).
	readsTable bool
	// defersFKs is set when the statement is PRAGMA defer_foreign_keys,
	// which the request's end must undo.
	defersFKs bool
}

func (a *authorizer) authorize(action sqlite3.AuthorizerActionCode, p1, p2, schema, _ string) sqlite3.AuthorizerReturnCode {
	if a.trusted {
		return sqlite3.AUTH_OK
	}
	if a.allow(action, p1, p2, schema) {
		return sqlite3.AUTH_OK
	}
	return sqlite3.AUTH_DENY
}

func (a *authorizer) allow(action sqlite3.AuthorizerActionCode, p1, p2, schema string) bool {
	// SQLite passes the database name first for these two (workerd swaps
	// them the same way).
	if action == sqlite3.AUTH_ALTER_TABLE || action == sqlite3.AUTH_DETACH {
		p1, p2, schema = p2, "", p1
	}
	switch schema {
	case "", "main":
	case "temp":
		switch action {
		case sqlite3.AUTH_READ, sqlite3.AUTH_UPDATE:
			return allowedName(p1)
		}
		return false
	default:
		return false
	}
	switch action {
	case sqlite3.AUTH_SELECT, sqlite3.AUTH_RECURSIVE, sqlite3.AUTH_ANALYZE:
		return true
	case sqlite3.AUTH_CREATE_TABLE, sqlite3.AUTH_DELETE, sqlite3.AUTH_DROP_TABLE, sqlite3.AUTH_INSERT,
		sqlite3.AUTH_CREATE_VIEW, sqlite3.AUTH_DROP_VIEW, sqlite3.AUTH_REINDEX:
		return allowedName(p1)
	case sqlite3.AUTH_ALTER_TABLE:
		return allowedName(p1)
	case sqlite3.AUTH_READ:
		if !strings.HasPrefix(p1, "sqlite_") {
			a.readsTable = true
		}
		return allowedName(p1)
	case sqlite3.AUTH_UPDATE:
		return allowedName(p1)
	case sqlite3.AUTH_CREATE_INDEX, sqlite3.AUTH_DROP_INDEX, sqlite3.AUTH_CREATE_TRIGGER, sqlite3.AUTH_DROP_TRIGGER:
		return allowedName(p1) && allowedName(p2)
	case sqlite3.AUTH_TRANSACTION, sqlite3.AUTH_SAVEPOINT:
		a.deniedTxn = true
		return false
	case sqlite3.AUTH_PRAGMA:
		name := strings.ToLower(p1)
		if name == "defer_foreign_keys" {
			a.defersFKs = true
		}
		return allowPragma(name, p2)
	case sqlite3.AUTH_FUNCTION:
		return allowedFunctions[strings.ToLower(p2)]
	case sqlite3.AUTH_CREATE_VTABLE, sqlite3.AUTH_DROP_VTABLE:
		switch strings.ToLower(p2) {
		case "fts5", "fts5vocab", "rtree", "rtree_i32":
			return allowedName(p1)
		}
		return false
	}
	// ATTACH, DETACH, every temp object, and anything unknown.
	return false
}

// allowPragma checks a PRAGMA and its argument ("" when there is none:
// the Go binding passes NULL as "").
func allowPragma(name, arg string) bool {
	switch name {
	case "table_list":
		return true
	case "table_info", "table_xinfo":
		return arg != "" && allowedName(arg)
	}
	sig, ok := allowedPragmas[name]
	if !ok {
		return false
	}
	switch sig {
	case pragmaNoArg:
		return arg == ""
	case pragmaBoolean:
		if arg == "" {
			return true
		}
		v := arg
		if len(v) >= 2 && (v[0] == '\'' || v[0] == '"') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		// workerd compares prefixes (strncasecmp with the word's length).
		for _, w := range []string{"true", "false", "yes", "no", "on", "off", "1", "0"} {
			if len(v) >= len(w) && strings.EqualFold(v[:len(w)], w) {
				return true
			}
		}
		return false
	case pragmaObjectName:
		return arg != "" && allowedName(arg)
	case pragmaOptionalObjectName:
		return arg == "" || allowedName(arg)
	case pragmaNullOrNumber:
		if arg == "" {
			return true
		}
		_, err := strconv.ParseInt(arg, 10, 32)
		return err == nil
	case pragmaNullNumberOrObjectName:
		if arg == "" {
			return true
		}
		if _, err := strconv.ParseUint(arg, 10, 32); err == nil {
			return true
		}
		return allowedName(arg)
	}
	return false
}
