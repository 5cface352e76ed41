package locale

import (
	"errors"
	"sort"
	"strings"
)

// ErrMalformed is the error for a string that is not a structurally valid
// Unicode BCP 47 locale identifier (ECMA-402 IsStructurallyValidLanguageTag).
var ErrMalformed = errors.New("not a structurally valid language tag")

// ID is a parsed unicode_locale_id, its subtags in canonical case.
type ID struct {
	Language string   // "en"; "und" when the tag has no language
	Script   string   // "Latn" or ""
	Region   string   // "US", "419" or ""
	Variants []string // lower case, in tag order until canonicalized (then sorted)

	// Unicode extension (-u-): attributes in order, then keywords in order.
	Attributes []string
	Keywords   []Keyword

	// Transformed extension (-t-): its language (may be nil) and fields.
	TLang   *ID
	TFields []Keyword
	HasT    bool

	// Other extensions, each "a-xyz-..." (singleton first), and the private
	// use part after "-x-" (without it).
	Others  []string
	Private string
}

// Keyword is a key and its value ("" for a key with no type).
type Keyword struct{ Key, Value string }

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z') {
			return false
		}
	}
	return true
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func upper(s string) string { return strings.ToUpper(s) }

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

func isLanguage(s string) bool {
	return (len(s) >= 2 && len(s) <= 3 || len(s) >= 5 && len(s) <= 8) && isAlpha(s)
}
func isScript(s string) bool { return len(s) == 4 && isAlpha(s) }
func isRegion(s string) bool {
	return len(s) == 2 && isAlpha(s) || len(s) == 3 && isDigit(s)
}
func isVariant(s string) bool {
	return len(s) >= 5 && len(s) <= 8 && isAlnum(s) || len(s) == 4 && s[0] >= '0' && s[0] <= '9' && isAlnum(s)
}

// Parse reads tag as a unicode_locale_id, as ECMA-402's
// IsStructurallyValidLanguageTag accepts it: no duplicate variants or
// singletons, none of UTS 35's backwards-compatible forms ("root", a tag
// that starts with a script, "_" separators). Subtags come back in
// canonical case; nothing else is changed.
func Parse(tag string) (ID, error) {
	var id ID
	if tag == "" || tag[0] == '-' || tag[len(tag)-1] == '-' || strings.Contains(tag, "--") {
		return id, ErrMalformed
	}
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		if !(c == '-' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z') {
			return id, ErrMalformed
		}
	}
	parts := strings.Split(tag, "-")
	i, err := parseLanguageID(parts, &id, false)
	if err != nil {
		return id, err
	}
	seen := map[byte]bool{}
	for i < len(parts) {
		s := lower(parts[i])
		if len(s) != 1 {
			return id, ErrMalformed
		}
		c := s[0]
		if seen[c] {
			return id, ErrMalformed
		}
		seen[c] = true
		i++
		switch c {
		case 'x':
			if i == len(parts) {
				return id, ErrMalformed
			}
			for _, p := range parts[i:] {
				if len(p) < 1 || len(p) > 8 {
					return id, ErrMalformed
				}
			}
			id.Private = lower(strings.Join(parts[i:], "-"))
			return id, nil
		case 'u':
			j := i
			for j < len(parts) && len(parts[j]) >= 3 && len(parts[j]) <= 8 {
				id.Attributes = append(id.Attributes, lower(parts[j]))
				j++
			}
			for j < len(parts) && len(parts[j]) == 2 {
				k := lower(parts[j])
				if !isAlnum(k[:1]) || !isAlpha(k[1:]) {
					return id, ErrMalformed
				}
				j++
				var vals []string
				for j < len(parts) && len(parts[j]) >= 3 && len(parts[j]) <= 8 {
					vals = append(vals, lower(parts[j]))
					j++
				}
				id.Keywords = append(id.Keywords, Keyword{k, strings.Join(vals, "-")})
			}
			if j == i {
				return id, ErrMalformed
			}
			i = j
		case 't':
			id.HasT = true
			j := i
			if j < len(parts) && isLanguage(parts[j]) {
				var tl ID
				n, err := parseLanguageID(parts[j:], &tl, true)
				if err != nil {
					return id, err
				}
				id.TLang = &tl
				j += n
			}
			for j < len(parts) && len(parts[j]) == 2 && isAlpha(parts[j][:1]) && isDigit(parts[j][1:]) {
				k := lower(parts[j])
				j++
				var vals []string
				for j < len(parts) && len(parts[j]) >= 3 && len(parts[j]) <= 8 && isAlnum(parts[j]) {
					vals = append(vals, lower(parts[j]))
					j++
				}
				if len(vals) == 0 {
					return id, ErrMalformed
				}
				id.TFields = append(id.TFields, Keyword{k, strings.Join(vals, "-")})
			}
			if j == i {
				return id, ErrMalformed
			}
			i = j
		default:
			j := i
			for j < len(parts) && len(parts[j]) >= 2 && len(parts[j]) <= 8 {
				j++
			}
			if j == i {
				return id, ErrMalformed
			}
			id.Others = append(id.Others, string(c)+"-"+lower(strings.Join(parts[i:j], "-")))
			i = j
		}
	}
	return id, nil
}

// parseLanguageID reads a unicode_language_id from parts into id and says
// how many parts it took. In a -t- extension (inT) the language is
// required and a following part that is no subtag ends it.
func parseLanguageID(parts []string, id *ID, inT bool) (int, error) {
	i := 0
	if !isLanguage(parts[0]) {
		return 0, ErrMalformed
	}
	id.Language = lower(parts[0])
	if id.Language == "root" && !inT {
		return 0, ErrMalformed
	}
	i++
	if i < len(parts) && isScript(parts[i]) {
		id.Script = title(parts[i])
		i++
	}
	if i < len(parts) && isRegion(parts[i]) {
		id.Region = upper(parts[i])
		i++
	}
	for i < len(parts) && isVariant(parts[i]) {
		v := lower(parts[i])
		for _, w := range id.Variants {
			if w == v {
				return 0, ErrMalformed
			}
		}
		id.Variants = append(id.Variants, v)
		i++
	}
	return i, nil
}

// String writes id as a tag, in the order its fields hold.
func (id ID) String() string {
	var b strings.Builder
	id.writeLanguageID(&b)
	type ext struct {
		s    byte
		text string
	}
	var exts []ext
	if id.HasT {
		var t strings.Builder
		t.WriteString("t")
		if id.TLang != nil {
			t.WriteByte('-')
			id.TLang.writeLanguageID(&t)
		}
		for _, f := range id.TFields {
			t.WriteString("-" + f.Key + "-" + f.Value)
		}
		exts = append(exts, ext{'t', t.String()})
	}
	if len(id.Attributes) > 0 || len(id.Keywords) > 0 {
		var u strings.Builder
		u.WriteString("u")
		for _, a := range id.Attributes {
			u.WriteString("-" + a)
		}
		for _, k := range id.Keywords {
			u.WriteString("-" + k.Key)
			if k.Value != "" {
				u.WriteString("-" + k.Value)
			}
		}
		exts = append(exts, ext{'u', u.String()})
	}
	for _, o := range id.Others {
		exts = append(exts, ext{o[0], o})
	}
	sort.SliceStable(exts, func(i, j int) bool { return exts[i].s < exts[j].s })
	for _, e := range exts {
		b.WriteString("-" + e.text)
	}
	if id.Private != "" {
		b.WriteString("-x-" + id.Private)
	}
	return b.String()
}

func (id ID) writeLanguageID(b *strings.Builder) {
	b.WriteString(id.Language)
	if id.Script != "" {
		b.WriteString("-" + id.Script)
	}
	if id.Region != "" {
		b.WriteString("-" + id.Region)
	}
	for _, v := range id.Variants {
		b.WriteString("-" + v)
	}
}

// BaseName is the language id alone: "de-Latn-DE-1996".
func (id ID) BaseName() string {
	var b strings.Builder
	id.writeLanguageID(&b)
	return b.String()
}

// Keyword gives the value of the -u- key k and whether it is there.
func (id ID) Keyword(k string) (string, bool) {
	for _, kw := range id.Keywords {
		if kw.Key == k {
			return kw.Value, true
		}
	}
	return "", false
}

// SetKeyword sets (or, with remove, drops) the -u- key k.
func (id *ID) SetKeyword(k, v string, remove bool) {
	out := id.Keywords[:0:0]
	done := false
	for _, kw := range id.Keywords {
		if kw.Key == k {
			if !remove && !done {
				out = append(out, Keyword{k, v})
				done = true
			}
			continue
		}
		out = append(out, kw)
	}
	if !remove && !done {
		out = append(out, Keyword{k, v})
	}
	id.Keywords = out
}
