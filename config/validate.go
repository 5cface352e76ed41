package config

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

// opt is a value read from one section, and whether the key was there at all
// (an environment inherits only keys it does not set).
type opt[T any] struct {
	v   T
	set bool
}

// fields is what one section (the top level or one [env.NAME]) says about
// the keys edgedev reads.
type fields struct {
	prefix   string // "" for the top level, else env.NAME
	name     opt[string]
	main     opt[string]
	date     opt[string]
	flags    opt[[]string]
	vars     opt[[]Var]
	kv       opt[[]KVNamespace]
	kvLines  []int // per KV entry: line of its binding key (or of the entry)
	d1       opt[[]D1Database]
	d1Lines  []int // per D1 entry: line of its binding key (or of the entry)
	do       opt[[]DurableObjectBinding]
	doLines  []int // per Durable Object binding: line of its name key (or of the entry)
	triggers opt[Triggers]
	limits   opt[Limits]
	assets   opt[*Assets]
	declared map[string][]Declared
}

const (
	dateLayout = "2006-01-02"
	// MaxCPUMs is the largest limits.cpu_ms the platform accepts: 5 minutes
	// (developers.cloudflare.com/workers/platform/limits/).
	MaxCPUMs = 300_000
)

var (
	datePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	// workerName is wrangler's isValidName rule.
	workerName = regexp.MustCompile(`^[a-z0-9_][a-z0-9_-]*$`)
)

// section checks one table of the config: unknown keys, then each key
// edgedev reads.
func (c *checker) section(t *node, prefix string, top bool) fields {
	f := fields{prefix: prefix}
	known := envKeys
	if top {
		known = topLevelKeys
	}
	for _, k := range t.keys {
		n, key := t.fields[k], keyPath(prefix, k)
		switch {
		case known[k]:
		case !top && topLevelOnlyKeys[k]:
			c.warnf(n.line, key, fmt.Sprintf("move %q to the top level", k),
				"%s has no effect: %q is only read at the top level", key, k)
		default:
			c.unknown(n, prefix, k, known)
		}
	}

	if n := t.field("name"); n != nil {
		key := keyPath(prefix, "name")
		if s, ok := c.str(n, key, false); ok && s != "" && !workerName.MatchString(s) {
			c.errorf(n.line, key, "", `%s must use only lowercase letters, digits, "_" and "-", and not start with "-" (got %q)`, key, s)
		}
		f.name = opt[string]{v: str(n), set: true}
	}
	if n := t.field("main"); n != nil {
		s, _ := c.str(n, keyPath(prefix, "main"), true)
		f.main = opt[string]{v: s, set: true}
	}
	if n := t.field("compatibility_date"); n != nil {
		f.date = opt[string]{v: c.date(n, keyPath(prefix, "compatibility_date")), set: true}
	}
	if n := t.field("compatibility_flags"); n != nil {
		f.flags = opt[[]string]{v: c.strings(n, keyPath(prefix, "compatibility_flags"), `compatibility_flags = ["nodejs_compat"]`), set: true}
	}
	if n := t.field("vars"); n != nil {
		f.vars = opt[[]Var]{v: c.vars(n, keyPath(prefix, "vars")), set: true}
	}
	if n := t.field("kv_namespaces"); n != nil {
		kv, lines := c.kvNamespaces(n, keyPath(prefix, "kv_namespaces"))
		f.kv = opt[[]KVNamespace]{v: kv, set: true}
		f.kvLines = lines
	}
	if n := t.field("d1_databases"); n != nil {
		d1, lines := c.d1Databases(n, keyPath(prefix, "d1_databases"))
		f.d1 = opt[[]D1Database]{v: d1, set: true}
		f.d1Lines = lines
	}
	if n := t.field("durable_objects"); n != nil {
		do, lines := c.durableObjects(n, keyPath(prefix, "durable_objects"))
		f.do = opt[[]DurableObjectBinding]{v: do, set: true}
		f.doLines = lines
	}
	if n := t.field("triggers"); n != nil {
		f.triggers = opt[Triggers]{v: c.triggers(n, keyPath(prefix, "triggers")), set: true}
	}
	if n := t.field("limits"); n != nil {
		f.limits = opt[Limits]{v: c.limits(n, keyPath(prefix, "limits")), set: true}
	}
	if n := t.field("assets"); n != nil {
		f.assets = opt[*Assets]{v: c.assets(n, keyPath(prefix, "assets"), filepath.Dir(c.abs)), set: true}
	}
	f.declared = declared(t)
	return f
}

// unknown warns about key k in the table at prefix, suggesting the closest
// known key.
func (c *checker) unknown(n *node, prefix, k string, known map[string]bool) {
	key := keyPath(prefix, k)
	if s := suggest(k, known); s != "" {
		c.warnf(n.line, key, "", "unknown key %q; did you mean %q?", key, keyPath(prefix, s))
		return
	}
	c.warnf(n.line, key, "", "unknown key %q (ignored)", key)
}

// unknownKeys warns about every key of table t outside known.
func (c *checker) unknownKeys(t *node, prefix string, known map[string]bool) {
	for _, k := range t.keys {
		if !known[k] {
			c.unknown(t.fields[k], prefix, k, known)
		}
	}
}

func str(n *node) string {
	if n != nil && n.kind == kString {
		return n.str
	}
	return ""
}

// str checks that n is a string (and, with nonEmpty, not "").
func (c *checker) str(n *node, key string, nonEmpty bool) (string, bool) {
	if n.kind != kString {
		c.errorf(n.line, key, "", "%s must be a string (got %s)", key, c.describe(n))
		return "", false
	}
	if nonEmpty && n.str == "" {
		c.errorf(n.line, key, "", "%s must not be empty", key)
		return "", false
	}
	return n.str, true
}

// strings checks that n is an array of strings; example is the TOML form of
// a correct value, for the hint.
func (c *checker) strings(n *node, key, example string) []string {
	if n.kind != kArray {
		c.errorf(n.line, key, c.example(example), "%s must be an array of strings (got %s)", key, c.describe(n))
		return nil
	}
	out := make([]string, 0, len(n.items))
	for i, it := range n.items {
		if it.kind != kString {
			c.errorf(it.line, indexPath(key, i), "", "%s must be a string (got %s)", indexPath(key, i), c.describe(it))
			continue
		}
		out = append(out, it.str)
	}
	return out
}

// date checks a compatibility_date: a "YYYY-MM-DD" string naming a real day
// that is not after today.
func (c *checker) date(n *node, key string) string {
	switch {
	case n.kind == kDate:
		c.errorf(n.line, key, c.example(fmt.Sprintf(`compatibility_date = "%s"`, n.raw)),
			"%s must be a string, not a TOML date (got %s)", key, n.raw)
		return ""
	case n.kind != kString:
		c.errorf(n.line, key, "", "%s must be a string like \"2024-09-23\" (got %s)", key, c.describe(n))
		return ""
	case !datePattern.MatchString(n.str):
		c.errorf(n.line, key, "", "%s must look like 2024-09-23 (got %q)", key, n.str)
		return ""
	}
	if _, err := time.Parse(dateLayout, n.str); err != nil {
		c.errorf(n.line, key, "", "%s must be a real calendar date (got %q)", key, n.str)
		return ""
	}
	if n.str > c.today {
		c.errorf(n.line, key, fmt.Sprintf("workerd refuses it (\"Can't set compatibility date in the future\"); use %s or earlier", c.today),
			"%s can't be in the future (got %q, today is %s UTC)", key, n.str, c.today)
		return ""
	}
	return n.str
}

// vars checks [vars]: a table of any values except TOML dates, which wrangler
// rejects.
func (c *checker) vars(n *node, key string) []Var {
	if n.kind != kTable {
		c.errorf(n.line, key, c.example(fmt.Sprintf(`[%s] with one NAME = "value" per line`, key)), "%s must be %s (got %s)", key, c.aTable(), c.describe(n))
		return nil
	}
	out := make([]Var, 0, len(n.keys))
	for _, name := range n.keys {
		v := n.fields[name]
		vk := keyPath(key, name)
		if d := findDate(v, vk); d != nil {
			hint := fmt.Sprintf("quote it: %q", d.node.raw)
			if d.node == v {
				hint = fmt.Sprintf("quote it: %s = %q", name, d.node.raw)
			}
			c.errorf(d.line, d.key, hint, "%s is a TOML date, which is not supported; use a string", d.key)
			continue
		}
		out = append(out, Var{Name: name, Value: v.value(), Line: v.line})
	}
	return out
}

type foundDate struct {
	node *node
	key  string
	line int
}

// findDate returns the first TOML date inside n, if any.
func findDate(n *node, key string) *foundDate {
	switch n.kind {
	case kDate:
		return &foundDate{n, key, n.line}
	case kTable:
		for _, k := range n.keys {
			if d := findDate(n.fields[k], keyPath(key, k)); d != nil {
				return d
			}
		}
	case kArray:
		for i, it := range n.items {
			if d := findDate(it, indexPath(key, i)); d != nil {
				return d
			}
		}
	}
	return nil
}

// kvNamespaces checks kv_namespaces: an array of tables, each with a string
// binding and optional non-empty string id and preview_id. It also returns
// the line of each entry's binding, for duplicate reports.
func (c *checker) kvNamespaces(n *node, key string) ([]KVNamespace, []int) {
	if n.kind != kArray {
		hint := ""
		if c.toml && n.kind == kTable {
			hint = fmt.Sprintf("write [[%s]] (double brackets) once per namespace", key)
		}
		c.errorf(n.line, key, hint, "%s must be an %s (got %s)", key, c.arrayOfTables(), c.describe(n))
		return nil, nil
	}
	var out []KVNamespace
	var lines []int
	for i, it := range n.items {
		ik := indexPath(key, i)
		if it.kind != kTable {
			c.errorf(it.line, ik, "", "%s must be %s with a \"binding\" (got %s)", ik, c.aTable(), c.describe(it))
			continue
		}
		c.unknownKeys(it, ik, kvKeys)
		ns := KVNamespace{Line: it.line}
		line := it.line
		if b := it.field("binding"); b == nil {
			c.errorf(it.line, keyPath(ik, "binding"), "", "%s.binding is required", ik)
		} else {
			ns.Binding, _ = c.str(b, keyPath(ik, "binding"), true)
			line = b.line
		}
		for _, f := range []struct {
			name string
			dst  *string
		}{{"id", &ns.ID}, {"preview_id", &ns.PreviewID}} {
			v := it.field(f.name)
			if v == nil {
				continue
			}
			fk := keyPath(ik, f.name)
			if v.kind == kString && v.str == "" {
				c.errorf(v.line, fk, "remove it to use the binding name as the local namespace id", "%s must not be empty", fk)
				continue
			}
			*f.dst, _ = c.str(v, fk, true)
		}
		out = append(out, ns)
		lines = append(lines, line)
	}
	return out, lines
}

// d1Databases checks d1_databases: an array of tables, each with a string
// binding and optional non-empty strings for the rest. migrations_dir stays
// as written; Load resolves it against the config's directory. It also
// returns the line of each entry's binding, for duplicate reports.
func (c *checker) d1Databases(n *node, key string) ([]D1Database, []int) {
	if n.kind != kArray {
		hint := ""
		if c.toml && n.kind == kTable {
			hint = fmt.Sprintf("write [[%s]] (double brackets) once per database", key)
		}
		c.errorf(n.line, key, hint, "%s must be an %s (got %s)", key, c.arrayOfTables(), c.describe(n))
		return nil, nil
	}
	var out []D1Database
	var lines []int
	for i, it := range n.items {
		ik := indexPath(key, i)
		if it.kind != kTable {
			c.errorf(it.line, ik, "", "%s must be %s with a \"binding\" (got %s)", ik, c.aTable(), c.describe(it))
			continue
		}
		c.unknownKeys(it, ik, d1Keys)
		db := D1Database{Line: it.line}
		line := it.line
		if b := it.field("binding"); b == nil {
			c.errorf(it.line, keyPath(ik, "binding"), "", "%s.binding is required", ik)
		} else {
			db.Binding, _ = c.str(b, keyPath(ik, "binding"), true)
			line = b.line
		}
		for _, f := range []struct {
			name string
			dst  *string
		}{{"database_name", &db.DatabaseName}, {"database_id", &db.DatabaseID}, {"preview_database_id", &db.PreviewDatabaseID},
			{"migrations_dir", &db.MigrationsDir}, {"migrations_table", &db.MigrationsTable}} {
			v := it.field(f.name)
			if v == nil {
				continue
			}
			fk := keyPath(ik, f.name)
			if v.kind == kString && v.str == "" {
				c.errorf(v.line, fk, "remove it to use the default", "%s must not be empty", fk)
				continue
			}
			*f.dst, _ = c.str(v, fk, true)
		}
		out = append(out, db)
		lines = append(lines, line)
	}
	return out, lines
}

// triggers checks [triggers]: crons must be an array of strings.
func (c *checker) triggers(n *node, key string) Triggers {
	var t Triggers
	if n.kind != kTable {
		c.errorf(n.line, key, c.example(fmt.Sprintf(`[%s] with crons = ["*/5 * * * *"]`, key)), "%s must be %s (got %s)", key, c.aTable(), c.describe(n))
		return t
	}
	c.unknownKeys(n, key, triggersKeys)
	if cr := n.field("crons"); cr != nil {
		t.Crons = c.strings(cr, keyPath(key, "crons"), `crons = ["*/5 * * * *"]`)
	}
	return t
}

// limits checks [limits]: cpu_ms is a whole number of milliseconds within
// the platform's range.
func (c *checker) limits(n *node, key string) Limits {
	var l Limits
	if n.kind != kTable {
		c.errorf(n.line, key, c.example(fmt.Sprintf(`[%s] with cpu_ms = 50`, key)), "%s must be %s (got %s)", key, c.aTable(), c.describe(n))
		return l
	}
	c.unknownKeys(n, key, limitsKeys)
	if v := n.field("cpu_ms"); v != nil {
		ck := keyPath(key, "cpu_ms")
		if v.kind != kInt || v.i < 1 || v.i > MaxCPUMs {
			c.errorf(v.line, ck, "", "%s must be a whole number of milliseconds from 1 to %d (got %s)", ck, MaxCPUMs, c.describe(v))
		} else {
			l.CPUMs = int(v.i)
		}
	}
	return l
}

// dev checks the top-level [dev] table.
func (c *checker) dev(n *node) Dev {
	var d Dev
	if n == nil {
		return d
	}
	if n.kind != kTable {
		c.errorf(n.line, "dev", c.example(`[dev] with ip = "127.0.0.1" and port = 8787`), "dev must be %s (got %s)", c.aTable(), c.describe(n))
		return d
	}
	c.unknownKeys(n, "dev", devKeys)
	if v := n.field("ip"); v != nil {
		d.IP, _ = c.str(v, "dev.ip", true)
	}
	if v := n.field("port"); v != nil {
		if v.kind != kInt || v.i < 1 || v.i > 65535 {
			c.errorf(v.line, "dev.port", "", "dev.port must be a whole number from 1 to 65535 (got %s)", c.describe(v))
		} else {
			d.Port = int(v.i)
		}
	}
	return d
}

// describe renders a value for a "(got ...)" clause.
func (c *checker) describe(n *node) string {
	switch n.kind {
	case kString:
		s := n.str
		if len(s) > 60 {
			s = s[:57] + "..."
		}
		return strconv.Quote(s)
	case kInt:
		return strconv.FormatInt(n.i, 10)
	case kFloat:
		return strconv.FormatFloat(n.f, 'g', -1, 64)
	case kBool:
		return strconv.FormatBool(n.b)
	case kDate:
		return "the TOML date " + n.raw
	case kNull:
		return "null"
	case kTable:
		return c.aTable()
	default:
		return "an array"
	}
}

func (c *checker) arrayOfTables() string {
	if c.toml {
		return "array of tables"
	}
	return "array of objects"
}

// aTable is tableWord with its article.
func (c *checker) aTable() string {
	if c.toml {
		return "a table"
	}
	return "an object"
}

// example turns a TOML-flavoured example into a hint for TOML files only;
// JSON users get no hint rather than one in the wrong syntax.
func (c *checker) example(toml string) string {
	if !c.toml {
		return ""
	}
	return "write " + toml
}
