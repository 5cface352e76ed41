package config

// Declared is one binding a config declares in a table that edgedev reads
// only for its names: a kind it does not run yet (see bindings/builtin's
// notEmulated). The worker gets a stub under that name, so nothing has to
// guess why env.DB is undefined.
type Declared struct {
	// Name is the env name (the entry's "binding", or "name" where the
	// table uses that); for queues.consumers, the queue consumed.
	Name string
	// Line is the 1-based line of the entry.
	Line int
}

// declaredSkip are non-inheritable tables that bind nothing by name, or
// that edgedev reads itself.
var declaredSkip = set("vars", "kv_namespaces", "define", "secrets", "tail_consumers",
	"streaming_tail_consumers", "cloudchamber", "containers", "unsafe_hello_world")

// declared collects the binding names of every binding table of one
// section, keyed by table ("queues" splits into "queues.producers" and
// "queues.consumers"). Only names are read: a table of an unexpected shape
// gives no names and no error, since edgedev does not run it.
func declared(t *node) map[string][]Declared {
	var out map[string][]Declared
	add := func(key string, d Declared) {
		if out == nil {
			out = map[string][]Declared{}
		}
		out[key] = append(out[key], d)
	}
	nameOf := func(n *node, keys ...string) (Declared, bool) {
		if n == nil || n.kind != kTable {
			return Declared{}, false
		}
		for _, k := range keys {
			if v := n.field(k); v != nil && v.kind == kString && v.str != "" {
				return Declared{Name: v.str, Line: n.line}, true
			}
		}
		return Declared{}, false
	}
	for _, key := range t.keys {
		if !nonInheritableKeys[key] || declaredSkip[key] {
			continue
		}
		n := t.fields[key]
		switch {
		case key == "queues":
			for _, side := range []struct{ field, name string }{{"producers", "binding"}, {"consumers", "queue"}} {
				if arr := n.field(side.field); arr != nil && arr.kind == kArray {
					for _, it := range arr.items {
						if d, ok := nameOf(it, side.name); ok {
							add("queues."+side.field, d)
						}
					}
				}
			}
		case n.kind == kArray:
			for _, it := range n.items {
				if d, ok := nameOf(it, "binding", "name"); ok {
					add(key, d)
				}
			}
		case n.kind == kTable:
			if bs := n.field("bindings"); bs != nil && bs.kind == kArray {
				for _, it := range bs.items {
					if d, ok := nameOf(it, "name", "binding"); ok {
						add(key, d)
					}
				}
			} else if d, ok := nameOf(n, "binding"); ok {
				add(key, d)
			}
		}
	}
	return out
}
