// Package cldr holds the CLDR 47 data Intl formats with: one record per
// locale CLDR rates modern (and each ancestor), stored as the keys that
// differ from the parent locale, compressed per language family in
// locales.bin, and decoded on first use of a locale; plus the supplemental
// tables (plural rules, hour cycles, numbering systems, currency digits,
// metazones, likely subtags) in tables_gen.go. It has no goja and no I/O.
package cldr

//go:generate sh -c "NODE_PATH=${CLDR_NODE_MODULES:-/tmp/cldrgen/node_modules} node gen/gen.js && gofmt -w tables_gen.go"

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed locales.bin
var blob string

type family struct {
	name          string
	off, len, raw int
}

type record struct {
	name                string
	parent, fam, off, n int
}

// Locale is one resolved CLDR locale: a value for every key of Keys its
// data (or an ancestor's) has.
type Locale struct {
	Name   string
	Parent *Locale
	vals   []string
}

var (
	keyOnce  sync.Once
	keyIndex map[string]int
	byName   map[string]int

	mu       sync.Mutex
	loaded   = map[int]*Locale{}
	famBytes = map[int][]byte{}

	childMu  sync.Mutex
	children = map[string][]childKey{}
)

type childKey struct {
	name string
	key  int
}

func initIndex() {
	keyOnce.Do(func() {
		keyIndex = make(map[string]int, len(Keys))
		for i, k := range Keys {
			keyIndex[k] = i
		}
		byName = make(map[string]int, len(records))
		for i, r := range records {
			byName[r.name] = i
		}
	})
}

// Has reports whether CLDR has a record named tag (e.g. "de-CH", "und").
func Has(tag string) bool {
	initIndex()
	_, ok := byName[tag]
	return ok
}

// Get returns the locale named exactly tag, or nil.
func Get(tag string) *Locale {
	initIndex()
	i, ok := byName[tag]
	if !ok {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	return load(i)
}

// Best returns the nearest locale to tag that has data, by CLDR's
// inheritance: the tag itself, then with its last subtag dropped, and so
// on, down to the root ("und"). Only the base name is looked at.
func Best(tag string) *Locale {
	initIndex()
	for t := tag; t != ""; {
		if l := Get(t); l != nil {
			return l
		}
		i := strings.LastIndexByte(t, '-')
		if i < 0 {
			break
		}
		t = t[:i]
	}
	return Get("und")
}

// load resolves record i; mu is held.
func load(i int) *Locale {
	if l := loaded[i]; l != nil {
		return l
	}
	r := records[i]
	l := &Locale{Name: r.name}
	if r.parent >= 0 {
		l.Parent = load(r.parent)
		l.vals = append([]string(nil), l.Parent.vals...)
	} else {
		l.vals = make([]string, len(Keys))
	}
	raw := famBytes[r.fam]
	if raw == nil {
		f := families[r.fam]
		zr := flate.NewReader(strings.NewReader(blob[f.off : f.off+f.len]))
		raw = make([]byte, f.raw)
		if _, err := io.ReadFull(zr, raw); err != nil {
			panic("cldr: locales.bin is corrupt (regenerate it with go generate): " + err.Error())
		}
		famBytes[r.fam] = raw
	}
	rd := bytes.NewReader(raw[r.off : r.off+r.n])
	n, _ := binary.ReadUvarint(rd)
	key := 0
	// Strings are made in one allocation per record.
	for ; n > 0; n-- {
		d, _ := binary.ReadUvarint(rd)
		key += int(d)
		ln, _ := binary.ReadUvarint(rd)
		b := make([]byte, ln)
		rd.Read(b)
		v := string(b)
		if v == "∅∅∅" {
			v = ""
		}
		l.vals[key] = v
	}
	loaded[i] = l
	return l
}

// Get returns the value at key path k, or "" if the locale has none.
func (l *Locale) Get(k string) string {
	i, ok := keyIndex[k]
	if !ok {
		return ""
	}
	return l.vals[i]
}

// Children returns the names under prefix (which ends in "/") for which the
// locale has a value, as name → value; a name may contain "/".
func (l *Locale) Children(prefix string) map[string]string {
	childMu.Lock()
	ks, ok := children[prefix]
	if !ok {
		for i, k := range Keys {
			if strings.HasPrefix(k, prefix) {
				ks = append(ks, childKey{k[len(prefix):], i})
			}
		}
		sort.Slice(ks, func(a, b int) bool { return ks[a].name < ks[b].name })
		children[prefix] = ks
	}
	childMu.Unlock()
	m := make(map[string]string)
	for _, c := range ks {
		if v := l.vals[c.key]; v != "" {
			m[c.name] = v
		}
	}
	return m
}

// CardinalRules and OrdinalRules return the plural rules of a language as
// count, condition pairs ("other" last, with an empty condition).
func CardinalRules(lang string) []string { return cardinalRules[lang] }
func OrdinalRules(lang string) []string  { return ordinalRules[lang] }

// PluralRange returns the category of a range from start to end.
func PluralRange(lang, start, end string) string {
	if m := pluralRanges[lang]; m != nil {
		if r, ok := m[start+" "+end]; ok {
			return r
		}
	}
	return end
}

// TimeData returns the allowed and preferred hour formats of a region
// (tried as lang_REGION first), falling back to the world's ("001").
func TimeData(lang, region string) (allowed, preferred string) {
	if v, ok := timeData[lang+"_"+region]; ok {
		return v[0], v[1]
	}
	if v, ok := timeData[region]; ok {
		return v[0], v[1]
	}
	v := timeData["001"]
	return v[0], v[1]
}

// Digits returns the ten digits of a numeric numbering system, or "".
func Digits(system string) string { return numberingSystems[system] }

// CurrencyDigits returns a currency's minor-unit digits (2 if CLDR has no entry).
func CurrencyDigits(code string) int {
	if v, ok := currencyDigits[code]; ok {
		return v[0]
	}
	return 2
}

// MetaZone returns the current metazone of an IANA zone, or "".
func MetaZone(zone string) string { return metaZones[zone] }

// GoldenZone returns the reference zone of a metazone in a territory ("001" for its own).
func GoldenZone(mz, territory string) string { return goldenZones[mz+" "+territory] }

// Likely returns the likely full tag of a language or lang-Script, or "".
func Likely(tag string) string { return likely[tag] }

type dayPeriod struct {
	Name         string
	From, Before int // minutes since midnight; equal for an "at" period
}

// DayPeriod returns the flexible day period (b/B) of a language at a
// minute of the day: an "at" period (midnight, noon) only if at is set.
func DayPeriod(lang string, minute int, at bool) string {
	rules := dayPeriodRules[lang]
	if rules == nil {
		rules = dayPeriodRules["root"]
	}
	if at {
		for _, r := range rules {
			// ICU shows noon but never midnight
			if r.From == r.Before && r.From == minute && r.Name == "noon" {
				return r.Name
			}
		}
	}
	for _, r := range rules {
		if r.From == r.Before {
			continue
		}
		if r.From < r.Before && minute >= r.From && minute < r.Before || r.From > r.Before && (minute >= r.From || minute < r.Before) {
			return r.Name
		}
	}
	if minute < 12*60 {
		return "am"
	}
	return "pm"
}

// ResetForBenchmark drops every decoded locale, so the next Get pays for a
// first use again. For benchmarks only.
func ResetForBenchmark() {
	mu.Lock()
	loaded = map[int]*Locale{}
	famBytes = map[int][]byte{}
	mu.Unlock()
}
