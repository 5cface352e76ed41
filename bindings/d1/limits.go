package d1

import "github.com/ncruces/go-sqlite3"

// The sqlite3_limit values workerd sets on every database it opens
// (src/workerd/util/sqlite.c++, setupSecurity), which local D1 inherits
// (reference section 1.12). Production differs in LENGTH (2,000,000 bytes)
// and FUNCTION_ARG (32); edgedev is the local platform, so it uses these.
var limits = []struct {
	id    sqlite3.LimitCategory
	value int
}{
	{sqlite3.LIMIT_LENGTH, 4 * 1024 * 1024},
	{sqlite3.LIMIT_SQL_LENGTH, 100000},
	{sqlite3.LIMIT_COLUMN, 100},
	{sqlite3.LIMIT_EXPR_DEPTH, 100},
	{sqlite3.LIMIT_COMPOUND_SELECT, 5}, // a UNION of six SELECTs fails locally
	{sqlite3.LIMIT_VDBE_OP, 25000},
	{sqlite3.LIMIT_FUNCTION_ARG, 127},
	{sqlite3.LIMIT_ATTACHED, 0},
	{sqlite3.LIMIT_LIKE_PATTERN_LENGTH, 50},
	{sqlite3.LIMIT_VARIABLE_NUMBER, 100},
	{sqlite3.LIMIT_TRIGGER_DEPTH, 10},
	{sqlite3.LIMIT_WORKER_THREADS, 0},
}

// maxGroup is how many queued requests one transaction (one fsync) may
// carry. Group commit is what lets fsync'd writes keep up with a busy
// worker: every request in the group is acknowledged only after the
// group's COMMIT is on disk.
const maxGroup = 64

// servedBy is meta.served_by under Miniflare.
const servedBy = "miniflare.db"
