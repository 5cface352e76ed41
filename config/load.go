package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Loader reads wrangler config files. The zero value is ready to use.
type Loader struct {
	// Now is the clock used to decide whether compatibility_date is in the
	// future (compared as a UTC calendar date, as Miniflare does). Nil means
	// time.Now. Tests and `--clock` set it.
	Now func() time.Time
}

// Load reads the wrangler config at path with the real clock; see
// Loader.Load.
func Load(path, env string) (*Config, []Diagnostic, error) {
	return Loader{}.Load(path, env)
}

// Load reads and validates the wrangler config at path (wrangler.toml,
// wrangler.json or wrangler.jsonc, chosen by extension) and resolves the
// environment env ("" for the top level).
//
// The top level is always validated; with env set, [env.NAME] is validated
// too and the result is that environment: inheritable keys (main,
// compatibility_date, compatibility_flags, triggers, limits, ...) fall back to
// the top level, non-inheritable ones (vars, kv_namespaces and other bindings)
// do not, and the name becomes "<name>-<env>" unless the environment sets its
// own. [dev] and pages_build_output_dir are read from the top level only.
//
// Warnings (unknown keys, a missing compatibility_date, bindings that an
// environment does not repeat) come back as Diagnostics whether or not there
// are errors. Errors come back all at once as a *Problems, with a nil Config.
// A file that cannot be read gives a plain wrapped error.
func (l Loader) Load(path, env string) (*Config, []Diagnostic, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, fmt.Errorf("load wrangler config: %w", err)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, nil, fmt.Errorf("load wrangler config: %w", err)
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))

	isTOML := false
	var root *node
	switch ext := strings.ToLower(filepath.Ext(abs)); ext {
	case ".toml":
		isTOML = true
		root, err = parseTOML(src)
	case ".json", ".jsonc":
		root, err = parseJSONC(src)
	default:
		return nil, nil, fmt.Errorf("load wrangler config: %s: unsupported file type %q; use wrangler.toml, wrangler.json or wrangler.jsonc", path, ext)
	}
	if err != nil {
		var se *syntaxError
		if errors.As(err, &se) {
			return nil, nil, &Problems{File: path, List: []Diagnostic{{
				File: path, Line: se.Line, Column: se.Column, Message: se.Msg, Hint: se.Hint,
			}}}
		}
		return nil, nil, fmt.Errorf("load wrangler config: %w", err)
	}

	now := time.Now
	if l.Now != nil {
		now = l.Now
	}
	c := &checker{file: path, abs: abs, toml: isTOML, today: now().UTC().Format(dateLayout)}
	cfg := c.resolve(root, env, abs)

	sortDiagnostics(c.errs)
	sortDiagnostics(c.warns)
	if len(c.errs) > 0 {
		return nil, c.warns, &Problems{File: path, List: c.errs}
	}
	return cfg, c.warns, nil
}

// sortDiagnostics orders by line, diagnostics without a line first, keeping
// the order of discovery among equals.
func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Line < ds[j].Line })
}

// checker collects diagnostics while it turns a node tree into a Config.
type checker struct {
	file  string
	abs   string // the config's absolute path; relative paths in it resolve against its directory
	toml  bool
	today string // YYYY-MM-DD, UTC
	errs  []Diagnostic
	warns []Diagnostic
}

func (c *checker) errorf(line int, key, hint, format string, args ...any) {
	c.errs = append(c.errs, Diagnostic{File: c.file, Line: line, Key: key, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (c *checker) warnf(line int, key, hint, format string, args ...any) {
	c.warns = append(c.warns, Diagnostic{File: c.file, Line: line, Key: key, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// resolve validates the tree and builds the Config for env.
func (c *checker) resolve(root *node, env, abs string) *Config {
	dir := filepath.Dir(abs)
	cfg := &Config{Path: abs, Dir: dir, Env: env}

	top := c.section(root, "", true)
	cfg.Dev = c.dev(root.field("dev"))
	if n := root.field("pages_build_output_dir"); n != nil {
		if s, ok := c.str(n, "pages_build_output_dir", true); ok {
			cfg.PagesBuildOutputDir = absPath(dir, s)
		}
	}
	envs := c.envTable(root.field("env"))

	active := top
	if env != "" {
		active = c.environment(root, top, envs, env)
	}

	cfg.Name = active.name.v
	cfg.Main = ""
	if active.main.v != "" {
		cfg.Main = absPath(dir, active.main.v)
	}
	cfg.CompatibilityDate = active.date.v
	cfg.CompatibilityFlags = active.flags.v
	cfg.Vars = active.vars.v
	cfg.KVNamespaces = active.kv.v
	cfg.D1Databases = active.d1.v
	for i := range cfg.D1Databases {
		d := &cfg.D1Databases[i]
		if d.MigrationsDir == "" {
			d.MigrationsDir = "migrations"
		}
		d.MigrationsDir = absPath(dir, d.MigrationsDir)
		if d.MigrationsTable == "" {
			d.MigrationsTable = "d1_migrations"
		}
	}
	cfg.DurableObjects = active.do.v
	if n := root.field("migrations"); n != nil {
		cfg.Migrations = c.migrations(n)
	}
	cfg.Triggers = active.triggers.v
	cfg.Limits = active.limits.v
	cfg.Assets = active.assets.v
	if cfg.Assets != nil {
		cfg.Assets.File = abs
	}
	cfg.Declared = active.declared
	for i := range cfg.Vars {
		cfg.Vars[i].File = abs
	}

	c.uniqueBindings(active)
	if !active.date.set {
		hint := fmt.Sprintf(`add compatibility_date = "%s" to %s`, c.today, filepath.Base(c.file))
		if !c.toml {
			hint = fmt.Sprintf(`add "compatibility_date": "%s" to %s`, c.today, filepath.Base(c.file))
		}
		c.warnf(0, "compatibility_date", hint, "No compatibility_date was specified; add one to pin the runtime behaviour your worker expects")
	}
	return cfg
}

// environment validates [env.NAME] and merges it with the top level the way
// wrangler does.
func (c *checker) environment(root *node, top fields, envs *node, env string) fields {
	envNode := envs.field(env)
	if envNode == nil {
		names := []string{}
		if envs != nil {
			names = envs.keys
		}
		msg := fmt.Sprintf("No environment found in configuration with name %q.", env)
		hint := fmt.Sprintf("add an [env.%s] section to %s", env, filepath.Base(c.file))
		if !c.toml {
			hint = fmt.Sprintf(`add "env": { "%s": { ... } } to %s`, env, filepath.Base(c.file))
		}
		if len(names) > 0 {
			if s := suggest(env, set(names...)); s != "" {
				hint = fmt.Sprintf("did you mean --env %s? Otherwise %s", s, hint)
			}
			c.errorf(0, "env", hint, "%s The available configured environment names are: %s", msg, jsonList(names))
			return top
		}
		// Like wrangler: with no environments at all this is only a warning,
		// and the top level is used under the environment's name.
		c.warnf(0, "env", hint, "%s The configuration defines no environments, so the top level is used", msg)
		out := top
		if top.name.v != "" {
			out.name.v = top.name.v + "-" + env
		}
		return out
	}
	if envNode.kind != kTable {
		return top // envTable already reported it
	}
	prefix := keyPath("env", env)
	e := c.section(envNode, prefix, false)

	out := e
	if !e.name.set && top.name.v != "" {
		out.name = opt[string]{v: top.name.v + "-" + env}
	}
	inherit(&out.main, top.main)
	inherit(&out.date, top.date)
	inherit(&out.flags, top.flags)
	inherit(&out.triggers, top.triggers)
	inherit(&out.limits, top.limits)
	inherit(&out.assets, top.assets)

	for _, key := range nonInheritableOrder {
		tn := root.field(key)
		if tn == nil || envNode.field(key) != nil {
			continue
		}
		hint := fmt.Sprintf("repeat it inside %q", prefix)
		if c.toml {
			switch tn.kind {
			case kArray:
				hint = fmt.Sprintf("repeat it as [[%s.%s]]", prefix, key)
			case kTable:
				hint = fmt.Sprintf("repeat it as [%s.%s]", prefix, key)
			}
		}
		c.warnf(tn.line, key, hint, "%q exists at the top level, but not on %q; it is not inherited by environments", key, prefix)
	}
	c.missingFromEnv(top, e, envNode, prefix)
	return out
}

// missingFromEnv warns about top-level vars and KV bindings an environment's
// own vars / kv_namespaces leave out.
func (c *checker) missingFromEnv(top, e fields, envNode *node, prefix string) {
	if e.vars.set && top.vars.set {
		have := map[string]bool{}
		for _, v := range e.vars.v {
			have[v.Name] = true
		}
		var missing []string
		for _, v := range top.vars.v {
			if !have[v.Name] {
				missing = append(missing, v.Name)
			}
		}
		if len(missing) > 0 {
			key := keyPath(prefix, "vars")
			c.warnf(envNode.field("vars").line, key, "add them to "+key+" if this environment needs them",
				"top-level vars missing from %q: %s; vars are not inherited by environments", key, strings.Join(missing, ", "))
		}
	}
	if e.kv.set && top.kv.set {
		have := map[string]bool{}
		for _, ns := range e.kv.v {
			have[ns.Binding] = true
		}
		var missing []string
		for _, ns := range top.kv.v {
			if ns.Binding != "" && !have[ns.Binding] {
				missing = append(missing, ns.Binding)
			}
		}
		if len(missing) > 0 {
			key := keyPath(prefix, "kv_namespaces")
			c.warnf(envNode.field("kv_namespaces").line, key, "add them to "+key+" if this environment needs them",
				"top-level KV bindings missing from %q: %s; kv_namespaces are not inherited by environments", key, strings.Join(missing, ", "))
		}
	}
}

func inherit[T any](dst *opt[T], top opt[T]) {
	if !dst.set {
		*dst = top
	}
}

// envTable checks that "env" is a table of tables.
func (c *checker) envTable(n *node) *node {
	if n == nil {
		return nil
	}
	if n.kind != kTable {
		c.errorf(n.line, "env", "", "env must be %s of environments (got %s)", c.aTable(), c.describe(n))
		return nil
	}
	for _, name := range n.keys {
		if e := n.fields[name]; e.kind != kTable {
			key := keyPath("env", name)
			c.errorf(e.line, key, "", "%s must be %s (got %s)", key, c.aTable(), c.describe(e))
		}
	}
	return n
}

// uniqueBindings reports env names bound twice across vars and kv_namespaces.
func (c *checker) uniqueBindings(f fields) {
	type owner struct {
		key  string
		line int
	}
	seen := map[string]owner{}
	claim := func(name, key string, line int) {
		if name == "" {
			return
		}
		if prev, ok := seen[name]; ok {
			c.errorf(line, key, "every binding name must be unique across vars, kv_namespaces, d1_databases and durable_objects",
				"%s %q is already bound by %s (line %d)", key, name, prev.key, prev.line)
			return
		}
		seen[name] = owner{key, line}
	}
	for _, v := range f.vars.v {
		claim(v.Name, keyPath(keyPath(f.prefix, "vars"), v.Name), v.Line)
	}
	for i, ns := range f.kv.v {
		key := keyPath(indexPath(keyPath(f.prefix, "kv_namespaces"), i), "binding")
		claim(ns.Binding, key, f.kvLines[i])
	}
	for i, db := range f.d1.v {
		key := keyPath(indexPath(keyPath(f.prefix, "d1_databases"), i), "binding")
		claim(db.Binding, key, f.d1Lines[i])
	}
	for i, d := range f.do.v {
		key := keyPath(indexPath(keyPath(keyPath(f.prefix, "durable_objects"), "bindings"), i), "name")
		claim(d.Name, key, f.doLines[i])
	}
}

// absPath resolves p against dir and cleans it.
func absPath(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// jsonList renders names the way wrangler prints them: ["a","b"].
func jsonList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return "[" + strings.Join(q, ",") + "]"
}
