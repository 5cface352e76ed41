package json

import (
	"strconv"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// V8's messages for JSON.parse (src/common/message-template.h). Each of
// these is followed by " at position N (line L column C)".
const (
	msgExpectedPropNameOrRBrace     = "Expected property name or '}' in JSON"
	msgExpectedCommaOrRBrack        = "Expected ',' or ']' after array element in JSON"
	msgExpectedCommaOrRBrace        = "Expected ',' or '}' after property value in JSON"
	msgExpectedDoubleQuotedPropName = "Expected double-quoted property name in JSON"
	msgExpectedColon                = "Expected ':' after property name in JSON"
	msgExponentMissing              = "Exponent part is missing a number in JSON"
	msgUnterminatedFraction         = "Unterminated fractional number in JSON"
	msgNonWhitespace                = "Unexpected non-whitespace character after JSON"
	msgBadEscapedChar               = "Bad escaped character in JSON"
	msgBadControlChar               = "Bad control character in string literal in JSON"
	msgBadUnicodeEscape             = "Bad Unicode escape in JSON"
	msgNoNumberAfterMinus           = "No number after minus sign in JSON"
	msgUnterminatedString           = "Unterminated string in JSON"
	msgUnexpectedNumber             = "Unexpected number in JSON"
	msgUnexpectedString             = "Unexpected string in JSON"

	msgUnexpectedEOS = "Unexpected end of JSON input"
)

// V8's kMaxContextCharacters and kMinOriginalSourceLengthForContext: a
// source this long is quoted around the bad token only, with "...".
const (
	maxContext       = 10
	minContextSource = maxContext*2 + 1
)

// fail throws the SyntaxError for an error at the cursor: msg when given,
// else the message V8 picks for the token t found there.
func (p *parser) fail(t token, msg string) {
	panic(syntaxError{p.message(t, msg)})
}

func (p *parser) message(t token, msg string) goja.Value {
	if msg == "" {
		switch t {
		case tEOS:
			return p.vm.ToValue(msgUnexpectedEOS)
		case tNumber:
			msg = msgUnexpectedNumber
		case tString:
			msg = msgUnexpectedString
		default:
			return p.unexpectedToken()
		}
	}
	pos, line, col := p.location()
	b := make([]byte, 0, len(msg)+48)
	b = append(b, msg...)
	b = append(b, " at position "...)
	b = strconv.AppendInt(b, int64(pos), 10)
	b = append(b, " (line "...)
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, " column "...)
	b = strconv.AppendInt(b, int64(col), 10)
	b = append(b, ')')
	return p.vm.ToValue(string(b))
}

// location is the cursor as V8 reports it: the offset in UTF-16 code units,
// and the 1-based line and column, where \n, \r and \r\n end a line.
func (p *parser) location() (pos, line, col int) {
	line = 1
	lineStart := 0
	s := p.src[:p.pos]
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			pos += 2
			i += 2
			line++
			lineStart = pos
		case c == '\r' || c == '\n':
			pos++
			i++
			line++
			lineStart = pos
		case c < utf8.RuneSelf:
			pos++
			i++
		default:
			r, size := decodeWTF8(s[i:])
			i += size
			pos++
			if r >= 0x10000 {
				pos++
			}
		}
	}
	return pos, line, 1 + pos - lineStart
}

// unexpectedToken is V8's message for a token no rule expected: the whole
// source for the few strings a non-string argument turns into, else the
// token and the source, cut to ten code units either side of it when long.
func (p *parser) unexpectedToken() goja.Value {
	switch p.src {
	case "[object Object]", "undefined", "Infinity", "NaN":
		return p.vm.ToValue(`"` + p.src + `" is not valid JSON`)
	}
	src := toUTF16(p.src)
	pos, _, _ := p.location()
	var u []uint16
	u = append(u, toUTF16("Unexpected token '")...)
	u = append(u, src[pos], '\'', ',', ' ')
	start, end := 0, len(src)
	pre, post := "", ""
	if len(src) >= minContextSource {
		switch {
		case pos < maxContext:
			end, post = pos+maxContext, "..."
		case pos < len(src)-maxContext:
			start, end, pre, post = pos-maxContext, pos+maxContext, "...", "..."
		default:
			start, pre = pos-maxContext, "..."
		}
	}
	u = append(u, toUTF16(pre+`"`)...)
	u = append(u, src[start:end]...)
	u = append(u, toUTF16(`"`+post+" is not valid JSON")...)
	return goja.StringFromUTF16(u)
}

// toUTF16 converts WTF-8 to UTF-16 code units.
func toUTF16(s string) []uint16 {
	u := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			u = append(u, uint16(c))
			i++
			continue
		}
		r, size := decodeWTF8(s[i:])
		i += size
		if r >= 0x10000 {
			r -= 0x10000
			u = append(u, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			u = append(u, uint16(r))
		}
	}
	return u
}
