package jsregexp

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// FlagError says a flag is not supported by edgedev's regular expressions.
type FlagError struct {
	Flag byte
	Why  string
}

func (e *FlagError) Error() string {
	return fmt.Sprintf("the RegExp flag %q is not supported by edgedev's JS engine (goja): %s", e.Flag, e.Why)
}

// NeedsRewrite reports, cheaply, whether Rewrite would change or reject
// pattern with flags; when it returns false, the pair can go to goja as is.
func NeedsRewrite(pattern, flags string) bool {
	if strings.ContainsAny(flags, "dv") {
		return true
	}
	return strings.IndexByte(flags, 'u') >= 0 && (strings.Contains(pattern, `\p{`) || strings.Contains(pattern, `\P{`))
}

// Rewrite returns an equivalent pattern and flags goja runs correctly:
// under "u" or "v", each \p{...}/\P{...} becomes an explicit class (spliced
// into an enclosing class); a "v" pattern without set notation becomes a
// "u" pattern. It fails for an unknown or unsupported property, for "v"
// set notation, and for the "d" flag. Outside "u"/"v" mode \p is an
// identity escape (it matches "p"), as in every engine, and is left alone.
func Rewrite(pattern, flags string) (string, string, error) {
	if strings.IndexByte(flags, 'd') >= 0 {
		return "", "", &FlagError{'d', "match indices (hasIndices) are not implemented; use the match's index and the lengths of its groups"}
	}
	unicodeMode := strings.ContainsAny(flags, "uv")
	if strings.IndexByte(flags, 'v') >= 0 {
		if strings.IndexByte(flags, 'u') >= 0 {
			return "", "", fmt.Errorf("invalid regular expression flags %q: \"u\" and \"v\" cannot be combined", flags)
		}
		flags = strings.Replace(flags, "v", "u", 1)
	}
	if !unicodeMode {
		return pattern, flags, nil
	}
	var sb strings.Builder
	inClass := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			e := pattern[i+1]
			if (e == 'p' || e == 'P') && i+2 < len(pattern) && pattern[i+2] == '{' {
				end := strings.IndexByte(pattern[i+3:], '}')
				if end < 0 {
					return "", "", fmt.Errorf("invalid regular expression /%s/: unterminated property escape", pattern)
				}
				body := pattern[i+3 : i+3+end]
				cls, err := classBody(body, e == 'P')
				if err != nil {
					return "", "", err
				}
				if !inClass {
					sb.WriteByte('[')
				}
				sb.WriteString(cls)
				if !inClass {
					sb.WriteByte(']')
				}
				i += 3 + end
				continue
			}
			if e == 'q' && inClass {
				return "", "", fmt.Errorf(`regular expression /%s/ uses \q{...} ("v" flag string literals), which edgedev's regular expressions do not support`, pattern)
			}
			sb.WriteByte(c)
			sb.WriteByte(e)
			i++
			continue
		case c == '[' && inClass:
			return "", "", fmt.Errorf(`regular expression /%s/ uses a nested character class ("v" flag set notation), which edgedev's regular expressions do not support`, pattern)
		case c == '[':
			inClass = true
		case c == ']' && inClass:
			inClass = false
		case inClass && (strings.HasPrefix(pattern[i:], "--") || strings.HasPrefix(pattern[i:], "&&")):
			return "", "", fmt.Errorf(`regular expression /%s/ uses %q ("v" flag set notation), which edgedev's regular expressions do not support`, pattern, pattern[i:i+2])
		}
		sb.WriteByte(c)
	}
	return sb.String(), flags, nil
}

var (
	bodyMu    sync.Mutex
	bodyCache = map[string]string{}
)

// classBody renders \p{body} (\P{body} when negated) as the inside of a
// class, cached: the same few properties recur in every bundle.
func classBody(body string, negated bool) (string, error) {
	key := body
	if negated {
		key = "!" + body
	}
	bodyMu.Lock()
	cls, ok := bodyCache[key]
	bodyMu.Unlock()
	if ok {
		return cls, nil
	}
	set, err := Property(body)
	if err != nil {
		var ue *UnsupportedError
		if negated && errors.As(err, &ue) {
			ue.Escape = `\P{` + body + `}`
		}
		return "", err
	}
	if negated {
		set = Complement(set)
	}
	var sb strings.Builder
	writeClassBody(&sb, set)
	cls = sb.String()
	bodyMu.Lock()
	bodyCache[key] = cls
	bodyMu.Unlock()
	return cls, nil
}

// writeClassBody writes s as class ranges: ASCII letters and digits as
// themselves, everything else as \uXXXX or \u{X}. Surrogate code points
// are left out: goja matches strings as UTF-8, where a lone surrogate
// cannot appear. An empty set writes nothing (so a lone escape becomes [],
// which matches nothing).
func writeClassBody(sb *strings.Builder, s Set) {
	s = minus(s, Set{{0xD800, 0xDFFF}})
	for _, r := range s {
		writeClassChar(sb, r.Lo)
		if r.Hi != r.Lo {
			if r.Hi > r.Lo+1 {
				sb.WriteByte('-')
			}
			writeClassChar(sb, r.Hi)
		}
	}
}

func writeClassChar(sb *strings.Builder, c rune) {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		sb.WriteRune(c)
	case c <= 0xFFFF:
		sb.WriteString(`\u`)
		h := strconv.FormatInt(int64(c), 16)
		sb.WriteString(strings.Repeat("0", 4-len(h)))
		sb.WriteString(h)
	default:
		sb.WriteString(`\u{`)
		sb.WriteString(strconv.FormatInt(int64(c), 16))
		sb.WriteByte('}')
	}
}
