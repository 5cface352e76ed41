package config

import "fmt"

// DurableObjectBinding is one [[durable_objects.bindings]] entry.
type DurableObjectBinding struct {
	// Name is the env name (key "name"; required).
	Name string
	// ClassName is the exported class (key "class_name"; required).
	ClassName string
	// ScriptName is the worker that defines the class (key "script_name";
	// optional, default: this worker).
	ScriptName string
	// Line is the line of the entry.
	Line int
}

// Migration is one [[migrations]] entry.
type Migration struct {
	Tag              string
	NewClasses       []string
	NewSQLiteClasses []string
	RenamedClasses   []RenamedClass
	DeletedClasses   []string
	Line             int
}

// RenamedClass is one entry of a migration's renamed_classes.
type RenamedClass struct{ From, To string }

var (
	durableObjectsKeys = set("bindings")
	doBindingKeys      = set("name", "class_name", "script_name", "environment")
	migrationKeys      = set("tag", "new_classes", "new_sqlite_classes", "renamed_classes", "deleted_classes", "transferred_classes")
)

// durableObjects checks durable_objects: a table whose bindings is an
// array of tables, each with a string name and class_name.
func (c *checker) durableObjects(n *node, key string) ([]DurableObjectBinding, []int) {
	if n.kind != kTable {
		c.errorf(n.line, key, "write [[durable_objects.bindings]] once per binding", "%s must be %s (got %s)", key, c.aTable(), c.describe(n))
		return nil, nil
	}
	c.unknownKeys(n, key, durableObjectsKeys)
	b := n.field("bindings")
	if b == nil {
		return nil, nil
	}
	bk := keyPath(key, "bindings")
	if b.kind != kArray {
		c.errorf(b.line, bk, "write [[durable_objects.bindings]] (double brackets) once per binding", "%s must be an %s (got %s)", bk, c.arrayOfTables(), c.describe(b))
		return nil, nil
	}
	var out []DurableObjectBinding
	var lines []int
	for i, it := range b.items {
		ik := indexPath(bk, i)
		if it.kind != kTable {
			c.errorf(it.line, ik, "", "%s must be %s with a \"name\" and a \"class_name\" (got %s)", ik, c.aTable(), c.describe(it))
			continue
		}
		c.unknownKeys(it, ik, doBindingKeys)
		d := DurableObjectBinding{Line: it.line}
		line := it.line
		for _, f := range []struct {
			name     string
			dst      *string
			required bool
		}{{"name", &d.Name, true}, {"class_name", &d.ClassName, true}, {"script_name", &d.ScriptName, false}} {
			v := it.field(f.name)
			fk := keyPath(ik, f.name)
			if v == nil {
				if f.required {
					c.errorf(it.line, fk, "", "%s is required", fk)
				}
				continue
			}
			*f.dst, _ = c.str(v, fk, true)
			if f.name == "name" {
				line = v.line
			}
		}
		out = append(out, d)
		lines = append(lines, line)
	}
	return out, lines
}

// migrations checks [[migrations]].
func (c *checker) migrations(n *node) []Migration {
	key := "migrations"
	if n.kind != kArray {
		c.errorf(n.line, key, "write [[migrations]] (double brackets) once per migration", "%s must be an %s (got %s)", key, c.arrayOfTables(), c.describe(n))
		return nil
	}
	var out []Migration
	for i, it := range n.items {
		ik := indexPath(key, i)
		if it.kind != kTable {
			c.errorf(it.line, ik, "", "%s must be %s with a \"tag\" (got %s)", ik, c.aTable(), c.describe(it))
			continue
		}
		c.unknownKeys(it, ik, migrationKeys)
		m := Migration{Line: it.line}
		if v := it.field("tag"); v != nil {
			m.Tag, _ = c.str(v, keyPath(ik, "tag"), true)
		}
		for _, f := range []struct {
			name string
			dst  *[]string
		}{{"new_classes", &m.NewClasses}, {"new_sqlite_classes", &m.NewSQLiteClasses}, {"deleted_classes", &m.DeletedClasses}} {
			if v := it.field(f.name); v != nil {
				*f.dst = c.strings(v, keyPath(ik, f.name), fmt.Sprintf(`%s = ["MyDurableObject"]`, f.name))
			}
		}
		if v := it.field("renamed_classes"); v != nil {
			rk := keyPath(ik, "renamed_classes")
			if v.kind != kArray {
				c.errorf(v.line, rk, `renamed_classes = [{ from = "Old", to = "New" }]`, "%s must be an array of { from, to } tables (got %s)", rk, c.describe(v))
			} else {
				for j, r := range v.items {
					ek := indexPath(rk, j)
					if r.kind != kTable || r.field("from") == nil || r.field("to") == nil {
						c.errorf(r.line, ek, `{ from = "Old", to = "New" }`, "%s must be a table with \"from\" and \"to\" (got %s)", ek, c.describe(r))
						continue
					}
					from, _ := c.str(r.field("from"), keyPath(ek, "from"), true)
					to, _ := c.str(r.field("to"), keyPath(ek, "to"), true)
					m.RenamedClasses = append(m.RenamedClasses, RenamedClass{From: from, To: to})
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// DurableClasses folds the migrations in order, as wrangler does, into
// the classes that exist and whether each is SQLite-backed (true) or
// KV-backed (false). The error is wrangler's.
func DurableClasses(ms []Migration) (map[string]bool, error) {
	classes := map[string]bool{}
	for _, m := range ms {
		for _, step := range []struct {
			names  []string
			sqlite bool
			field  string
		}{{m.NewClasses, false, "new_classes"}, {m.NewSQLiteClasses, true, "new_sqlite_classes"}} {
			for _, n := range step.names {
				if _, ok := classes[n]; ok {
					return nil, fmt.Errorf("Cannot apply %s migration to existing class %s (migration %q, line %d)", step.field, n, m.Tag, m.Line)
				}
				classes[n] = step.sqlite
			}
		}
		for _, r := range m.RenamedClasses {
			sq, ok := classes[r.From]
			if !ok {
				return nil, fmt.Errorf("Cannot apply renamed_classes migration to non-existent class %s (migration %q, line %d)", r.From, m.Tag, m.Line)
			}
			if _, ok := classes[r.To]; ok {
				return nil, fmt.Errorf("Cannot apply renamed_classes migration to existing class %s (migration %q, line %d)", r.To, m.Tag, m.Line)
			}
			delete(classes, r.From)
			classes[r.To] = sq
		}
		for _, n := range m.DeletedClasses {
			if _, ok := classes[n]; !ok {
				return nil, fmt.Errorf("Cannot apply deleted_classes migration to non-existent class %s (migration %q, line %d)", n, m.Tag, m.Line)
			}
			delete(classes, n)
		}
	}
	return classes, nil
}
