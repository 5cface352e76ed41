package config

import (
	"sort"
	"strconv"
	"time"
)

// node is one parsed value, whichever format it came from, with the line of
// the key (or array element) that holds it. TOML and JSON both decode into
// nodes so that validation is written once.
type node struct {
	kind kind
	line int // 1-based line of the key or element; 0 when unknown

	str  string    // kString
	i    int64     // kInt
	f    float64   // kFloat
	b    bool      // kBool
	date time.Time // kDate
	raw  string    // kDate: the literal as written, e.g. 2024-09-23

	keys   []string // kTable: keys in file order
	fields map[string]*node
	items  []*node // kArray
}

type kind int

const (
	kString kind = iota
	kInt
	kFloat
	kBool
	kDate // TOML date/time literal; JSON has none
	kTable
	kArray
	kNull // JSON null; TOML has none
)

// field returns t's child named key, or nil (also when t is not a table).
func (n *node) field(key string) *node {
	if n == nil || n.kind != kTable {
		return nil
	}
	return n.fields[key]
}

// set adds or replaces a table entry; a replaced key keeps its first position.
func (n *node) set(key string, v *node) {
	if n.fields == nil {
		n.fields = map[string]*node{}
	}
	if _, ok := n.fields[key]; !ok {
		n.keys = append(n.keys, key)
	}
	n.fields[key] = v
}

// value converts n to the Go value a Var carries: string, int64, float64,
// bool, map[string]any or []any. Dates become their literal text (validation
// rejects them where wrangler does).
func (n *node) value() any {
	switch n.kind {
	case kString:
		return n.str
	case kInt:
		return n.i
	case kFloat:
		return n.f
	case kBool:
		return n.b
	case kDate:
		return n.raw
	case kNull:
		return nil
	case kTable:
		m := make(map[string]any, len(n.keys))
		for _, k := range n.keys {
			m[k] = n.fields[k].value()
		}
		return m
	default:
		a := make([]any, len(n.items))
		for i, it := range n.items {
			a[i] = it.value()
		}
		return a
	}
}

// isBareKey reports whether key can be written unquoted: [A-Za-z0-9_-]+.
func isBareKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		if !isBareKeyByte(key[i]) {
			return false
		}
	}
	return true
}

// keyPath appends key to a dotted path the way diagnostics show it:
// vars.API_URL, env.staging.vars, vars."my key".
func keyPath(parent, key string) string {
	k := key
	if !isBareKey(key) {
		k = strconv.Quote(key)
	}
	if parent == "" {
		return k
	}
	return parent + "." + k
}

// indexPath appends an array index: kv_namespaces[1].
func indexPath(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

// sortedKeys returns m's keys sorted, for values the scanner did not order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
