package d1

// Splitting an SQL file into statements the way `wrangler d1 execute --file`
// and `wrangler d1 migrations apply` do (workers-sdk packages/wrangler/src/
// d1/splitter.ts, itself after atdatabases' split-sql-query): on ";" outside
// quotes ('...', "...", `...`, $tag$...$tag$) and comments (-- to the end of
// the line, /* ... */), keeping the ";" inside a compound block that a
// whitespace-delimited BEGIN opens and END closes (a trigger body). Comments
// stay with the statement that follows them.

import (
	"errors"
	"regexp"
	"strings"
	"unicode"
)

// ErrSeveralTransactions is wrangler's refusal of a file that still holds a
// BEGIN TRANSACTION once the first one (a sqlite3 .dump wrapper) is gone.
var ErrSeveralTransactions = errors.New("Wrangler could not process the provided SQL file, as it contains several transactions.\nD1 runs your SQL in a transaction for you.\nPlease export an SQL file from your SQLite database and try again.")

// PrepareFile is what wrangler does to a file before splitting it: the
// first "BEGIN TRANSACTION;" and the first "COMMIT;" are removed (a
// sqlite3 .dump wraps its output in them), and another BEGIN TRANSACTION
// is an error, since D1 runs the file as one transaction already.
func PrepareFile(sql string) (string, error) {
	sql = strings.Replace(sql, "BEGIN TRANSACTION;", "", 1)
	sql = strings.Replace(sql, "COMMIT;", "", 1)
	if strings.Contains(sql, "BEGIN TRANSACTION") {
		return "", ErrSeveralTransactions
	}
	return sql, nil
}

// Split returns the statements of sql, trimmed, without empty ones. Text
// with at most one ";", at its end, is returned whole.
func Split(sql string) []string {
	trimmed := strings.TrimRightFunc(sql, unicode.IsSpace)
	if i := strings.IndexByte(trimmed, ';'); i == -1 || i == len(trimmed)-1 {
		return []string{sql}
	}
	var out []string
	var b strings.Builder
	depth := 0 // open compound blocks
	rs := []rune(sql)
	n := len(rs)
	untilMarker := func(i int, marker string) int {
		// consume from i until the text consumed ends with marker
		start := b.Len()
		for ; i < n; i++ {
			b.WriteRune(rs[i])
			if strings.HasSuffix(b.String()[start:], marker) {
				return i + 1
			}
		}
		return i
	}
	for i := 0; i < n; {
		c := rs[i]
		if depth > 0 && compoundEnd.MatchString(tail(b.String(), 5)+string(c)) {
			depth--
		}
		switch c {
		case '\'', '"', '`':
			b.WriteRune(c)
			i = untilMarker(i+1, string(c))
		case '$':
			start := b.Len()
			b.WriteRune(c)
			i++
			for i < n {
				b.WriteRune(rs[i])
				r := rs[i]
				i++
				if r == '$' || !(r == '_' || unicode.IsDigit(r) || unicode.ToLower(r) != unicode.ToUpper(r)) {
					break
				}
			}
			if tag := b.String()[start:]; len(tag) > 1 && strings.HasSuffix(tag, "$") {
				i = untilMarker(i, tag)
			}
		case '-':
			b.WriteRune(c)
			i++
			if i < n && rs[i] == '-' {
				b.WriteRune('-')
				i = untilMarker(i+1, "\n")
			} else {
				continue
			}
		case '/':
			b.WriteRune(c)
			i++
			if i < n && rs[i] == '*' {
				b.WriteRune('*')
				i = untilMarker(i+1, "*/")
			} else {
				continue
			}
		case ';':
			if depth == 0 {
				out = append(out, b.String())
				b.Reset()
			} else {
				b.WriteRune(c)
			}
			i++
		default:
			b.WriteRune(c)
			i++
		}
		if compoundStart.MatchString(tail(b.String(), 8)) {
			depth++
		}
	}
	out = append(out, b.String())
	kept := out[:0]
	for _, s := range out {
		if s = strings.TrimSpace(s); s != "" {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return []string{sql}
	}
	return kept
}

// tail is the last n bytes of s (the markers are ASCII, so a cut rune
// cannot match them).
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

var (
	compoundStart = regexp.MustCompile(`\sBEGIN\s$`)
	compoundEnd   = regexp.MustCompile(`\sEND[;\s]$`)
)

// OnlyComments reports whether sql holds no statement: only blanks and
// comments. Such statements are dropped before a call runs, as Miniflare
// drops them.
func OnlyComments(sql string) bool {
	for i := 0; i < len(sql); {
		switch {
		case strings.HasPrefix(sql[i:], "--"):
			j := strings.IndexByte(sql[i:], '\n')
			if j < 0 {
				return true
			}
			i += j + 1
		case strings.HasPrefix(sql[i:], "/*"):
			j := strings.Index(sql[i+2:], "*/")
			if j < 0 {
				return true
			}
			i += j + 4
		case strings.ContainsRune(" \t\n\r\v\f;", rune(sql[i])):
			i++
		default:
			return false
		}
	}
	return true
}
