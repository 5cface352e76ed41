package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"edgedev/bindings/kv"
)

// The bulk commands read wrangler's JSON files (reference section 4.1):
// `bulk put` an array of {key, value, expiration?, expiration_ttl?,
// metadata?, base64?}; `bulk get` and `bulk delete` an array of key strings
// or {name} objects. Like wrangler, a file is checked item by item before
// anything is written, and bad items are listed by index.

// maxListed is how many bad items, or warnings, a bulk command lists before
// it writes "...": wrangler's BATCH_MAX_ERRORS_WARNINGS.
const maxListed = 12

// bulkItemShape is wrangler's description of a bulk put item, printed when
// items do not match it.
const bulkItemShape = `Each item in the array should be an object that matches:

interface KeyValue {
  key: string;
  value: string;
  expiration?: number;
  expiration_ttl?: number;
  metadata?: object;
  base64?: boolean;
}
`

// capped collects at most maxListed lines, then "...".
type capped []string

func (c *capped) add(format string, args ...any) {
	switch {
	case len(*c) < maxListed:
		*c = append(*c, fmt.Sprintf(format, args...))
	case len(*c) == maxListed:
		*c = append(*c, "...")
	}
}

func kvBulkPut(st *state, c *kvCall) error {
	defaults, _, err := c.putOptions()
	if err != nil {
		return err
	}
	p, err := c.project(st)
	if err != nil {
		return err
	}
	ns, _, err := p.namespace(st, c)
	if err != nil {
		return err
	}
	name := c.pos[0]
	items, err := readJSONArray(st, name, "Expected an array of key-value objects but got type \"%[1]s\".")
	if err != nil {
		return err
	}
	var problems, warnings capped
	writes := make([]kv.Write, 0, len(items))
	for i, raw := range items {
		w, unexpected, problem := parseBulkPutItem(raw, defaults)
		if problem != "" {
			problems.add("The item at index %d %s", i, problem)
			continue
		}
		if len(unexpected) > 0 {
			props, _ := json.Marshal(unexpected)
			warnings.add("The item at index %d contains unexpected properties: %s.", i, props)
		}
		writes = append(writes, w)
	}
	if len(warnings) > 0 {
		fmt.Fprintf(st.stderr, "warning: Unexpected key-value properties in %q.\n%s\n", name, strings.Join(warnings, "\n"))
	}
	if len(problems) > 0 {
		return fmt.Errorf("Unexpected JSON input from %q.\n%s\n%s", name, bulkItemShape, strings.Join(problems, "\n"))
	}
	b, done, err := openKV(st.ctx, p.store)
	if err != nil {
		return err
	}
	defer done()
	if err := b.PutBulk(st.ctx, ns, writes); err != nil {
		return bulkError(err, name, "breaks KV's rules", "break KV's rules", "written")
	}
	fmt.Fprintln(st.stdout, "Success!")
	return nil
}

// bulkPutKeys are the properties of a bulk put item.
var bulkPutKeys = map[string]bool{"key": true, "value": true, "expiration": true, "expiration_ttl": true, "metadata": true, "base64": true}

// parseBulkPutItem checks one item as wrangler's isKVKeyValue does (JS
// typeof of each property) and turns it into a write. problem completes
// "The item at index N ..." when the item is unusable.
func parseBulkPutItem(raw json.RawMessage, defaults kv.PutOptions) (w kv.Write, unexpected []string, problem string) {
	keys, fields, ok := objectFields(raw)
	shapeErr := "is " + compactJSON(raw)
	if !ok {
		return w, nil, shapeErr
	}
	for _, k := range keys {
		if !bulkPutKeys[k] {
			unexpected = append(unexpected, k)
		}
	}
	typ := func(k string) string {
		v, ok := fields[k]
		if !ok {
			return "undefined"
		}
		return jsTypeOf(v)
	}
	if typ("key") != "string" || typ("value") != "string" ||
		!(typ("expiration") == "undefined" || typ("expiration") == "number") ||
		!(typ("expiration_ttl") == "undefined" || typ("expiration_ttl") == "number") ||
		!(typ("base64") == "undefined" || typ("base64") == "boolean") ||
		!(typ("metadata") == "undefined" || typ("metadata") == "object") {
		return w, unexpected, shapeErr
	}
	var value string
	_ = json.Unmarshal(fields["key"], &w.Key)
	_ = json.Unmarshal(fields["value"], &value)
	w.Value = []byte(value)
	var isBase64 bool
	if v, ok := fields["base64"]; ok {
		_ = json.Unmarshal(v, &isBase64)
	}
	if isBase64 {
		dec, ok := decodeBase64(value)
		if !ok {
			return w, unexpected, `has "base64": true, but its value is not base64`
		}
		w.Value = dec
	}
	w.Options = defaults
	for _, f := range []struct {
		name string
		dst  **int64
	}{{"expiration", &w.Options.Expiration}, {"expiration_ttl", &w.Options.ExpirationTTL}} {
		v, ok := fields[f.name]
		if !ok {
			continue
		}
		n, ok := wholeNumber(v)
		if !ok {
			return w, unexpected, fmt.Sprintf("has %q: %s, which is not a whole number of seconds", f.name, v)
		}
		*f.dst = &n
	}
	if v, ok := fields["metadata"]; ok {
		w.Options.Metadata = nil
		if string(v) != "null" {
			w.Options.Metadata = json.RawMessage(compactJSON(v))
		}
	}
	return w, unexpected, ""
}

// wholeNumber reads a JSON number that must be an integer (1e3 is).
func wholeNumber(v json.RawMessage) (int64, bool) {
	var f float64
	if err := json.Unmarshal(v, &f); err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// decodeBase64 accepts standard and URL-safe base64, padded or not, as
// Node's Buffer.from(s, "base64") does.
func decodeBase64(s string) ([]byte, bool) {
	s = strings.Join(strings.Fields(s), "")
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, true
		}
	}
	return nil, false
}

func kvBulkGet(st *state, c *kvCall) error {
	p, err := c.project(st)
	if err != nil {
		return err
	}
	ns, _, err := p.namespace(st, c)
	if err != nil {
		return err
	}
	keys, err := readKeyList(st, c.pos[0])
	if err != nil {
		return err
	}
	b, done, err := openKV(st.ctx, p.store)
	if err != nil {
		return err
	}
	defer done()
	// A JS object: a repeated key keeps its first place and its last value
	// (which, read once, is the same).
	var order []string
	values := map[string]*string{}
	for start := 0; start < len(keys); start += kv.MaxBulkGetKeys {
		chunk := keys[start:min(start+kv.MaxBulkGetKeys, len(keys))]
		es, err := b.GetBulk(st.ctx, ns, chunk, kv.BulkGetOptions{Type: "text"})
		if err != nil {
			return err
		}
		for i, k := range chunk {
			if _, seen := values[k]; !seen {
				order = append(order, k)
			}
			values[k] = nil
			if es[i] != nil {
				s := decodeText(es[i].Value)
				values[k] = &s
			}
		}
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range order {
		if i > 0 {
			buf.WriteByte(',')
		}
		v := "null"
		if values[k] != nil {
			v = jsonString(*values[k])
		}
		fmt.Fprintf(&buf, "%s:{\"value\":%s}", jsonString(k), v)
	}
	buf.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return err
	}
	fmt.Fprintf(st.stdout, "%s\n\nSuccess!\n", out.Bytes())
	return nil
}

func kvBulkDelete(st *state, c *kvCall) error {
	p, err := c.project(st)
	if err != nil {
		return err
	}
	ns, _, err := p.namespace(st, c)
	if err != nil {
		return err
	}
	name := c.pos[0]
	if !c.force && !confirm(st, fmt.Sprintf("Are you sure you want to delete all the keys read from %q from kv-namespace with id %q?", name, ns), "--force") {
		fmt.Fprintf(st.stdout, "Not deleting keys read from %q.\n", name)
		return nil
	}
	keys, err := readKeyList(st, name)
	if err != nil {
		return err
	}
	b, done, err := openKV(st.ctx, p.store)
	if err != nil {
		return err
	}
	defer done()
	if err := b.DeleteBulk(st.ctx, ns, keys); err != nil {
		return bulkError(err, name, "is not a valid key", "are not valid keys", "deleted")
	}
	fmt.Fprintln(st.stdout, "Success!")
	return nil
}

// readKeyList reads the key file of bulk get and bulk delete: an array of
// key strings or {name} objects.
func readKeyList(st *state, name string) ([]string, error) {
	items, err := readJSONArray(st, name, "Expected an array of strings but got:\n%[2]s")
	if err != nil {
		return nil, err
	}
	var problems capped
	keys := make([]string, 0, len(items))
	for i, raw := range items {
		var key string
		if jsTypeOf(raw) == "string" {
			_ = json.Unmarshal(raw, &key)
		} else if _, fields, ok := objectFields(raw); ok && jsTypeOf(fields["name"]) == "string" {
			_ = json.Unmarshal(fields["name"], &key)
		} else {
			problems.add("The item at index %d is type: %q - %s", i, jsTypeOf(raw), compactJSON(raw))
			continue
		}
		keys = append(keys, key)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("Unexpected JSON input from %q.\nExpected an array of strings or objects with a \"name\" key.\n%s", name, strings.Join(problems, "\n"))
	}
	return keys, nil
}

// readJSONArray reads a JSON file whose top level must be an array. notArray
// is the message after `Unexpected JSON input from "<file>".` when it is not;
// %[1]s is the JS typeof of what it is, %[2]s how JS would print it in a
// template string.
func readJSONArray(st *state, name, notArray string) ([]json.RawMessage, error) {
	b, err := readInput(st, name)
	if err != nil {
		return nil, err
	}
	var top json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := position(b, int(se.Offset)-1) // Offset counts the bad byte
			return nil, fmt.Errorf("%s is not valid JSON: line %d, column %d: %v", name, line, col, se)
		}
		return nil, fmt.Errorf("%s is not valid JSON: %v", name, err)
	}
	if top[0] != '[' {
		return nil, fmt.Errorf("Unexpected JSON input from %q.\n%s", name, fmt.Sprintf(notArray, jsTypeOf(top), jsTemplate(top)))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(top, &items); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return items, nil
}

// position turns a byte offset into a 1-based line and column.
func position(b []byte, off int) (line, col int) {
	off = min(max(off, 0), len(b))
	before := b[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = off - bytes.LastIndexByte(before, '\n')
	return line, col
}

// bulkError lists the items a bulk write refused, by index, at most
// maxListed of them. one and many say what is wrong with them.
func bulkError(err error, file, one, many, verb string) error {
	var be *kv.BulkError
	if !errors.As(err, &be) {
		return err
	}
	var sb strings.Builder
	n := len(be.Items)
	if n == 1 {
		fmt.Fprintf(&sb, "1 item in %q %s, so nothing was %s:", file, one, verb)
	} else {
		fmt.Fprintf(&sb, "%d items in %q %s, so nothing was %s:", n, file, many, verb)
	}
	for i, it := range be.Items {
		if i == maxListed {
			fmt.Fprintf(&sb, "\n  ... and %d more", n-maxListed)
			break
		}
		fmt.Fprintf(&sb, "\n  item %d (key %s): %s", it.Index, jsonString(it.Key), it.Err)
	}
	return errors.New(sb.String())
}

// objectFields decodes a JSON object, keeping its keys in order. ok is false
// for anything but an object.
func objectFields(raw json.RawMessage) (keys []string, fields map[string]json.RawMessage, ok bool) {
	if jsTypeOf(raw) != "object" || raw[0] != '{' {
		return nil, nil, false
	}
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	_, _ = dec.Token() // {
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		k, _ := t.(string)
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			break
		}
	}
	return keys, fields, true
}

// jsTypeOf is JavaScript's typeof for a JSON value.
func jsTypeOf(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "undefined"
	}
	switch raw[0] {
	case '{', '[', 'n':
		return "object"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	}
	return "number"
}

// jsTemplate is how a JSON value prints inside a JS template string.
func jsTemplate(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "[object Object]"
	case '"':
		var s string
		_ = json.Unmarshal(raw, &s)
		return s
	}
	return string(raw)
}

// compactJSON is JSON.stringify of a parsed JSON value, near enough: the
// text without insignificant space.
func compactJSON(raw json.RawMessage) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return string(raw)
	}
	return buf.String()
}
