package intl

import (
	"strings"
	"sync"
	"unicode"

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
// nb, fi, pl, cs, tr, ja, zh pinyin/stroke, de phonebook, ...) are there;
// characters added after Unicode 6.2 sort by their code point. What
// x/text lacks is filled in here: caseFirst (by swapping case, which
// reverses the tertiary case order and nothing else), Spanish traditional
// ("ch" and "ll" as letters of their own) and Thai's default of ignoring
// punctuation.

// collatorKey is what makes two collators differ.
type collatorKey struct {
	locale, co, sensitivity, caseFirst string
	numeric, ignorePunctuation, search bool
}

type collator struct {
	key collatorKey
	c   *collate.Collator
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
	if k.ignorePunctuation {
		tag += "-u-ka-shifted"
	}
	if strings.Count(tag, "-u-") > 1 {
		first := strings.Index(tag, "-u-")
		tag = tag[:first+3] + strings.ReplaceAll(tag[first+3:], "-u-", "-")
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
	collators = append(collators, &collator{key: k, c: collate.New(lt, opts...)})
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
	return c.c.CompareString(a, b)
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
