// Package durable is the Durable Object runtime: the namespace binding
// (env.NAME for [[durable_objects.bindings]]), ids as workerd computes them
// locally, stubs with fetch() and RPC, the input and output gates, each
// object's storage (the KV API and the SQL API on one SQLite file, the same
// engine as D1 through edgedev/sqlitefile) and alarms on the session's
// clock. The classes a worker extends (DurableObject, RpcTarget) are
// cloudflare:workers' (runtime/cloudflare); bindings/builtin has the one
// table line.
//
// Where things are:
//
//	namespace.go  Bindings (the factory), Class (one class's objects and files for a session),
//	              Namespace (the binding) and its natives for durable.js
//	durable.js    ids, the namespace, stubs and RPC passing, event delivery and the gates,
//	              DurableObjectState, the storage APIs and value serialization
//	id.go         idFromName / newUniqueId / idFromString's check (SHA-256 and HMAC, as workerd)
//	storage.go    Object: one SQLite file, _cf_KV, the user's SQL, the open transaction, group commit
//	alarm.go      alarms in metadata.sqlite, the poller on the clock, retries
//
// On disk, under the state directory: do/<worker>-<class>/<64-hex id>.sqlite
// per object (Miniflare's layout; the list of files is the list of objects
// of the class, Class.Objects) and do/<worker>-<class>/metadata.sqlite for
// the alarms.
//
// Concurrency: a namespace's live objects are JS objects in the worker's
// instance (as a worker's classes share its isolate in workerd); storage
// calls run synchronously on the instance's loop under the Object's mutex;
// the fsync of a commit and the alarm poller run on their own goroutines
// and come back to the loop through module.Host (Async, Callback, Post).
// A hot reload's new instance builds new live objects on the same storage
// and takes over the class's alarms.
//
// Imports: bindings, config, sqlitefile, runtime/module, runtime/webidl
// (boundary_test.go); never runtime or dev.
package durable
