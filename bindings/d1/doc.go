// Package d1 is the D1 binding kind: SQLite databases a worker reaches as
// env.NAME, with the platform's API, result shapes and error texts, and the
// Go side that `edgedev d1` shares with it.
//
// Where things are:
//
//	database.go   Database: one file, one connection, one goroutine; group commit; a query's run and meta
//	authorizer.go workerd's authorizer (PRAGMA allow-list, _cf_ names, ATTACH, temp objects, functions)
//	limits.go     the group size (workerd's sqlite3_limit values are edgedev/sqlitefile's)
//	errors.go     the platform's messages and the "<errmsg>[ at offset N]: SQLITE_<CODE>" format
//	stmtcache.go  compiled statements kept by SQL text
//	js.go, d1.js  the JS objects (D1Database, D1DatabaseSession, D1PreparedStatement)
//	split.go      wrangler's splitting of an SQL file into statements
//	migrations.go wrangler's migrations: file names, the ledger table, one transaction each
//	export.go     Miniflare's SQL dump (`d1 export`)
//	factory.go    the "d1_databases" kind: one file per local id under <state dir>/d1
//
// The engine is github.com/ncruces/go-sqlite3 (SQLite translated to Go by
// wasm2go: no cgo, so the binary stays static), used through its low-level
// API so that numbers bind as REAL and values are read by their storage
// class, as workerd does; database/sql would turn TIMESTAMP columns into
// time.Time. Measured against modernc.org/sqlite v1.62.0 on the bench's
// workloads (point read by primary key: 6.9 against 8.9 µs; fsync'd INSERT:
// 163 against 280 µs) and for CI (go test -race -c of a package using it:
// 17 against 36 s), and it has the authorizer and limit calls workerd's
// rules need.
//
// Imports: bindings, config, hint, runtime/module, the engine. Never
// runtime, dev or persist.
//
// Concurrency: a Database is safe for concurrent use. Its SQL runs only on
// its own goroutine; Run hands a request over and calls back from there
// once the request's transaction is durable. The JS side runs on the
// worker's loop and never waits for SQL: each call reserves a loop slot
// (module.Host.Async) that the database goroutine settles.
package d1
