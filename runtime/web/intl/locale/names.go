package locale

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:embed names_gen.bin
var namesBin []byte

// nameData is one locale's own display names and list patterns (what
// differs from its parent), "category\x1fkey" to value.
type nameData map[string]string

var (
	namesMu    sync.Mutex
	namesCache = map[string]nameData{}
	namesIdx   = &table{src: namesIndex}
)

// ownNames decompresses l's part of names_gen.bin, once per process.
func ownNames(l string) nameData {
	namesMu.Lock()
	defer namesMu.Unlock()
	if d, ok := namesCache[l]; ok {
		return d
	}
	v, ok := namesIdx.lookup(l)
	if !ok {
		namesCache[l] = nil
		return nil
	}
	offS, lenS, _ := strings.Cut(v, " ")
	off, _ := strconv.Atoi(offS)
	n, _ := strconv.Atoi(lenS)
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(namesBin[off : off+n])))
	if err != nil {
		panic("locale: names_gen.bin is corrupt: " + err.Error())
	}
	d := nameData{}
	for _, line := range strings.Split(string(raw), "\n") {
		c, rest, _ := strings.Cut(line, "\x1f")
		k, val, _ := strings.Cut(rest, "\x1f")
		d[c+"\x1f"+k] = val
	}
	namesCache[l] = d
	return d
}

// Name looks up a CLDR display name or pattern for the available locale
// l, walking its parent chain: category is one of l (languages), r
// (regions), s (scripts), v (variants), c (currencies), k (calendars, by
// CLDR type name), f (date fields), p (locale display patterns), L (list
// patterns, "standard-short|end"). A key with "@short" appended asks for
// CLDR's -alt-short form.
func Name(l, category, key string) (string, bool) {
	k := category + "\x1f" + key
	for p := l; p != ""; p = Parent(p) {
		if v, ok := ownNames(p)[k]; ok {
			return v, true
		}
	}
	return "", false
}
