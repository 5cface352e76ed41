package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DevVars are the local secrets for `edgedev dev`, read from the directory of
// the config file. They override [vars] of the same name.
type DevVars struct {
	// Path is the first file the values came from; "" when there is none.
	Path string
	// Files are all files read, in the order they were applied (more than
	// one only for the .env fallback, where later files override earlier).
	Files []string
	// Vars are the values, in order of first appearance; every Value is a
	// string.
	Vars []Var
	// DotEnv is true when no .dev.vars file existed and the values came from
	// .env files. wrangler skips that fallback when the environment variable
	// CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV is "false"; the caller, which owns
	// the process environment, can drop the result in that case.
	DotEnv bool
}

// LoadDevVars reads the dev secrets next to the config, with wrangler's rules:
// with env set, .dev.vars.<env> if it exists, else .dev.vars (one file, never
// merged). If neither exists, the .env files are read instead and merged in
// this order, later overriding earlier: .env, .env.local, and with env set
// .env.<env>, .env.<env>.local. No file at all is not an error.
//
// Syntax is dotenv's: NAME=value lines, an optional "export " prefix, values
// in "double quotes" (with \n, \r, \t, \" and \\ escapes, and able to span
// lines), 'single quotes' or `backticks` (taken literally), or unquoted (up to
// a #, trimmed); blank lines and # comments are skipped. Every malformed line
// is reported at once as a *Problems naming the file and line. ${VAR}
// expansion, which wrangler applies to .env files, is not done.
func LoadDevVars(configDir, env string) (DevVars, error) {
	var candidates []string
	if env != "" {
		candidates = append(candidates, ".dev.vars."+env)
	}
	candidates = append(candidates, ".dev.vars")
	for _, name := range candidates {
		p := filepath.Join(configDir, name)
		vars, found, err := readDotenv(p)
		if err != nil {
			return DevVars{}, err
		}
		if found {
			return DevVars{Path: p, Files: []string{p}, Vars: vars}, nil
		}
	}

	names := []string{".env", ".env.local"}
	if env != "" {
		names = append(names, ".env."+env, ".env."+env+".local")
	}
	out := DevVars{DotEnv: true}
	index := map[string]int{}
	for _, name := range names {
		p := filepath.Join(configDir, name)
		vars, found, err := readDotenv(p)
		if err != nil {
			return DevVars{}, err
		}
		if !found {
			continue
		}
		out.Files = append(out.Files, p)
		for _, v := range vars {
			if i, ok := index[v.Name]; ok {
				out.Vars[i] = v
				continue
			}
			index[v.Name] = len(out.Vars)
			out.Vars = append(out.Vars, v)
		}
	}
	if len(out.Files) == 0 {
		return DevVars{}, nil
	}
	out.Path = out.Files[0]
	return out, nil
}

// readDotenv reads and parses one dotenv file; found is false if it does not
// exist.
func readDotenv(path string) (vars []Var, found bool, err error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read dev vars: %w", err)
	}
	vars, problems := parseDotenv(string(src), path)
	if len(problems) > 0 {
		return nil, true, &Problems{File: path, List: problems}
	}
	return vars, true, nil
}

// parseDotenv parses dotenv text; a name given twice keeps its first position
// and its last value, as dotenv does.
func parseDotenv(src, file string) ([]Var, []Diagnostic) {
	src = strings.TrimPrefix(src, "\ufeff")
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var vars []Var
	var problems []Diagnostic
	index := map[string]int{}
	bad := func(line int, key, hint, format string, args ...any) {
		problems = append(problems, Diagnostic{File: file, Line: line, Key: key, Message: fmt.Sprintf(format, args...), Hint: hint})
	}

	for i := 0; i < len(lines); i++ {
		lineNo := i + 1
		s := strings.TrimLeft(lines[i], " \t")
		if s == "" || s[0] == '#' {
			continue
		}
		if rest, ok := strings.CutPrefix(s, "export"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			s = strings.TrimLeft(rest, " \t")
		}
		n := 0
		for n < len(s) && isDotenvNameByte(s[n]) {
			n++
		}
		name, rest := s[:n], strings.TrimLeft(s[n:], " \t")
		switch {
		case name == "" || rest == "" || (rest[0] != '=' && rest[0] != ':'):
			if eq := strings.IndexByte(s, '='); eq == 0 {
				bad(lineNo, "", "", "a variable name is missing before \"=\"")
			} else if eq > 0 {
				bad(lineNo, "", `use only letters, digits, "_", "." and "-" in names`,
					"%q is not a valid variable name", strings.TrimSpace(s[:eq]))
			} else {
				bad(lineNo, "", "", "expected NAME=value (got %q)", strings.TrimSpace(lines[i]))
			}
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t")

		var value string
		if rest != "" && (rest[0] == '"' || rest[0] == '\'' || rest[0] == '`') {
			q := rest[0]
			body, after, endLine, ok := closeQuote(lines, i, rest[1:], q)
			if !ok {
				bad(lineNo, name, "", "the %c quote opened here is never closed", q)
				continue
			}
			i = endLine
			if t := strings.TrimLeft(after, " \t"); t != "" && t[0] != '#' {
				bad(endLine+1, name, "quote the whole value, or put a # before a comment", "unexpected text after the closing quote: %q", t)
				continue
			}
			value = body
			if q == '"' {
				value = unescapeDouble(body)
			}
		} else {
			if h := strings.IndexByte(rest, '#'); h >= 0 {
				rest = rest[:h]
			}
			value = strings.TrimSpace(rest)
		}

		v := Var{Name: name, Value: value, Line: lineNo, File: file}
		if j, ok := index[name]; ok {
			vars[j] = v
			continue
		}
		index[name] = len(vars)
		vars = append(vars, v)
	}
	return vars, problems
}

// closeQuote finds the quote q that closes a value starting in rest (the text
// after the opening quote on lines[start]), possibly on a later line. It
// returns the body, the text after the closing quote, and the index of the
// line the quote closed on.
func closeQuote(lines []string, start int, rest string, q byte) (body, after string, end int, ok bool) {
	var b strings.Builder
	s := rest
	for i := start; i < len(lines); i++ {
		if i > start {
			b.WriteByte('\n')
			s = lines[i]
		}
		for j := 0; j < len(s); j++ {
			switch s[j] {
			case '\\':
				if j+1 < len(s) {
					b.WriteByte(s[j])
					j++
					b.WriteByte(s[j])
					continue
				}
			case q:
				return b.String(), s[j+1:], i, true
			}
			b.WriteByte(s[j])
		}
	}
	return "", "", start, false
}

// unescapeDouble applies the escapes of a double-quoted dotenv value.
func unescapeDouble(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '"', '\\':
			b.WriteByte(s[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func isDotenvNameByte(c byte) bool {
	return isBareKeyByte(c) || c == '.'
}

// ParseVarFlag parses the value of a --var flag, "NAME:VALUE", splitting at
// the first colon (so the value may contain colons, as URLs do). The value
// may be empty; the name may not.
func ParseVarFlag(s string) (Var, error) {
	name, value, ok := strings.Cut(s, ":")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return Var{}, fmt.Errorf("--var expects NAME:VALUE, e.g. --var API_URL:http://localhost:3000 (got %q)", s)
	}
	return Var{Name: name, Value: value}, nil
}
