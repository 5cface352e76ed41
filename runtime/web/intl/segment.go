package intl

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/rivo/uniseg"

	"edgedev/runtime/module"
)

// Segmentation is UAX #29 from github.com/rivo/uniseg (Unicode 15.0),
// with Unicode 15.1's conjunct rule GB9c added for graphemes. What ICU
// has beyond UAX #29 is missing: dictionary word breaks for Chinese,
// Japanese, Thai, Lao, Khmer and Burmese (a run of those letters is one
// word, or one per ideograph), and the sentence-break suppressions after
// abbreviations such as "Mr.".

// segmentBoundaries gives the UTF-16 end offset of each segment of s, and
// for words whether each segment is word-like.
func segmentBoundaries(s, granularity string) (ends []int, wordLike []bool) {
	pos := 0
	state := -1
	lastSeg := ""
	for len(s) > 0 {
		var seg string
		switch granularity {
		case "word":
			seg, s, state = uniseg.FirstWordInString(s, state)
			if strings.IndexByte(seg, '.') > 0 {
				// CLDR moves "." from MidNumLet to MidNum: it joins digits
				// ("3.14") but not letters ("e.g" is three words).
				for _, part := range splitLetterDots(seg) {
					pos += utf16Len(part)
					ends = append(ends, pos)
					wordLike = append(wordLike, isWordLike(part))
				}
				continue
			}
		case "sentence":
			seg, s, state = uniseg.FirstSentenceInString(s, state)
		default:
			seg, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
			if n := len(ends); n > 0 && conjunctJoins(lastSeg, seg) {
				pos += utf16Len(seg)
				ends[n-1] = pos
				lastSeg = lastSeg + seg
				continue
			}
			lastSeg = seg
		}
		pos += utf16Len(seg)
		ends = append(ends, pos)
		if granularity == "word" {
			wordLike = append(wordLike, isWordLike(seg))
		}
	}
	return ends, wordLike
}

// splitLetterDots splits a word at each "." that is not between two
// digits, the dot becoming a segment of its own.
func splitLetterDots(w string) []string {
	var out []string
	start := 0
	for i := 0; i < len(w); i++ {
		if w[i] != '.' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(w[:i])
		next, _ := utf8.DecodeRuneInString(w[i+1:])
		if unicode.IsDigit(prev) && unicode.IsDigit(next) {
			continue
		}
		if i > start {
			out = append(out, w[start:i])
		}
		out = append(out, ".")
		start = i + 1
	}
	if start < len(w) {
		out = append(out, w[start:])
	}
	return out
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// isWordLike is ICU's word rule status other than "none": the segment
// has a letter, a number or an ideograph.
func isWordLike(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// conjunctJoins is GB9c (Unicode 15.1): a cluster ending in a consonant
// and a virama (Indic_Conjunct_Break=Linker, optionally with extenders)
// joins a following cluster that starts with a consonant of the same
// script: "क्ष" is one grapheme.
func conjunctJoins(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	lo, ok := linkerScript(r)
	if !ok {
		return false
	}
	// prev must end in linker (+ Extend/ZWJ) after a consonant.
	rs := []rune(prev)
	i := len(rs) - 1
	for i >= 0 && (rs[i] == 0x200D || unicode.Is(unicode.Mn, rs[i]) && !isLinker(rs[i])) {
		i--
	}
	if i < 1 || !isLinker(rs[i]) {
		return false
	}
	base, ok := linkerScript(rs[0])
	return ok && base == lo
}

// The Indic_Conjunct_Break=Linker viramas: Devanagari, Bengali, Gujarati,
// Oriya, Telugu, Malayalam.
var linkers = [...]rune{0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D}

func isLinker(r rune) bool {
	for _, l := range linkers {
		if r == l {
			return true
		}
	}
	return false
}

// linkerScript says which block's consonants r belongs to (the block's
// start), for the six scripts with a linker.
func linkerScript(r rune) (rune, bool) {
	for _, l := range linkers {
		block := l &^ 0x7F
		if r >= block && r < block+0x80 && isIndicConsonant(r, block) {
			return block, true
		}
	}
	return 0, false
}

// isIndicConsonant: the consonant letters of an Indic block (0x15-0x39,
// plus the nukta forms at 0x58-0x5F and 0x78-0x7F as Unicode lists them
// for InCB=Consonant).
func isIndicConsonant(r, block rune) bool {
	o := r - block
	return o >= 0x15 && o <= 0x39 || o >= 0x58 && o <= 0x5F || o >= 0x78 && o <= 0x7F
}

// installSegmentNatives adds segment(s, granularity) to n: a flat array
// of segment end offsets (UTF-16), each followed by its word-likeness for
// granularity "word".
func installSegmentNatives(vm *goja.Runtime, n *module.Natives) {
	n.Func("segment", func(c goja.FunctionCall) goja.Value {
		g := c.Argument(1).String()
		ends, wl := segmentBoundaries(c.Argument(0).String(), g)
		var out []any
		if g == "word" {
			out = make([]any, 0, 2*len(ends))
			for i, e := range ends {
				out = append(out, e, wl[i])
			}
		} else {
			out = make([]any, len(ends))
			for i, e := range ends {
				out[i] = e
			}
		}
		return vm.NewArray(out...)
	})
}
