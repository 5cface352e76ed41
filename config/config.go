package config

// Config is one worker's resolved configuration: the top level of the wrangler
// config, or a named environment with the top-level inheritable keys filled in
// (see Load). Zero values mean "not set"; callers apply defaults.
type Config struct {
	// Path is the absolute path of the config file; "" when the Config was
	// built from command-line flags only.
	Path string
	// Dir is the directory of Path, against which relative paths resolve.
	Dir string
	// Env is the selected environment (--env); "" for the top level.
	Env string

	// Name is the worker name (key "name"; optional, default ""). In a named
	// environment it is the environment's own name if set, else
	// "<top-level name>-<env>".
	Name string
	// Main is the absolute path of the entry module (key "main", relative to
	// Dir in the file; optional, default ""). Inheritable. Load does not check
	// that the file exists.
	Main string
	// CompatibilityDate is "YYYY-MM-DD" (key "compatibility_date"; optional,
	// but Load warns when it is missing). Inheritable; never in the future.
	CompatibilityDate string
	// CompatibilityFlags such as "nodejs_compat" (key "compatibility_flags";
	// optional, default none). Inheritable.
	CompatibilityFlags []string

	// Vars are the plain-text and JSON variables (table "vars"; optional), in
	// file order. Not inherited by named environments.
	Vars []Var
	// KVNamespaces are the KV bindings (array of tables "kv_namespaces";
	// optional), in file order. Not inherited by named environments.
	KVNamespaces []KVNamespace
	// D1Databases are the D1 bindings (array of tables "d1_databases";
	// optional), in file order. Not inherited by named environments.
	D1Databases []D1Database
	// DurableObjects are the Durable Object namespace bindings
	// ([[durable_objects.bindings]]; inheritable per environment like other
	// bindings: an [env.NAME] without it has none).
	DurableObjects []DurableObjectBinding
	// Migrations are the top-level [[migrations]] (DurableClasses folds them).
	Migrations []Migration

	// Assets is the Workers Static Assets table (table "assets"; optional,
	// nil when absent). Inheritable.
	Assets *Assets
	// Declared are the bindings of the tables edgedev does not run yet
	// (d1_databases, r2_buckets, durable_objects, queues, services, ai,
	// ...), by table key; see Declared. Not inherited by named
	// environments, like the tables themselves.
	Declared map[string][]Declared

	// Dev holds the local server settings (table "dev"; optional). Only read
	// from the top level, as wrangler does.
	Dev Dev
	// PagesBuildOutputDir is the absolute static-assets directory of a Pages
	// project (key "pages_build_output_dir"; optional, default ""). Top level
	// only.
	PagesBuildOutputDir string
	// Triggers are the scheduled-event triggers (table "triggers"; optional).
	// Inheritable.
	Triggers Triggers
	// Limits are the resource limits (table "limits"; optional). Inheritable.
	Limits Limits
}

// Var is one variable: from [vars] in the config, from a .dev.vars/.env file,
// or from a --var flag.
type Var struct {
	// Name is the env name the worker sees (env.NAME).
	Name string
	// Value keeps the type the file gave it: string, int64, float64, bool,
	// map[string]any or []any (nested values use the same types). Vars from
	// .dev.vars, .env and --var are always strings.
	Value any
	// Line is the 1-based line of the var in File; 0 for --var.
	Line int
	// File is the path of the file the var was read from; "" for --var.
	File string
}

// KVNamespace is one [[kv_namespaces]] entry.
type KVNamespace struct {
	// Binding is the env name (key "binding"; required).
	Binding string
	// ID is the production namespace id (key "id"; optional, default "").
	ID string
	// PreviewID is the preview/dev namespace id (key "preview_id"; optional,
	// default "").
	PreviewID string
	// Line is the 1-based line where the entry starts in the config file.
	Line int
}

// LocalID is the namespace id edgedev stores the binding's data under:
// preview_id, else id, else the binding name. This is the rule wrangler dev
// uses, so two bindings with the same id share data, and `edgedev kv` commands
// must use the same rule to see what the worker wrote.
func (ns KVNamespace) LocalID() string {
	switch {
	case ns.PreviewID != "":
		return ns.PreviewID
	case ns.ID != "":
		return ns.ID
	default:
		return ns.Binding
	}
}

// D1Database is one [[d1_databases]] entry.
type D1Database struct {
	// Binding is the env name (key "binding"; required).
	Binding string
	// DatabaseName is the database's name (key "database_name"; optional,
	// default ""). The d1 commands find an entry by it or by Binding.
	DatabaseName string
	// DatabaseID is the production database id (key "database_id";
	// optional, default "").
	DatabaseID string
	// PreviewDatabaseID is the preview database id (key
	// "preview_database_id"; optional, default "").
	PreviewDatabaseID string
	// MigrationsDir is the absolute migrations directory (key
	// "migrations_dir", relative to the config file; optional, default
	// "migrations" next to the config file).
	MigrationsDir string
	// MigrationsTable is the ledger table of applied migrations (key
	// "migrations_table"; optional, default "d1_migrations").
	MigrationsTable string
	// Line is the 1-based line where the entry starts in the config file.
	Line int
}

// LocalID is the id edgedev keeps the database's file under:
// preview_database_id, else database_id, else the binding name. This is the
// rule wrangler dev and `wrangler d1 execute --local` share
// (workers-sdk#11870 keeps it so), so `edgedev d1` commands and the worker
// always open the same file.
func (d D1Database) LocalID() string {
	switch {
	case d.PreviewDatabaseID != "":
		return d.PreviewDatabaseID
	case d.DatabaseID != "":
		return d.DatabaseID
	default:
		return d.Binding
	}
}

// Name is what the d1 commands print for the database: database_name,
// else the binding.
func (d D1Database) Name() string {
	if d.DatabaseName != "" {
		return d.DatabaseName
	}
	return d.Binding
}

// Dev is the [dev] table.
type Dev struct {
	// IP is the address to listen on (key "ip"; optional, default "" — the
	// caller uses 127.0.0.1).
	IP string
	// Port is the port to listen on (key "port"; optional, 1..65535, default
	// 0 — the caller uses 8787).
	Port int
}

// Triggers is the [triggers] table.
type Triggers struct {
	// Crons are cron expressions for scheduled() (key "crons"; optional,
	// default none). Load checks they are strings, not their syntax.
	Crons []string
}

// Limits is the [limits] table.
type Limits struct {
	// CPUMs is the CPU-time cap per invocation in milliseconds (key "cpu_ms";
	// optional, 1..300000, default 0 — the caller applies its own default).
	CPUMs int
}
