async function c(f) {
  try { const v = await f(); return { ok: v }; }
  catch (e) { return { err: String(e && e.message), cause: e && e.cause ? String(e.cause.message) : undefined, name: e && e.name }; }
}
export default {
  async fetch(req, env) {
    const DB = env.DB;
    const out = {};
    await DB.exec("DROP TABLE IF EXISTS t; DROP TABLE IF EXISTS b; DROP TABLE IF EXISTS p; DROP TABLE IF EXISTS c;");
    out.exec = await c(() => DB.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, r REAL, tx TEXT, bl BLOB)\nINSERT INTO t (name) VALUES ('a')"));
    out.noTable = await c(() => DB.prepare("SELECT * FROM nosuch").all());
    out.noCol = await c(() => DB.prepare("SELECT nosuchcol FROM t").all());
    out.syntax = await c(() => DB.prepare("SELEC 1").all());
    out.begin = await c(() => DB.prepare("BEGIN TRANSACTION").run());
    out.savepoint = await c(() => DB.prepare("SAVEPOINT x").run());
    out.attach = await c(() => DB.prepare("ATTACH DATABASE 'x.db' AS x").run());
    out.cf = await c(() => DB.prepare("CREATE TABLE _cf_x (a)").run());
    out.pragmaBad = await c(() => DB.prepare("PRAGMA journal_mode").all());
    out.pragmaOk = await c(() => DB.prepare("PRAGMA table_list").all());
    out.pragmaFk = await c(() => DB.prepare("PRAGMA foreign_keys").all());
    out.unique = await c(async () => { await DB.exec("CREATE TABLE p (id INTEGER PRIMARY KEY)"); await DB.prepare("INSERT INTO p VALUES (1)").run(); return DB.prepare("INSERT INTO p VALUES (1)").run(); });
    out.fk = await c(async () => { await DB.exec("CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id))"); return DB.prepare("INSERT INTO c VALUES (1, 99)").run(); });
    out.compound = await c(() => DB.prepare("SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6").all());
    out.compound5 = await c(() => DB.prepare("SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5").raw());
    out.dqs = await c(() => DB.prepare('SELECT "hello" AS x').first());
    out.typeofNum = await c(() => DB.prepare("SELECT typeof(?) AS t, ? AS v").bind(1, 1).first());
    out.textAff = await c(async () => { await DB.prepare("INSERT INTO t (tx, n) VALUES (?, ?)").bind(42, 7.0).run(); return DB.prepare("SELECT tx, typeof(tx) AS tt, n, typeof(n) AS nt FROM t WHERE tx IS NOT NULL").first(); });
    out.nan = await c(() => DB.prepare("SELECT ? AS a, typeof(?) AS b").bind(NaN, Infinity).first());
    out.blobArr = await c(() => DB.prepare("SELECT ? AS b, typeof(?) AS t").bind([1,2,3], [1,2,3]).first());
    out.blobBuf = await c(() => DB.prepare("SELECT ? AS b").bind(new Uint8Array([4,5]).buffer).first());
    out.blobView = await c(() => DB.prepare("SELECT ? AS b").bind(new Uint8Array([6,7])).first());
    out.boolBind = await c(() => DB.prepare("SELECT ? AS a, ? AS b, typeof(?) AS t").bind(true, false, true).first());
    out.bindUndef = await c(() => DB.prepare("SELECT ?").bind(undefined));
    out.bindObj = await c(() => DB.prepare("SELECT ?").bind({}));
    out.bindBig = await c(() => DB.prepare("SELECT ?").bind(10n));
    out.bindDate = await c(() => DB.prepare("SELECT ?").bind(new Date(0)));
    out.bindArrBad = await c(() => DB.prepare("SELECT ?").bind([1, 300]));
    out.wrongParams = await c(() => DB.prepare("SELECT ?, ?").bind(1).all());
    out.multiParam = await c(() => DB.prepare("SELECT ?; SELECT 2").bind(1).all());
    out.multiOk = await c(() => DB.prepare("SELECT 1 AS a; SELECT ? AS b").bind(2).all());
    out.firstCol = await c(() => DB.prepare("SELECT 1 AS a").first("a"));
    out.firstColMissing = await c(() => DB.prepare("SELECT 1 AS a").first("zz"));
    out.firstColNoRow = await c(() => DB.prepare("SELECT 1 AS a WHERE 0").first("zz"));
    out.firstNoRow = await c(() => DB.prepare("SELECT 1 AS a WHERE 0").first());
    out.raw = await c(() => DB.prepare("SELECT 1 AS a, 'x' AS b").raw());
    out.rawCols = await c(() => DB.prepare("SELECT 1 AS a, 'x' AS b").raw({ columnNames: true }));
    out.rawColsInsert = await c(() => DB.prepare("INSERT INTO p VALUES (50)").raw({ columnNames: true }));
    out.run = await c(() => DB.prepare("INSERT INTO p VALUES (51)").run());
    out.runSelect = await c(() => DB.prepare("SELECT id FROM p ORDER BY id").run());
    out.allSelect = await c(() => DB.prepare("SELECT id FROM p ORDER BY id LIMIT 1").all());
    out.returning = await c(() => DB.prepare("INSERT INTO p VALUES (52) RETURNING *").all());
    out.dup = await c(() => DB.prepare("SELECT 1 AS a, 2 AS a").all());
    out.bigint = await c(() => DB.prepare("SELECT 9007199254740993 AS a").first());
    out.batchEmpty = await c(() => DB.batch([]));
    out.prepareEmpty = await c(() => DB.prepare("").all());
    out.batchFail = await c(async () => { try { await DB.batch([DB.prepare("INSERT INTO p VALUES (60)"), DB.prepare("INSERT INTO nosuch VALUES (1)")]); } catch (e) { return { e: e.message, after: await DB.prepare("SELECT count(*) AS n FROM p WHERE id = 60").first("n") }; } });
    out.batchOk = await c(() => DB.batch([DB.prepare("SELECT 1 AS a"), DB.prepare("INSERT INTO p VALUES (61)")]));
    out.execErr = await c(() => DB.exec("INSERT INTO p VALUES (70)\nINSERTZ INTO p VALUES (71)"));
    out.execErrAfter = await c(() => DB.prepare("SELECT count(*) AS n FROM p WHERE id = 70").first("n"));
    out.execMulti = await c(() => DB.exec("SELECT 1;\nSELECT 2"));
    out.execSplit = await c(() => DB.exec("SELECT\n1"));
    out.dump = await c(() => DB.dump());
    out.session = await c(async () => { const s = DB.withSession(); const b0 = s.getBookmark(); await s.prepare("SELECT 1").all(); const b1 = s.getBookmark(); return { b0, b1, keys: Object.keys(s), proto: Object.getOwnPropertyNames(Object.getPrototypeOf(s)) }; });
    out.sessionPrimary = await c(async () => { const s = DB.withSession("first-primary"); await s.prepare("SELECT 1").all(); return s.getBookmark(); });
    out.protoDB = Object.getOwnPropertyNames(Object.getPrototypeOf(DB));
    out.protoStmt = Object.getOwnPropertyNames(Object.getPrototypeOf(DB.prepare("SELECT 1")));
    out.lastRowSelect = await c(async () => { await DB.prepare("INSERT INTO p VALUES (80)").run(); return (await DB.prepare("SELECT 1").all()).meta; });
    out.tempTable = await c(() => DB.prepare("CREATE TEMP TABLE tt (a)").run());
    out.fnBad = await c(() => DB.prepare("SELECT sqlite_version()").all());
    out.likeLong = await c(() => DB.prepare("SELECT 'a' LIKE ?").bind("a".repeat(60)).all());
    out.nullBind = await c(() => DB.prepare("SELECT ? AS a").bind(null).first());
    out.vtab = await c(() => DB.prepare("CREATE VIRTUAL TABLE f USING fts5(a)").run());
    out.badVtab = await c(() => DB.prepare("CREATE VIRTUAL TABLE f2 USING csv(a)").run());
    out.namedParam = await c(() => DB.prepare("SELECT :a AS a, ?2 AS b").bind(1, 2).first());
    out.stringify = JSON.stringify(DB);
    out.stmtKeys = Object.keys(DB.prepare("SELECT 1"));
    return Response.json(out);
  },
};
