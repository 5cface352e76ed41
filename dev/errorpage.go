package dev

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"edgedev/runtime"
)

// writeErrorPage answers a failed request with 500: plain text (the message
// and the source-mapped stack) for clients that do not ask for HTML, and
// for browsers a page in the spirit of Vite's overlay and wrangler's error
// page: the message, a code frame of the source around the throwing line
// with a caret, every stack frame expandable to its own code frame,
// node_modules frames folded, the request (method, URL, headers, cf, the
// simulated location), and, for a loopback client, an "open in editor"
// link and a link to the request in the dashboard's log (id 0: none).
func (s *Server) writeErrorPage(rw http.ResponseWriter, r *http.Request, err error, id uint64, location string) {
	h := rw.Header()
	h.Set("Cache-Control", "no-store")
	if !strings.Contains(r.Header.Get("Accept"), "text/html") {
		h.Set("Content-Type", "text/plain; charset=utf-8")
		rw.WriteHeader(http.StatusInternalServerError)
		_, _ = rw.Write([]byte(err.Error() + "\n"))
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(http.StatusInternalServerError)
	_ = errorPage.Execute(rw, s.errorPageData(r, err, id, location))
}

type errorPageData struct {
	Message, Stack string
	Method, URL    string
	Frames         []*errorFrame // the frames outside node_modules, in stack order, with vendor runs folded between them
	Headers        [][2]string
	Location       string
	CF             string
	LogLink        string
}

// errorFrame is one stack frame, or a folded run of node_modules frames
// (Folded set).
type errorFrame struct {
	Func, File string
	Line, Col  int
	Raw        string
	Code       []codeLine
	Editor     template.URL // vscode://file/...:line:col; loopback clients only
	Open       bool         // the first frame of the user's code: shown expanded
	Folded     []*errorFrame
}

type codeLine struct {
	N     int
	Text  string
	Here  bool
	Caret string // the whitespace before the caret, tabs kept
}

// stackLine is one V8-style frame: "    at fn (file:line:col)" or
// "    at file:line:col".
var stackLine = regexp.MustCompile(`^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$`)

// codeContext is how many lines the code frame shows around the line.
const codeContext = 3

func (s *Server) errorPageData(r *http.Request, err error, id uint64, location string) *errorPageData {
	msg, stack, _ := strings.Cut(err.Error(), "\n")
	d := &errorPageData{Message: msg, Stack: stack, Method: r.Method, URL: r.URL.RequestURI(), Location: location}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	local := ip != nil && ip.IsLoopback()
	if id != 0 && local {
		d.LogLink = fmt.Sprintf("%s#requests/%d", DashboardPath, id)
	}
	for _, k := range slices.Sorted(maps.Keys(r.Header)) {
		for _, v := range r.Header[k] {
			d.Headers = append(d.Headers, [2]string{k, v})
		}
	}
	cf := runtime.DefaultCF()
	if location != "" {
		cf["colo"] = location
	}
	if b, err := json.MarshalIndent(cf, "", "  "); err == nil {
		d.CF = string(b)
	}
	files := map[string][]string{}
	var fold *errorFrame
	opened := false
	for _, ln := range strings.Split(stack, "\n") {
		m := stackLine.FindStringSubmatch(ln)
		if m == nil {
			continue
		}
		f := &errorFrame{Func: m[1], File: m[2], Raw: strings.TrimSpace(ln)}
		fmt.Sscan(m[3], &f.Line)
		fmt.Sscan(m[4], &f.Col)
		if abs := s.sourcePath(f.File); abs != "" {
			f.Code = codeFrame(files, abs, f.Line, f.Col)
			if local {
				f.Editor = template.URL(fmt.Sprintf("vscode://file/%s:%d:%d", strings.TrimPrefix(filepath.ToSlash(abs), "/"), f.Line, f.Col))
			}
		}
		if strings.Contains(f.File, "node_modules/") {
			if fold == nil {
				fold = &errorFrame{}
				d.Frames = append(d.Frames, fold)
			}
			fold.Folded = append(fold.Folded, f)
			continue
		}
		fold = nil
		if !opened && f.Code != nil {
			f.Open, opened = true, true
		}
		d.Frames = append(d.Frames, f)
	}
	return d
}

// sourcePath is the file a stack frame names, made absolute against the
// project directory; "" when it is not a readable file (a frame of
// edgedev's own JS, "<anonymous>", native code).
func (s *Server) sourcePath(file string) string {
	if s.cfg == nil || file == "" || strings.ContainsAny(file, "<>") {
		return ""
	}
	p := file
	if !filepath.IsAbs(p) {
		p = filepath.Join(s.cfg.Dir, p)
	}
	if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() || fi.Size() > 4<<20 {
		return ""
	}
	return p
}

// codeFrame is the lines around line (1-based) of file, with a caret under
// column col (1-based). files caches the files read for this page.
func codeFrame(files map[string][]string, path string, line, col int) []codeLine {
	lines, ok := files[path]
	if !ok {
		f, err := os.Open(path)
		if err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 64<<10), 4<<20)
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			f.Close()
		}
		files[path] = lines
	}
	if line < 1 || line > len(lines) {
		return nil
	}
	var out []codeLine
	for n := max(1, line-codeContext); n <= min(len(lines), line+codeContext); n++ {
		cl := codeLine{N: n, Text: lines[n-1], Here: n == line}
		if cl.Here {
			var b strings.Builder
			for i, c := range cl.Text {
				if i >= col-1 {
					break
				}
				if c == '\t' {
					b.WriteByte('\t')
				} else {
					b.WriteByte(' ')
				}
			}
			cl.Caret = b.String()
		}
		out = append(out, cl)
	}
	return out
}

var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>500 · {{.Message}}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#222}
h1{font-size:1.15rem;color:#b00020;white-space:pre-wrap;word-break:break-word;margin:.2rem 0 1rem}
h2{font-size:.95rem;margin:1.4rem 0 .4rem;color:#444}
pre{background:#f6f6f6;padding:.8rem;overflow:auto;border-radius:6px;margin:.3rem 0;font:12.5px/1.5 ui-monospace,Menlo,monospace}
.frame{border:1px solid #e3e3e3;border-radius:6px;margin:.4rem 0;background:#fff}
.frame>summary{cursor:pointer;padding:.35rem .6rem;font:13px ui-monospace,Menlo,monospace}
.frame>summary .fn{font-weight:600}.frame>summary .at{color:#666}
.frame pre{margin:0 .6rem .6rem}
.code .n{color:#999;display:inline-block;min-width:3ch;text-align:right;margin-right:1ch;user-select:none}
.code .here{background:#fde7ea;display:block}.code .caret{color:#b00020;font-weight:700}
.vendor{color:#777}.vendor>summary{font-style:italic}
a{color:#b45309}
table{border-collapse:collapse;font:12.5px ui-monospace,Menlo,monospace}td{padding:.1rem .6rem .1rem 0;vertical-align:top;word-break:break-all}
td:first-child{color:#666;white-space:nowrap}
.links{display:flex;gap:1rem;flex-wrap:wrap;color:#666;font-size:13px}
</style></head><body>
<p class="links"><span>500 · {{.Method}} {{.URL}}{{if .Location}} at {{.Location}}{{end}} · edgedev dev</span>{{if .LogLink}}<a id="log-link" href="{{.LogLink}}">this request in the dashboard's log</a>{{end}}</p>
<h1>{{.Message}}</h1>
{{range .Frames}}{{if .Folded}}<details class="frame vendor"><summary>{{len .Folded}} frame{{if gt (len .Folded) 1}}s{{end}} in node_modules</summary>{{range .Folded}}{{template "frame" .}}{{end}}</details>
{{else}}{{template "frame" .}}{{end}}{{end}}
{{if not .Frames}}<pre>{{.Stack}}</pre>{{end}}
<h2>Stack</h2>
<pre id="stack">{{.Message}}
{{.Stack}}</pre>
<h2>Request</h2>
<table id="request"><tr><td>method</td><td>{{.Method}}</td></tr><tr><td>url</td><td>{{.URL}}</td></tr>{{if .Location}}<tr><td>location</td><td>{{.Location}} (simulated)</td></tr>{{end}}
{{range .Headers}}<tr><td>{{index . 0}}</td><td>{{index . 1}}</td></tr>{{end}}</table>
<details><summary>request.cf</summary><pre id="cf">{{.CF}}</pre></details>
<p class="links">Fix the code and reload.</p>
</body></html>
{{define "frame"}}<details class="frame"{{if .Open}} open{{end}}><summary><span class="fn">{{if .Func}}{{.Func}}{{else}}(anonymous){{end}}</span> <span class="at">{{.File}}:{{.Line}}:{{.Col}}</span>{{if .Editor}} · <a href="{{.Editor}}">open in editor</a>{{end}}</summary>
{{if .Code}}<pre class="code">{{range .Code}}{{if .Here}}<span class="here"><span class="n">{{.N}}</span>{{.Text}}</span><span class="n"></span>{{.Caret}}<span class="caret">^</span>
{{else}}<span class="n">{{.N}}</span>{{.Text}}
{{end}}{{end}}</pre>{{else}}<pre>{{.Raw}}</pre>{{end}}</details>{{end}}`))
