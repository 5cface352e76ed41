package bundler

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"edgedev/jsregexp"
)

// The bundle lint: code that bundles fine but would behave differently
// under goja than on the platform. It scans the bundle (only code that made
// it in, after tree shaking) and reports each finding as a warning at the
// original source position, found through the bundle's source map.
//
// What it finds (see reference/goja-notes.md, section 2):
//   - new RegExp("...", "...") with constant arguments that edgedev's RegExp
//     will reject: an unsupported \p{...} property, "v" set notation, the
//     "d" flag. esbuild turns regex literals that use \p{...}, "d" or "v"
//     into such calls (see buildOptions), so literals are covered too.
//   - Intl members edgedev does not provide (they throw when used).
//   - WeakRef (a strong reference here) and FinalizationRegistry (callbacks
//     never run), and the Iterator global (iterator helpers are missing).
//   - Platform globals edgedev does not provide yet (missingGlobals), where
//     the user's own code (not node_modules) uses one: a member of it, new
//     or instanceof. A name the bundle tests with typeof, or declares
//     itself, is not reported: that code has a plan for its absence.

// maxLintWarnings caps how many findings one build reports.
const maxLintWarnings = 20

// IntlSupported lists the Intl members the runtime implements; any other
// Intl.X a bundle touches is reported. runtime/web/intl's
// TestLintKnowsIntl checks that it is exactly the runtime's Intl.
var IntlSupported = map[string]bool{
	"DateTimeFormat": true, "NumberFormat": true, "Collator": true, "PluralRules": true, "RelativeTimeFormat": true,
	"Segmenter": true, "ListFormat": true, "DisplayNames": true, "Locale": true,
	"getCanonicalLocales": true, "supportedValuesOf": true,
}

// missingGlobals are workerd globals edgedev does not provide, with what
// they are for the message.
var missingGlobals = map[string]string{
	"caches":         "the Cache API (caches)",
	"HTMLRewriter":   "HTMLRewriter",
	"WebSocketPair":  "WebSockets (WebSocketPair)",
	"WebSocket":      "WebSocket",
	"MessageChannel": "MessageChannel",
	"EventSource":    "EventSource",
}

type lintFinding struct {
	offset   int // byte offset in the script
	text     string
	hint     string
	userOnly bool // not reported when it lies in node_modules
}

// lint scans script and returns its findings as warnings located in the
// original sources under dir.
func lint(script, dir string) []Message {
	end := strings.LastIndex(script, inlineMapPrefix)
	if end < 0 {
		return nil
	}
	findings := scanBundle(script[:end])
	if len(findings) == 0 {
		return nil // the common case: no need to decode the source map
	}
	sm, _, err := inlineSourceMap(script)
	if err != nil {
		return nil
	}
	lines := newLineIndex(script[:end])
	files := map[string][]string{}
	seen := map[string]bool{}
	var out []Message
	for _, f := range findings {
		line, col16 := lines.position(f.offset)
		m := Message{Kind: "warning", Text: f.text, Hint: f.hint}
		if seg, ok := sm.lookup(line, col16); ok && seg.src < len(sm.sources) {
			path := filepath.Clean(filepath.Join(dir, filepath.FromSlash(sm.sources[seg.src])))
			m.File = filepath.ToSlash(sm.sources[seg.src])
			if rel, err := filepath.Rel(dir, path); err == nil {
				m.File = filepath.ToSlash(rel)
			}
			m.Line = seg.line + 1
			m.Column = seg.col + 1
			src, ok := files[path]
			if !ok {
				if b, err := os.ReadFile(path); err == nil {
					src = strings.Split(string(b), "\n")
				}
				files[path] = src
			}
			if seg.line < len(src) {
				m.LineText = strings.TrimRight(src[seg.line], "\r")
				m.Column = runeColumnUTF16(m.LineText, seg.col) + 1
			}
		}
		if f.userOnly && strings.Contains("/"+m.File, "/node_modules/") {
			continue
		}
		key := fmt.Sprintf("%s:%d:%d:%s", m.File, m.Line, m.Column, m.Text)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, m)
		if len(out) == maxLintWarnings {
			break
		}
	}
	return out
}

// runeColumnUTF16 converts a 0-based UTF-16 column into a 0-based rune
// column within line.
func runeColumnUTF16(line string, col16 int) int {
	units, runes := 0, 0
	for _, r := range line {
		if units >= col16 {
			break
		}
		units += utf16.RuneLen(r)
		runes++
	}
	return runes
}

type lineIndex struct {
	src    string
	starts []int
}

func newLineIndex(s string) *lineIndex {
	li := &lineIndex{src: s, starts: []int{0}}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// position returns the 0-based line and UTF-16 column of a byte offset.
func (li *lineIndex) position(off int) (int, int) {
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := 0
	for _, r := range li.src[li.starts[lo]:off] {
		col += utf16.RuneLen(r)
	}
	return lo, col
}

// token kinds of the lint's small lexer.
type lintTok struct {
	kind byte   // 'i' identifier, 's' string, 'p' punctuator, 'n' number, 'r' regex, 't' template
	text string // for a string literal, its body between the quotes
	off  int
}

// scanBundle lexes esbuild output (well-formed, so a light lexer does) and
// collects findings.
func scanBundle(s string) []lintFinding {
	toks := lexJS(s)
	handled := handledGlobals(toks)
	var out []lintFinding
	for i, t := range toks {
		if t.kind != 'i' {
			continue
		}
		afterDot := i > 0 && toks[i-1].kind == 'p' && toks[i-1].text == "."
		if afterDot {
			continue
		}
		if what, ok := missingGlobals[t.text]; ok {
			if !handled[t.text] && usesGlobal(toks, i) {
				out = append(out, lintFinding{t.off,
					fmt.Sprintf("%s is not available in edgedev yet (Cloudflare has it): this throws a ReferenceError when it runs here", what),
					fmt.Sprintf(`guard it with typeof %s !== "undefined" where the worker must run under edgedev (a bundle that tests it so is not reported)`, t.text),
					true})
			}
			continue
		}
		switch t.text {
		case "RegExp":
			if f, ok := checkRegExpCall(toks, i); ok {
				out = append(out, f)
			}
		case "Intl":
			if i+2 < len(toks) && toks[i+1].text == "." && toks[i+2].kind == 'i' && !IntlSupported[toks[i+2].text] {
				out = append(out, lintFinding{t.off,
					fmt.Sprintf("Intl.%s is not available in edgedev: goja has no Intl, and edgedev's own (runtime/web/intl) does not have this member yet", toks[i+2].text),
					"this code throws when it runs under edgedev; it works on Cloudflare", false})
			}
		case "WeakRef":
			out = append(out, lintFinding{t.off, "WeakRef holds a strong reference in edgedev (goja has no weak references), so deref() never returns undefined", "", false})
		case "FinalizationRegistry":
			out = append(out, lintFinding{t.off, "FinalizationRegistry cleanup callbacks never run in edgedev (goja has no garbage-collection hooks)", "", false})
		case "Iterator":
			if i+1 < len(toks) && toks[i+1].text == "." {
				out = append(out, lintFinding{t.off, "the Iterator global (iterator helpers) is not available in edgedev: goja does not implement it", "this code throws when it runs under edgedev", false})
			}
		}
	}
	return out
}

// usesGlobal reports whether the identifier at toks[i] is used in a way
// that throws when the global is missing: NAME.member, new NAME, or
// instanceof NAME.
func usesGlobal(toks []lintTok, i int) bool {
	if i+1 < len(toks) && toks[i+1].text == "." {
		return true
	}
	return i > 0 && toks[i-1].kind == 'i' && (toks[i-1].text == "new" || toks[i-1].text == "instanceof")
}

// handledGlobals returns the missingGlobals names the bundle tests with
// typeof or declares as its own binding (let, const, var, function, class).
func handledGlobals(toks []lintTok) map[string]bool {
	var out map[string]bool
	for i := 1; i < len(toks); i++ {
		t, prev := toks[i], toks[i-1]
		if t.kind != 'i' || prev.kind != 'i' {
			continue
		}
		if _, ok := missingGlobals[t.text]; !ok {
			continue
		}
		switch prev.text {
		case "typeof", "let", "const", "var", "function", "class":
			if out == nil {
				out = map[string]bool{}
			}
			out[t.text] = true
		}
	}
	return out
}

// checkRegExpCall looks at RegExp("pattern", "flags") with constant string
// arguments starting at toks[i] and reports it when edgedev's RegExp would
// reject it at run time.
func checkRegExpCall(toks []lintTok, i int) (lintFinding, bool) {
	if i+3 >= len(toks) || toks[i+1].text != "(" || toks[i+2].kind != 's' {
		return lintFinding{}, false
	}
	pattern, flags := unquoteJS(toks[i+2].text), ""
	switch {
	case toks[i+3].text == ")":
	case toks[i+3].text == "," && i+5 < len(toks) && toks[i+4].kind == 's' && toks[i+5].text == ")":
		flags = unquoteJS(toks[i+4].text)
	default:
		return lintFinding{}, false
	}
	if !jsregexp.NeedsRewrite(pattern, flags) {
		return lintFinding{}, false
	}
	if _, _, err := jsregexp.Rewrite(pattern, flags); err != nil {
		return lintFinding{toks[i].off, fmt.Sprintf("regular expression /%s/%s will throw a SyntaxError in edgedev: %v", clip(pattern, 60), flags, err),
			"it works on Cloudflare; avoid the feature or guard the code path", false}, true
	}
	return lintFinding{}, false
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "..."
}

// regexAfter are keywords after which "/" starts a regular expression.
var regexAfter = map[string]bool{
	"return": true, "typeof": true, "case": true, "do": true, "else": true, "in": true, "instanceof": true,
	"new": true, "delete": true, "void": true, "throw": true, "yield": true, "await": true, "of": true,
}

func lexJS(s string) []lintTok {
	toks := make([]lintTok, 0, len(s)/5)
	var braces []bool // per open "{": true when it opened a template substitution
	regexOK := func() bool {
		if len(toks) == 0 {
			return true
		}
		t := toks[len(toks)-1]
		switch t.kind {
		case 'i':
			return regexAfter[t.text]
		case 'n', 's', 'r', 't':
			return false
		}
		return t.text != ")" && t.text != "]" && t.text != "}"
	}
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return toks
			}
			i += j + 4
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(s) && s[j] != c {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			toks = append(toks, lintTok{kind: 's', text: s[i+1 : min(j, len(s))], off: i})
			i = j + 1
		case c == '`':
			i = lexTemplate(s, i+1, &toks, &braces)
		case c == '}' && len(braces) > 0 && braces[len(braces)-1]:
			braces = braces[:len(braces)-1]
			i = lexTemplate(s, i+1, &toks, &braces)
		case c == '/' && regexOK():
			j := i + 1
			inClass := false
			for j < len(s) && s[j] != '\n' {
				if s[j] == '\\' {
					j += 2
					continue
				}
				if s[j] == '[' {
					inClass = true
				} else if s[j] == ']' {
					inClass = false
				} else if s[j] == '/' && !inClass {
					break
				}
				j++
			}
			j++
			for j < len(s) && isIdentByte(s[j]) {
				j++
			}
			toks = append(toks, lintTok{kind: 'r', text: s[i:min(j, len(s))], off: i})
			i = j
		case isIdentStart(c):
			j := i + 1
			for j < len(s) && isIdentByte(s[j]) {
				j++
			}
			toks = append(toks, lintTok{kind: 'i', text: s[i:j], off: i})
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && (isIdentByte(s[j]) || s[j] == '.') {
				j++
			}
			toks = append(toks, lintTok{kind: 'n', text: s[i:j], off: i})
			i = j
		default:
			if c == '{' {
				braces = append(braces, false)
			} else if c == '}' && len(braces) > 0 {
				braces = braces[:len(braces)-1]
			}
			if c >= 0x80 {
				_, n := utf8.DecodeRuneInString(s[i:])
				toks = append(toks, lintTok{kind: 'i', text: s[i : i+n], off: i})
				i += n
				continue
			}
			toks = append(toks, lintTok{kind: 'p', text: s[i : i+1], off: i})
			i++
		}
	}
	return toks
}

// lexTemplate scans template text from i to the closing backquote or the
// next "${", which it records as an open substitution brace.
func lexTemplate(s string, i int, toks *[]lintTok, braces *[]bool) int {
	start := i
	for i < len(s) {
		switch s[i] {
		case '\\':
			i += 2
			continue
		case '`':
			*toks = append(*toks, lintTok{kind: 't', text: s[start:i], off: start})
			return i + 1
		case '$':
			if i+1 < len(s) && s[i+1] == '{' {
				*toks = append(*toks, lintTok{kind: 'p', text: "(", off: i})
				*braces = append(*braces, true)
				return i + 2
			}
		}
		i++
	}
	return i
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isIdentByte(c byte) bool { return isIdentStart(c) || '0' <= c && c <= '9' }

// unquoteJS decodes the escapes of a JS string literal's body.
func unquoteJS(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			sb.WriteByte(s[i])
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			sb.WriteByte('\n')
		case 't':
			sb.WriteByte('\t')
		case 'r':
			sb.WriteByte('\r')
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'v':
			sb.WriteByte('\v')
		case '0':
			sb.WriteByte(0)
		case '\n':
		case 'x':
			if i+2 < len(s) {
				if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
					sb.WriteRune(rune(v))
					i += 2
				}
			}
		case 'u':
			hex := ""
			if i+1 < len(s) && s[i+1] == '{' {
				if end := strings.IndexByte(s[i:], '}'); end > 0 {
					hex = s[i+2 : i+end]
					i += end
				}
			} else if i+4 < len(s) {
				hex = s[i+1 : i+5]
				i += 4
			}
			if v, err := strconv.ParseUint(hex, 16, 32); err == nil {
				sb.WriteRune(rune(v))
			}
		default:
			sb.WriteByte(e)
		}
	}
	return sb.String()
}
