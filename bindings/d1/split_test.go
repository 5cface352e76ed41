package d1

import (
	"reflect"
	"testing"
)

// The cases of workers-sdk packages/wrangler/src/__tests__/d1/splitter.test.ts
// that matter locally, and the trigger body of workers-sdk#4326.
func TestSplit(t *testing.T) {
	cases := []struct {
		name, sql string
		want      []string
	}{
		{"one statement stays whole", "SELECT 1;", []string{"SELECT 1;"}},
		{"two statements", "SELECT 1; SELECT 2;", []string{"SELECT 1", "SELECT 2"}},
		{"a ; in a string", "INSERT INTO t VALUES ('a;b'); SELECT 2", []string{"INSERT INTO t VALUES ('a;b')", "SELECT 2"}},
		{"a ; in a quoted name", `SELECT "a;b" FROM t; SELECT 2`, []string{`SELECT "a;b" FROM t`, "SELECT 2"}},
		{"a ; in a comment", "SELECT 1; -- x; y\nSELECT 2", []string{"SELECT 1", "-- x; y\nSELECT 2"}},
		{"a ; in a block comment", "SELECT 1; /* x; y */ SELECT 2", []string{"SELECT 1", "/* x; y */ SELECT 2"}},
		{"dollar quotes", "SELECT $x$a;b$x$; SELECT 2", []string{"SELECT $x$a;b$x$", "SELECT 2"}},
		{"a trigger body keeps its ;", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END; SELECT 2",
			[]string{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END", "SELECT 2"}},
		{"blank statements go", "SELECT 1;;\n\n; SELECT 2;", []string{"SELECT 1", "SELECT 2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Split(c.sql); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Split(%q) = %q, want %q", c.sql, got, c.want)
			}
		})
	}
}

func TestPrepareFile(t *testing.T) {
	got, err := PrepareFile("BEGIN TRANSACTION;\nCREATE TABLE t (a);\nCOMMIT;\n")
	if err != nil || got != "\nCREATE TABLE t (a);\n\n" {
		t.Errorf("a dump's wrapper: %q %v", got, err)
	}
	if _, err := PrepareFile("BEGIN TRANSACTION;\nSELECT 1;\nCOMMIT;\nBEGIN TRANSACTION;\nSELECT 2;\nCOMMIT;\n"); err != ErrSeveralTransactions {
		t.Errorf("two transactions: %v", err)
	}
}

func TestOnlyComments(t *testing.T) {
	for sql, want := range map[string]bool{"": true, "-- x": true, "/* x */\n-- y\n": true, "-- x\nSELECT 1": false, " ; ": true} {
		if got := OnlyComments(sql); got != want {
			t.Errorf("OnlyComments(%q) = %v", sql, got)
		}
	}
}
