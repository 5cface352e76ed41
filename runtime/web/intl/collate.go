package intl

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"edgedev/runtime/module"
	"edgedev/runtime/web/intl/locale"
)

// Collation is golang.org/x/text/collate's: the UCA/DUCET tables of
// Unicode 6.2 with CLDR 23's tailorings (collate.CLDRVersion), where V8
// has ICU 77 (CLDR 47). The tailorings users meet (de, sv, es, fr, da,
// fi, pl, cs, tr, ja, zh pinyin/stroke, de phonebook, ...) are there;
// characters added after Unicode 6.2 sort by their code point. What
// x/text lacks is filled in here, each checked against production in
// testdata/wrangler:
//   - caseFirst, by swapping case (which reverses the tertiary case order
//     and nothing else);
//   - Spanish traditional ("ch" and "ll" as letters of their own);
//   - ignorePunctuation (Thai's default), by dropping spaces and
//     punctuation before comparing (x/text's "shifted" breaks Thai);
//   - French Canadian's backwards accents, by comparing the accents of
//     primary-equal strings from the end;
//   - the script reordering of CLDR's tailorings ("[reorder Cyrl]": ru
//     puts Cyrillic before Latin), at the first letter where two strings
//     differ;
//   - Norwegian (nb, no), which x/text does not match to its tailoring.

// collatorKey is what makes two collators differ.
type collatorKey struct {
	locale, co, sensitivity, caseFirst string
	numeric, ignorePunctuation, search bool
}

type collator struct {
	key collatorKey
	c   *collate.Collator
	// For French Canadian's backwards accents: a primary-strength and an
	// accent-strength collator.
	primary, accents *collate.Collator
	reorder          [][]*unicode.RangeTable // the script groups sorted first, in order
}

var (
	collatorsMu sync.Mutex // guards collators, byKey and every use of a collate.Collator
	collators   []*collator
	byKey       = map[collatorKey]int{}
)

// collatorFor gives the handle of the collator for k, making it once per
// process.
func collatorFor(k collatorKey) int {
	collatorsMu.Lock()
	defer collatorsMu.Unlock()
	if i, ok := byKey[k]; ok {
		return i
	}
	tag := k.locale
	if k.co == "" && k.search && (k.locale == "de" || strings.HasPrefix(k.locale, "de-")) {
		// German search collation orders ä right after ae, as phonebook does.
		tag += "-u-co-phonebk"
	}
	if k.co != "" && k.co != "trad" {
		tag += "-u-co-" + k.co
	}
	if strings.Count(tag, "-u-") > 1 {
		first := strings.Index(tag, "-u-")
		tag = tag[:first+3] + strings.ReplaceAll(tag[first+3:], "-u-", "-")
	}
	if id, err := locale.Parse(k.locale); err == nil && (id.Language == "nb" || id.Language == "no") {
		tag = "nn" + tag[len(id.Language):] // x/text knows the Norwegian tailoring as nn's
	}
	lt, err := language.Parse(tag)
	if err != nil {
		lt = language.Make(k.locale)
	}
	var opts []collate.Option
	switch k.sensitivity {
	case "base":
		opts = append(opts, collate.IgnoreCase, collate.IgnoreDiacritics)
	case "accent":
		opts = append(opts, collate.IgnoreCase)
	case "case":
		// ICU's "case" is the primary strength plus the case level; here
		// the marks are stripped first (compareWith) and the rest compared
		// up to case.
		opts = append(opts, collate.IgnoreDiacritics)
	}
	if k.numeric {
		opts = append(opts, collate.Numeric)
	}
	col := &collator{key: k, c: collate.New(lt, opts...), reorder: reorderFor(k.locale)}
	if strings.HasPrefix(k.locale, "fr-CA") && (k.sensitivity == "variant" || k.sensitivity == "accent") {
		col.primary = collate.New(lt, collate.IgnoreCase, collate.IgnoreDiacritics)
		col.accents = collate.New(lt, collate.IgnoreCase)
	}
	collators = append(collators, col)
	byKey[k] = len(collators) - 1
	return len(collators) - 1
}

// compareWith compares a and b with the collator of handle h.
func compareWith(h int, a, b string) int {
	collatorsMu.Lock()
	defer collatorsMu.Unlock()
	c := collators[h]
	if c.key.caseFirst == "upper" {
		a, b = swapCase(a), swapCase(b)
	}
	if c.key.sensitivity == "case" {
		a, b = stripMarks(a), stripMarks(b)
	}
	if c.key.co == "trad" && strings.HasPrefix(c.key.locale, "es") {
		a, b = spanishTraditional(a), spanishTraditional(b)
	}
	if c.key.ignorePunctuation {
		a, b = dropPunctuation(a), dropPunctuation(b)
	}
	if c.reorder != nil {
		if r := compareScripts(c.reorder, a, b); r != 0 {
			return r
		}
	}
	if c.primary != nil {
		if r := c.primary.CompareString(a, b); r != 0 {
			return r
		}
		if r := c.accents.CompareString(reverseClusters(a), reverseClusters(b)); r != 0 {
			return r
		}
	}
	return c.c.CompareString(a, b)
}

// dropPunctuation removes the spaces and punctuation ICU's "shifted"
// alternate handling makes ignorable.
func dropPunctuation(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, s)
}

// reverseClusters reverses s by base character and its marks, so comparing
// the accents of two primary-equal strings this way goes from the end.
func reverseClusters(s string) string {
	d := norm.NFD.String(s)
	var clusters []string
	start := 0
	for i, r := range d {
		if i > 0 && !unicode.Is(unicode.Mn, r) {
			clusters = append(clusters, d[start:i])
			start = i
		}
	}
	clusters = append(clusters, d[start:])
	var b strings.Builder
	for i := len(clusters) - 1; i >= 0; i-- {
		b.WriteString(clusters[i])
	}
	return b.String()
}

// reorders are the scripts CLDR's tailorings sort before the others
// ("[reorder ...]"), by language; production (ICU 77) was checked for each
// (testdata/wrangler "mixed" cases). The reordering applies when the
// locale is written in the first script.
var reorders = map[string][][]*unicode.RangeTable{
	"zh": {{unicode.Han}, {unicode.Bopomofo}},
	"ko": {{unicode.Hangul}, {unicode.Han}},
	"ja": {{unicode.Latin}, {unicode.Hiragana, unicode.Katakana}, {unicode.Han}},
	"ru": {{unicode.Cyrillic}}, "uk": {{unicode.Cyrillic}}, "bg": {{unicode.Cyrillic}}, "sr": {{unicode.Cyrillic}},
	"el": {{unicode.Greek}},
	"ar": {{unicode.Arabic}}, "fa": {{unicode.Arabic}}, "ur": {{unicode.Arabic}},
	"he": {{unicode.Hebrew}},
	"hi": {{unicode.Devanagari}}, "mr": {{unicode.Devanagari}},
	"bn": {{unicode.Bengali}}, "gu": {{unicode.Gujarati}}, "ta": {{unicode.Tamil}}, "te": {{unicode.Telugu}},
	"ml": {{unicode.Malayalam}}, "th": {{unicode.Thai}}, "am": {{unicode.Ethiopic}},
}

// scriptOfFirst is the first script of each reorder list, as a likely
// subtag, to check the locale is written in it (sr-Latn is not reordered).
var scriptOfFirst = map[*unicode.RangeTable]string{
	unicode.Han: "Hans Hant", unicode.Hangul: "Kore", unicode.Latin: "Jpan", unicode.Cyrillic: "Cyrl",
	unicode.Greek: "Grek", unicode.Arabic: "Arab", unicode.Hebrew: "Hebr", unicode.Devanagari: "Deva",
	unicode.Bengali: "Beng", unicode.Gujarati: "Gujr", unicode.Tamil: "Taml", unicode.Telugu: "Telu",
	unicode.Malayalam: "Mlym", unicode.Thai: "Thai", unicode.Ethiopic: "Ethi",
}

func reorderFor(l string) [][]*unicode.RangeTable {
	id, err := locale.Parse(l)
	if err != nil {
		return nil
	}
	r := reorders[id.Language]
	if r == nil {
		return nil
	}
	if !strings.Contains(scriptOfFirst[r[0][0]], locale.Maximize(id).Script) {
		return nil
	}
	return r
}

// compareScripts orders a and b by the script rank of the first letters
// where they differ, when those ranks differ (a reordered script before
// the rest); 0 leaves it to the collator.
func compareScripts(order [][]*unicode.RangeTable, a, b string) int {
	rank := func(r rune) int {
		for i, group := range order {
			for _, t := range group {
				if unicode.Is(t, r) {
					return i
				}
			}
		}
		return len(order)
	}
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			if !unicode.IsLetter(ra) || !unicode.IsLetter(rb) {
				return 0
			}
			x, y := rank(ra), rank(rb)
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
		a, b = a[na:], b[nb:]
	}
	return 0
}

// stripMarks removes the nonspacing marks of s's canonical decomposition.
func stripMarks(s string) string {
	d := norm.NFD.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, d)
}

func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		if unicode.IsLower(r) {
			return unicode.ToUpper(r)
		}
		return r
	}, s)
}

// afterAll is an unassigned code point: its implicit weight sorts it after
// every letter, so "c"+afterAll comes after every other "c..." word.
const afterAll = '\U000EFFFD'

// spanishTraditional rewrites "ch" and "ll" so they sort as the letters of
// their own that traditional Spanish has (after c and l).
func spanishTraditional(s string) string {
	if !strings.ContainsAny(s, "hHlL") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+1 < len(rs) {
			n := rs[i+1]
			if (r == 'c' || r == 'C') && (n == 'h' || n == 'H') || (r == 'l' || r == 'L') && (n == 'l' || n == 'L') {
				b.WriteRune(r)
				b.WriteRune(afterAll)
				i++
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// installCollateNatives adds collator(locale, co, sensitivity, caseFirst,
// numeric, ignorePunctuation, usage) -> handle and compare(handle, a, b) to n.
func installCollateNatives(vm *goja.Runtime, n *module.Natives) {
	n.Func("collator", func(c goja.FunctionCall) goja.Value {
		k := collatorKey{
			locale: c.Argument(0).String(), co: c.Argument(1).String(), sensitivity: c.Argument(2).String(),
			caseFirst: c.Argument(3).String(), numeric: c.Argument(4).ToBoolean(), ignorePunctuation: c.Argument(5).ToBoolean(),
			search: c.Argument(6).String() == "search",
		}
		return vm.ToValue(collatorFor(k))
	})
	n.Func("defaultCollation", func(c goja.FunctionCall) goja.Value {
		id, err := locale.Parse(c.Argument(0).String())
		if err == nil && id.Language == "zh" {
			if locale.Maximize(id).Script == "Hant" {
				return vm.ToValue("stroke")
			}
			return vm.ToValue("pinyin")
		}
		return vm.ToValue("default")
	})
	n.Func("compare", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(compareWith(int(c.Argument(0).ToInteger()), c.Argument(1).String(), c.Argument(2).String()))
	})
}
