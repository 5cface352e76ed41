package locale

import (
	"sort"
	"strings"
	"sync"
)

// table is one generated "key\tvalue\n" constant, searched by binary
// search over line offsets built on first use.
type table struct {
	src  string
	once sync.Once
	offs []int32
}

func (t *table) lookup(key string) (string, bool) {
	t.once.Do(func() {
		t.offs = append(t.offs, 0)
		for i := 0; i < len(t.src)-1; i++ {
			if t.src[i] == '\n' {
				t.offs = append(t.offs, int32(i+1))
			}
		}
		if t.src == "" {
			t.offs = nil
		}
	})
	lo, hi := 0, len(t.offs)
	for lo < hi {
		m := (lo + hi) / 2
		line := t.line(m)
		k, _, _ := strings.Cut(line, "\t")
		if k < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(t.offs) {
		k, v, _ := strings.Cut(t.line(lo), "\t")
		if k == key {
			return v, true
		}
	}
	return "", false
}

func (t *table) line(i int) string {
	s := t.src[t.offs[i]:]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return s
}

// each calls f for every entry, in key order.
func (t *table) each(f func(k, v string)) {
	for _, line := range strings.Split(strings.TrimSuffix(t.src, "\n"), "\n") {
		if k, v, ok := strings.Cut(line, "\t"); ok {
			f(k, v)
		}
	}
}

var (
	langAliasT      = &table{src: languageAliases}
	scriptAliasT    = &table{src: scriptAliases}
	territoryAliasT = &table{src: territoryAliases}
	variantAliasT   = &table{src: variantAliases}
	subdivAliasT    = &table{src: subdivisionAliases}
	likelyT         = &table{src: likelySubtags}
	parentT         = &table{src: parentLocales}
	uValueAliasT    = &table{src: uValueAliases}
	tzIDT           = &table{src: timeZoneIDs}
	tzCanonT        = &table{src: timeZoneCanonical}
	tzAliasT        = &table{src: timeZoneAliases}
	numsT           = &table{src: defaultNumberingSystems}
	digitsT         = &table{src: numberingSystemDigits}
	calPrefT        = &table{src: calendarPreferences}
	timeDataT       = &table{src: timeData}
	minDaysT        = &table{src: weekMinDays}
	firstDayT       = &table{src: weekFirstDay}
	weekendStartT   = &table{src: weekendStart}
	weekendEndT     = &table{src: weekendEnd}
)

// langRule is one languageAlias rule, parsed.
type langRule struct {
	lang, script, region string
	variants             []string
	repl                 ID
}

var langRules = sync.OnceValue(func() []langRule {
	var rules []langRule
	langAliasT.each(func(k, v string) {
		parts := strings.Split(k, "-")
		r := langRule{lang: parts[0]}
		for _, p := range parts[1:] {
			switch {
			case isScript(p):
				r.script = title(p)
			case isRegion(p):
				r.region = upper(p)
			default:
				r.variants = append(r.variants, lower(p))
			}
		}
		if rep, err := Parse(v); err == nil {
			r.repl = rep
		} else {
			// "en-x-i-default" style replacements parse; anything else is
			// left out.
			return
		}
		rules = append(rules, r)
	})
	// The most specific rule first: more variants, then a region, then a
	// script, then a real language before "und".
	score := func(r langRule) int {
		s := len(r.variants) * 8
		if r.region != "" {
			s += 4
		}
		if r.script != "" {
			s += 2
		}
		if r.lang != "und" {
			s++
		}
		return s
	}
	sort.SliceStable(rules, func(i, j int) bool { return score(rules[i]) > score(rules[j]) })
	return rules
})

var langRuleIndex = sync.OnceValue(func() map[string][]int {
	m := map[string][]int{}
	for i, r := range langRules() {
		m[r.lang] = append(m[r.lang], i)
	}
	return m
})

func hasVariants(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (r *langRule) matches(id *ID) bool {
	if r.lang != "und" && r.lang != id.Language {
		return false
	}
	if r.script != "" && r.script != id.Script {
		return false
	}
	if r.region != "" && r.region != id.Region {
		return false
	}
	return hasVariants(id.Variants, r.variants)
}

// canonicalizeLanguageID applies UTS 35 Annex C's alias rules to the
// language id part of id, in place.
func canonicalizeLanguageID(id *ID) {
	rules := langRules()
	idx := langRuleIndex()
	for guard := 0; guard < 32; guard++ {
		changed := false
		var best *langRule
		for _, set := range [][]int{idx[id.Language], idx["und"]} {
			for _, i := range set {
				r := &rules[i]
				if r.matches(id) && (best == nil || betterRule(r, best)) {
					best = r
				}
			}
		}
		if best != nil {
			applyRule(id, best)
			changed = true
		}
		// Variant aliases (polytoni -> polyton) are single-subtag rules,
		// after the language rules, which also match on variants.
		if best == nil {
			for i, v := range id.Variants {
				if r, ok := variantAliasT.lookup(v); ok {
					id.Variants[i] = r
					changed = true
				}
			}
		}
		if s, ok := scriptAliasT.lookup(id.Script); ok && id.Script != "" {
			id.Script = s
			changed = true
		}
		if id.Region != "" {
			if r, ok := territoryAliasT.lookup(id.Region); ok {
				cands := strings.Fields(r)
				pick := cands[0]
				if len(cands) > 1 {
					max := *id
					max.Region = ""
					max.Variants = nil
					if m, ok := addLikely(max); ok {
						for _, c := range cands {
							if c == m.Region {
								pick = c
								break
							}
						}
					}
				}
				id.Region = pick
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	id.Variants = dedupSorted(id.Variants)
}

func betterRule(a, b *langRule) bool {
	if len(a.variants) != len(b.variants) {
		return len(a.variants) > len(b.variants)
	}
	if (a.region != "") != (b.region != "") {
		return a.region != ""
	}
	if (a.script != "") != (b.script != "") {
		return a.script != ""
	}
	return a.lang != "und" && b.lang == "und"
}

func applyRule(id *ID, r *langRule) {
	rep := r.repl
	if r.lang != "und" || rep.Language != "und" {
		if !(r.lang == "und" && rep.Language == "und") {
			id.Language = rep.Language
		}
	}
	if rep.Script != "" && (r.script != "" || id.Script == "") {
		id.Script = rep.Script
	} else if r.script != "" && rep.Script == "" {
		id.Script = ""
	}
	if rep.Region != "" && (r.region != "" || id.Region == "") {
		id.Region = rep.Region
	} else if r.region != "" && rep.Region == "" {
		id.Region = ""
	}
	// Remove the matched variants, add the replacement's.
	var vs []string
	for _, v := range id.Variants {
		matched := false
		for _, w := range r.variants {
			if v == w {
				matched = true
			}
		}
		if !matched {
			vs = append(vs, v)
		}
	}
	vs = append(vs, rep.Variants...)
	id.Variants = dedupSorted(vs)
	if rep.Private != "" && id.Private == "" {
		id.Private = rep.Private
	}
}

func dedupSorted(vs []string) []string {
	if len(vs) < 2 {
		return vs
	}
	sort.Strings(vs)
	out := vs[:1]
	for _, v := range vs[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// Canonicalize is ECMA-402's CanonicalizeUnicodeLocaleId over a tag that
// Parse accepts: alias replacement from CLDR's supplemental aliases,
// variants sorted, extensions in singleton order with their keys sorted,
// -u- and -t- values canonicalized ("true" dropped, aliases replaced).
func Canonicalize(tag string) (string, error) {
	id, err := Parse(tag)
	if err != nil {
		return "", err
	}
	CanonicalizeID(&id)
	return id.String(), nil
}

// CanonicalizeID canonicalizes a parsed id in place (see Canonicalize).
func CanonicalizeID(id *ID) {
	canonicalizeLanguageID(id)
	// -u-: attributes sorted and deduplicated, keywords sorted by key
	// (the first of a repeated key wins), values canonical.
	id.Attributes = dedupSorted(id.Attributes)
	if len(id.Keywords) > 0 {
		seen := map[string]bool{}
		var kws []Keyword
		for _, k := range id.Keywords {
			if seen[k.Key] {
				continue
			}
			seen[k.Key] = true
			k.Value = CanonicalizeUValue(k.Key, k.Value)
			kws = append(kws, k)
		}
		sort.SliceStable(kws, func(i, j int) bool { return kws[i].Key < kws[j].Key })
		id.Keywords = kws
	}
	if id.HasT {
		if id.TLang != nil {
			canonicalizeLanguageID(id.TLang)
			// A tlang is written in lower case.
			id.TLang.Script = lower(id.TLang.Script)
			id.TLang.Region = lower(id.TLang.Region)
		}
		sort.SliceStable(id.TFields, func(i, j int) bool { return id.TFields[i].Key < id.TFields[j].Key })
		for i, f := range id.TFields {
			if r, ok := uValueAliasT.lookup(f.Key + ":" + f.Value); ok {
				id.TFields[i].Value = r
			}
		}
	}
	sort.Strings(id.Others)
}

// CanonicalizeUValue canonicalizes the value of the -u- key: lower case,
// CLDR's aliases replaced (ca-islamicc, ks-primary, tz-cnckg, rg-no23),
// and "true" written as "" (a key alone).
func CanonicalizeUValue(key, value string) string {
	value = lower(value)
	if r, ok := uValueAliasT.lookup(key + ":" + value); ok {
		value = r
	}
	if key == "rg" || key == "sd" {
		if r, ok := subdivAliasT.lookup(value); ok {
			value = strings.Fields(r)[0]
		}
	}
	if value == "true" {
		return ""
	}
	return value
}
