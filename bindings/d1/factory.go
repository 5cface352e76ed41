package d1

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"edgedev/bindings"
	"edgedev/config"
	"edgedev/hint"
)

// Dir is the folder of the state directory D1 databases live in.
const Dir = "d1"

// FileName is the file a database with local id id is kept in: the id
// itself where it is a safe file name (a UUID, a binding name), else with
// every other byte written %XX, so the file is easy to find and open with
// the sqlite3 shell (Miniflare's hashed names are a known complaint,
// workers-sdk#4548).
func FileName(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_',
			c == '.' && i > 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String() + ".sqlite"
}

// Path is the file of the database with local id id under stateDir.
func Path(stateDir, id string) string {
	return filepath.Join(stateDir, Dir, FileName(id))
}

// sessionKey is the session resource a database is opened under.
func sessionKey(id string) string { return "d1:" + id }

// Bindings is the D1 kind's factory (the "d1_databases" line of
// bindings/builtin): one binding per configured database, each on its
// file under the session's state directory, opened once per session and
// kept across reloads. Two bindings with one local id share the database.
func Bindings(s *bindings.Session, dbs []config.D1Database) ([]bindings.Named, error) {
	out := make([]bindings.Named, 0, len(dbs))
	for _, d := range dbs {
		db, err := OpenDatabase(s, d.LocalID())
		if err != nil {
			return nil, err
		}
		out = append(out, bindings.Named{Name: d.Binding, Kind: "D1 database", Detail: d.LocalID() + " (local)", Binding: NewBinding(db)})
	}
	return out, nil
}

// OpenDatabase returns the session's database with local id id, opening
// it the first time.
func OpenDatabase(s *bindings.Session, id string) (*Database, error) {
	r, err := s.Open(sessionKey(id), func() (io.Closer, error) {
		return OpenLocked(Path(s.StateDir(), id), s.Clock())
	})
	if err != nil {
		return nil, err
	}
	return r.(*Database), nil
}

// OpenedDatabase returns the session's database with local id id if a
// binding opened it, else nil.
func OpenedDatabase(s *bindings.Session, id string) *Database {
	db, _ := s.Opened(sessionKey(id)).(*Database)
	return db
}

// OpenLocked is Open with ErrLocked turned into a message that says what
// to do.
func OpenLocked(path string, now func() time.Time) (*Database, error) {
	db, err := Open(path, now)
	if errors.Is(err, ErrLocked) {
		return nil, hint.With(fmt.Errorf("another edgedev process holds the D1 database %s (a second `edgedev dev` on this project?): %w", path, err),
			"stop it, or give this one its own state with --persist-to DIR")
	}
	return db, err
}
