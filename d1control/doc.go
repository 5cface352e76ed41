// Package d1control is the loopback protocol that lets `edgedev d1` reach a
// D1 database a running dev server holds: the server.json announcement in
// the state directory's d1 folder, the JSON wire format, the server-side
// handler (Serve) and the client (Client).
//
// Each database file is flock'd by the process that opened it, so while
// `edgedev dev` runs, the CLI cannot open it; the server announces itself
// in <state>/d1/server.json once it listens and holds a database, and
// answers under /cdn-cgi/edgedev/d1/ with the same bindings/d1 Database.Run
// the worker uses. A request is one transaction on one database, named by
// its local id. It carries the server's control token (kvcontrol's, from
// the state directory), so a web page cannot drive it.
//
// Imports: bindings/d1, kvcontrol (the token), the standard library. Never
// dev, runtime or bundler.
//
// Concurrency: a Client is safe for concurrent use; Serve may run on many
// HTTP goroutines at once (each database serialises its own requests).
package d1control
