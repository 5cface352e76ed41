package urlpattern

import "unicode"

// tokenType is a token's kind (spec 2.1.1 Tokens).
type tokenType uint8

const (
	tokInvalidChar tokenType = iota
	tokOpen
	tokClose
	tokRegexp
	tokName
	tokChar
	tokEscapedChar
	tokOtherModifier
	tokAsterisk
	tokEnd
)

type token struct {
	typ   tokenType
	index int    // code point index of the token's first code point
	value string // the code points the token stands for
}

// policy is the tokenize policy: strict tokenizing fails on the first
// error, lenient tokenizing turns errors into invalid-char tokens (the
// constructor string parser uses it).
type policy uint8

const (
	strict policy = iota
	lenient
)

type tokenizer struct {
	input     []rune
	policy    policy
	tokens    []token
	index     int
	nextIndex int
	cp        rune
}

// tokenize splits a pattern string into tokens (spec 2.1.2).
func tokenize(input []rune, pol policy) ([]token, error) {
	t := &tokenizer{input: input, policy: pol}
	n := len(input)
	for t.index < n {
		t.seek(t.index)
		switch t.cp {
		case '*':
			t.addDefault(tokAsterisk)
			continue
		case '+', '?':
			t.addDefault(tokOtherModifier)
			continue
		case '\\':
			if t.index == n-1 {
				if err := t.fail(t.nextIndex, t.index, "a pattern cannot end with a backslash"); err != nil {
					return nil, err
				}
				continue
			}
			escaped := t.nextIndex
			t.next()
			t.addLen(tokEscapedChar, t.nextIndex, escaped)
			continue
		case '{':
			t.addDefault(tokOpen)
			continue
		case '}':
			t.addDefault(tokClose)
			continue
		case ':':
			pos := t.nextIndex
			start := pos
			for pos < n {
				t.seek(pos)
				if !isNameCodePoint(t.cp, pos == start) {
					break
				}
				pos = t.nextIndex
			}
			if pos <= start {
				if err := t.fail(start, t.index, "a \":\" must be followed by a group name"); err != nil {
					return nil, err
				}
				continue
			}
			t.addLen(tokName, pos, start)
			continue
		case '(':
			if err := t.regexp(); err != nil {
				return nil, err
			}
			continue
		}
		t.addDefault(tokChar)
	}
	t.addLen(tokEnd, t.index, t.index)
	return t.tokens, nil
}

// regexp scans a "(...)" regexp group starting at t.index.
func (t *tokenizer) regexp() error {
	n := len(t.input)
	depth := 1
	pos := t.nextIndex
	start := pos
	bad := func(why string) error { return t.fail(start, t.index, why) }
	for pos < n {
		t.seek(pos)
		if t.cp > 0x7f {
			return bad("a regexp group may only contain ASCII characters")
		}
		if pos == start && t.cp == '?' {
			return bad("a regexp group cannot start with \"?\"")
		}
		if t.cp == '\\' {
			if pos == n-1 {
				return bad("a regexp group cannot end with a backslash")
			}
			t.next()
			if t.cp > 0x7f {
				return bad("a regexp group may only contain ASCII characters")
			}
			pos = t.nextIndex
			continue
		}
		if t.cp == ')' {
			depth--
			if depth == 0 {
				pos = t.nextIndex
				break
			}
		} else if t.cp == '(' {
			depth++
			if pos == n-1 {
				return bad("unbalanced regexp group")
			}
			tmp := t.nextIndex
			t.next()
			if t.cp != '?' {
				return bad("a group nested in a regexp group must be non-capturing, as in (?:...)")
			}
			t.nextIndex = tmp
		}
		pos = t.nextIndex
	}
	if depth != 0 {
		return bad("unbalanced regexp group")
	}
	length := pos - start - 1
	if length == 0 {
		return bad("a regexp group cannot be empty")
	}
	t.add(tokRegexp, pos, start, length)
	return nil
}

func (t *tokenizer) next() {
	t.cp = t.input[t.nextIndex]
	t.nextIndex++
}

func (t *tokenizer) seek(i int) {
	t.nextIndex = i
	t.next()
}

func (t *tokenizer) add(typ tokenType, next, valuePos, valueLen int) {
	t.tokens = append(t.tokens, token{typ: typ, index: t.index, value: string(t.input[valuePos : valuePos+valueLen])})
	t.index = next
}

func (t *tokenizer) addLen(typ tokenType, next, valuePos int) {
	t.add(typ, next, valuePos, next-valuePos)
}

func (t *tokenizer) addDefault(typ tokenType) { t.addLen(typ, t.nextIndex, t.index) }

// fail is "process a tokenizing error": an error under the strict policy,
// an invalid-char token under the lenient one.
func (t *tokenizer) fail(next, valuePos int, why string) error {
	if t.policy == strict {
		return &syntaxError{input: string(t.input), pos: valuePos, why: why}
	}
	t.addLen(tokInvalidChar, next, valuePos)
	return nil
}

// isNameCodePoint is "is a valid name code point": IdentifierStart for the
// first code point of a group name, IdentifierPart after it.
func isNameCodePoint(c rune, first bool) bool {
	if c == '$' || c == '_' {
		return true
	}
	if first {
		return isIDStart(c)
	}
	return c == 0x200C || c == 0x200D || isIDContinue(c)
}

// isIDStart is the ID_Start property, derived as in Unicode's
// DerivedCoreProperties.txt from Go's tables.
func isIDStart(c rune) bool {
	if unicode.Is(unicode.Pattern_Syntax, c) || unicode.Is(unicode.Pattern_White_Space, c) {
		return false
	}
	return unicode.IsLetter(c) || unicode.Is(unicode.Nl, c) || unicode.Is(unicode.Other_ID_Start, c)
}

// isIDContinue is the ID_Continue property.
func isIDContinue(c rune) bool {
	if isIDStart(c) {
		return true
	}
	if unicode.Is(unicode.Pattern_Syntax, c) || unicode.Is(unicode.Pattern_White_Space, c) {
		return false
	}
	return unicode.In(c, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}
