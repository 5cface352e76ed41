package d1_test

import (
	"path/filepath"
	"testing"

	"edgedev/bindings"
	"edgedev/bindings/d1"
	"edgedev/runtime/runtimetest"
)

func harness(t *testing.T) *runtimetest.Harness {
	db, err := d1.Open(filepath.Join(t.TempDir(), "js.sqlite"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return runtimetest.New(t, runtimetest.Options{Bindings: []bindings.Named{{Name: "DB", Kind: "d1_databases", Binding: d1.NewBinding(db)}}})
}

func TestJS(t *testing.T) {
	h := harness(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "a slow query does not block the loop: a timer set after it fires first",
			Src: `const order = [];
			  const q = env.DB.prepare("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT count(*) AS n FROM c").first("n")
			    .then((n) => order.push("query " + n));
			  await new Promise((r) => setTimeout(r, 0)); order.push("timer");
			  await q; return order;`,
			Want: `["timer","query 300000"]`},
		{Name: "the methods return promises and never throw synchronously",
			Src: `const s = env.DB.prepare("SELECT * FROM nosuch");
			  const ps = [s.first(), s.all(), s.run(), s.raw()];
			  const r = await Promise.allSettled(ps);
			  return r.map((x) => x.status + ": " + x.reason.message);`,
			Want: `["rejected: D1_ERROR: no such table: nosuch: SQLITE_ERROR","rejected: D1_ERROR: no such table: nosuch: SQLITE_ERROR","rejected: D1_ERROR: no such table: nosuch: SQLITE_ERROR","rejected: D1_ERROR: no such table: nosuch: SQLITE_ERROR"]`},
		{Name: "bind throws at once and returns a new statement",
			Src: `const s = env.DB.prepare("SELECT ? AS a");
			  const b = s.bind(1);
			  let msg; try { s.bind(undefined); } catch (e) { msg = e.message; }
			  return [s === b, s.params.length, b.params, msg];`,
			Want: `[false,0,[1],"D1_TYPE_ERROR: Type 'undefined' not supported for value 'undefined'"]`},
		{Name: "a session's bookmark only grows",
			Src: `const s = env.DB.withSession("first-primary");
			  const marks = [s.getBookmark()];
			  await s.prepare("SELECT 1").all(); marks.push(s.getBookmark());
			  await s.batch([s.prepare("SELECT 1")]); marks.push(s.getBookmark());
			  return [marks[0], marks[1] < marks[2], /^[0-9a-f]{8}-[0-9a-f]{8}-0{8}-0{32}$/.test(marks[2])];`,
			Want: `[null,true,true]`},
		{Name: "withSession with a bookmark keeps it until a greater one comes",
			Src: `const s = env.DB.withSession("  zzzz  ");
			  await s.prepare("SELECT 1").first();
			  return s.getBookmark();`,
			Want: `"zzzz"`},
		{Name: "exec runs line by line as one transaction",
			Src: `await env.DB.exec("CREATE TABLE IF NOT EXISTS e (a)");
			  let msg; try { await env.DB.exec("INSERT INTO e VALUES (1)\nINSERT INTO e VALUES (2)\nNOPE"); } catch (e) { msg = e.message; }
			  return [msg, await env.DB.prepare("SELECT count(*) AS n FROM e").first("n")];`,
			Want: `["D1_EXEC_ERROR: Error in line 1: INSERT INTO e VALUES (1): near \"NOPE\": syntax error at offset 0: SQLITE_ERROR",0]`},
		{Name: "a repeated column keeps its last value in objects, both in raw",
			Src: `const s = env.DB.prepare("SELECT 1 AS a, 2 AS a");
			  return [await s.first(), await s.first("a"), await s.raw({ columnNames: true })];`,
			Want: `[{"a":2},2,[["a","a"],[1,2]]]`},
		{Name: "JSON.stringify(env.DB) and Object.keys",
			Src:  `return [Object.keys(env.DB), typeof env.DB.query];`,
			Want: `[["alwaysPrimarySession","fetcher"],"undefined"]`},
	})
}
