// Package sqlitefile opens a SQLite file the way workerd sets up every
// SQLite database it opens (src/workerd/util/sqlite.c++): its limits, the
// defensive flags, FTS5 and R*Tree, WAL with a full fsync per commit. D1
// (bindings/d1) and Durable Object storage (durable) use the one engine
// through it; each adds its own authorizer and statements.
package sqlitefile

import (
	"time"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/ext/fts5"
	"github.com/ncruces/go-sqlite3/ext/rtree"
)

// The sqlite3_limit values workerd sets on every database it opens
// (src/workerd/util/sqlite.c++, setupSecurity), which local D1 and Durable Object storage
// inherit (reference platform-d1-r2.md section 1.12). Production differs in LENGTH (2,000,000 bytes)
// and FUNCTION_ARG (32); edgedev is the local platform, so it uses these.
var Limits = []struct {
	ID    sqlite3.LimitCategory
	Value int
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

// Open opens (creating if need be) the SQLite file at path, configured as
// workerd configures its databases. The caller holds the file alone (a lock
// of its own): locking_mode=EXCLUSIVE keeps SQLite's file locks between
// transactions (no lock and unlock system calls per query) and lets WAL
// work without the -shm file.
func Open(path string) (*sqlite3.Conn, error) {
	c, err := sqlite3.OpenFlags(path, sqlite3.OPEN_READWRITE|sqlite3.OPEN_CREATE)
	if err != nil {
		return nil, err
	}
	if err := setup(c); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func setup(c *sqlite3.Conn) error {
	// FTS5 and R*Tree are compiled into workerd's SQLite; here they are
	// extensions.
	if err := fts5.Register(c); err != nil {
		return err
	}
	if err := rtree.Register(c); err != nil {
		return err
	}
	for _, l := range Limits {
		c.Limit(l.ID, l.Value)
	}
	for _, cfg := range []sqlite3.DBConfig{sqlite3.DBCONFIG_DEFENSIVE, sqlite3.DBCONFIG_DQS_DML, sqlite3.DBCONFIG_DQS_DDL} {
		if _, err := c.Config(cfg, true); err != nil {
			return err
		}
	}
	if err := c.Exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON"); err != nil {
		return err
	}
	return c.BusyTimeout(time.Second)
}
