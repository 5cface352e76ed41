package bundler

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"
)

// Message is one diagnostic from a build.
type Message struct {
	// Kind is "error" or "warning"; empty reads as "error".
	Kind string
	// Text says what is wrong.
	Text string
	// File is relative to Options.Dir (files outside it start with "../");
	// empty when the message has no location.
	File string
	// Line is 1-based; Column is 1-based and counts characters (runes), not
	// bytes. Both are 0 when File is empty.
	Line, Column int
	// LineText is the source line the message points into, if known.
	LineText string
	// Hint says what to do about it, if edgedev knows; printed on its own
	// "hint:" line.
	Hint string
}

// maxLineText caps how much of a source line String shows, so an error in
// minified code in node_modules does not print a 100 KB line.
const maxLineText = 100

// String renders the message the way the terminal and the error page show
// it: location and text, then the source line with a caret under the column,
// then the hint:
//
//	src/index.ts:3:13: error: Expected ";" but found "y"
//	    3 | const a = x y
//	      |             ^
func (m Message) String() string {
	kind := m.Kind
	if kind == "" {
		kind = "error"
	}
	var sb strings.Builder
	if m.File != "" {
		fmt.Fprintf(&sb, "%s:%d:%d: ", m.File, m.Line, m.Column)
	}
	fmt.Fprintf(&sb, "%s: %s", kind, m.Text)
	if m.File != "" && m.LineText != "" {
		text, caret := clipLine(m.LineText, m.Column-1)
		num := fmt.Sprintf("%5d", m.Line)
		fmt.Fprintf(&sb, "\n%s | %s", num, text)
		fmt.Fprintf(&sb, "\n%s | %s^", strings.Repeat(" ", len(num)), caretPad(text, caret))
	}
	if m.Hint != "" {
		fmt.Fprintf(&sb, "\n  hint: %s", m.Hint)
	}
	return sb.String()
}

// clipLine returns at most maxLineText runes of line around rune index col,
// marking cut ends with "...", and col's index within the returned text.
func clipLine(line string, col int) (string, int) {
	runes := []rune(line)
	if col < 0 {
		col = 0
	}
	if col > len(runes) {
		col = len(runes)
	}
	if len(runes) <= maxLineText {
		return line, col
	}
	start := max(col-maxLineText/2, 0)
	end := min(start+maxLineText, len(runes))
	start = max(end-maxLineText, 0)
	text := string(runes[start:end])
	caret := col - start
	if start > 0 {
		text = "..." + text
		caret += 3
	}
	if end < len(runes) {
		text += "..."
	}
	return text, caret
}

// caretPad is the whitespace that puts a caret under rune index col of text,
// keeping tabs as tabs so the caret lines up however wide a terminal draws
// them.
func caretPad(text string, col int) string {
	var sb strings.Builder
	i := 0
	for _, r := range text {
		if i == col {
			break
		}
		if r == '\t' {
			sb.WriteByte('\t')
		} else {
			sb.WriteByte(' ')
		}
		i++
	}
	for ; i < col; i++ {
		sb.WriteByte(' ')
	}
	return sb.String()
}

// BuildError is a failed build: every error esbuild reported, in order.
type BuildError struct {
	Messages []Message
}

// Error renders all messages under a "build failed with N errors" header.
func (e *BuildError) Error() string {
	n := len(e.Messages)
	noun := "errors"
	if n == 1 {
		noun = "error"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "build failed with %d %s:", n, noun)
	for _, m := range e.Messages {
		sb.WriteString("\n")
		sb.WriteString(m.String())
	}
	return sb.String()
}

// convertMessages turns esbuild's messages into ours, rewriting the ones
// whose esbuild wording points at esbuild options rather than at what the
// user should change.
func convertMessages(msgs []api.Message, kind string) []Message {
	if len(msgs) == 0 {
		return nil
	}
	out := make([]Message, 0, len(msgs))
	for _, em := range msgs {
		m := Message{Kind: kind, Text: em.Text}
		if loc := em.Location; loc != nil {
			m.File = loc.File
			m.Line = loc.Line
			m.LineText = loc.LineText
			m.Column = runeColumn(loc.LineText, loc.Column) + 1
		}
		explain(&m, em)
		out = append(out, m)
	}
	return out
}

// runeColumn converts esbuild's 0-based byte column into a 0-based rune
// column within line.
func runeColumn(line string, byteCol int) int {
	if byteCol <= 0 {
		return 0
	}
	if byteCol > len(line) {
		return utf8.RuneCountInString(line) + byteCol - len(line)
	}
	return utf8.RuneCountInString(line[:byteCol])
}

// Texts edgedev substitutes for esbuild's, so tests and callers can match them.
const (
	TextTopLevelAwait = "top-level await is not supported: edgedev runs workers as scripts, not as ES modules"
	HintTopLevelAwait = "move the await into the handler (for example inside fetch), or into a function the handler calls"
	TextImportMeta    = "import.meta is an empty object here: edgedev runs workers as scripts, not as ES modules"
	HintImportMeta    = "import.meta.url and the like are undefined at run time; pass such values in through env vars or a define"
	HintNodeBuiltin   = "Node.js built-in modules need the nodejs_compat compatibility flag, and a bare name such as \"buffer\" also a compatibility_date of 2024-09-23 or later (or write \"node:buffer\"); or use a Web API (fetch, crypto, TextEncoder, ...)"
)

// explain rewrites or annotates one message in place.
func explain(m *Message, em api.Message) {
	switch {
	case em.PluginName == "edgedev-builtins" && len(em.Notes) > 0:
		m.Hint = em.Notes[0].Text
	case strings.HasPrefix(em.Text, "Top-level await is currently not supported"):
		m.Text = TextTopLevelAwait
		m.Hint = HintTopLevelAwait
	case em.ID == "empty-import-meta":
		m.Text = TextImportMeta
		m.Hint = HintImportMeta
	case strings.HasPrefix(em.Text, "Could not resolve "):
		spec, err := strconv.Unquote(strings.TrimPrefix(em.Text, "Could not resolve "))
		if err != nil || isRelative(spec) {
			return
		}
		if strings.HasPrefix(spec, "node:") || notesMention(em, "built into node") {
			m.Hint = HintNodeBuiltin
			return
		}
		m.Hint = fmt.Sprintf("is %q installed? run npm install %s in the project directory "+
			"(node_modules is searched from the importing file's directory upward)", packageName(spec), packageName(spec))
	}
}

func isRelative(spec string) bool {
	return strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") ||
		spec == "." || spec == ".." || strings.HasPrefix(spec, "/")
}

func notesMention(em api.Message, s string) bool {
	for _, n := range em.Notes {
		if strings.Contains(n.Text, s) {
			return true
		}
	}
	return false
}

// packageName is the npm package part of a bare import: "hono" for
// "hono/cors", "@scope/pkg" for "@scope/pkg/sub".
func packageName(spec string) string {
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) >= 2 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}
