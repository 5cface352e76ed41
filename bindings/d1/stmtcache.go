package d1

import "github.com/ncruces/go-sqlite3"

// stmtCacheSize is how many compiled statements a database keeps. A
// worker's queries are a handful of texts run over and over with new
// parameters; compiling one costs about as much as running a point read.
const stmtCacheSize = 64

// stmtCache keeps compiled single statements by SQL text. A statement is
// marked in use while it runs (so a text used twice in one query list
// compiles a second, uncached copy) and put back reset, with its bindings
// cleared. SQLite recompiles a cached statement itself, authorizer
// included, when the schema changes. Owned by the database goroutine.
type stmtCache struct {
	m     map[string]*cachedStmt
	order []string // insertion order, oldest first, for eviction
}

type cachedStmt struct {
	st    *sqlite3.Stmt
	flags stmtFlags
	inUse bool
}

// stmtFlags are what the authorizer learnt while a statement compiled.
type stmtFlags struct {
	reads     bool // reads a user table (rows_read)
	defersFKs bool // PRAGMA defer_foreign_keys
}

func (c *stmtCache) take(sql string) (*sqlite3.Stmt, stmtFlags, bool) {
	e, ok := c.m[sql]
	if !ok || e.inUse {
		return nil, stmtFlags{}, false
	}
	e.inUse = true
	return e.st, e.flags, true
}

func (c *stmtCache) put(sql string, st *sqlite3.Stmt, flags stmtFlags) {
	_ = st.Reset() // a failed run leaves its error on Reset; the statement is fine
	if err := st.ClearBindings(); err != nil {
		st.Close()
		return
	}
	if e, ok := c.m[sql]; ok {
		if e.st == st {
			e.inUse = false
		} else {
			st.Close() // a second copy made while the cached one ran
		}
		return
	}
	if c.m == nil {
		c.m = map[string]*cachedStmt{}
	}
	c.m[sql] = &cachedStmt{st: st, flags: flags}
	c.order = append(c.order, sql)
	for i := 0; len(c.m) > stmtCacheSize && i < len(c.order); {
		victim := c.order[i]
		if e := c.m[victim]; e != nil && !e.inUse {
			e.st.Close()
			delete(c.m, victim)
			c.order = append(c.order[:i], c.order[i+1:]...)
			continue
		}
		i++
	}
}

func (c *stmtCache) closeAll() {
	for _, e := range c.m {
		e.st.Close()
	}
	c.m, c.order = nil, nil
}
