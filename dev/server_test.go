package dev_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/dev"
	"edgedev/kvcontrol"
)

// syncBuffer is an io.Writer tests can read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// project writes files (path -> content) into a temp dir.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyDir copies a project (e.g. examples/worker) into a temp dir.
func copyDir(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if fi.IsDir() {
			if fi.Name() == "node_modules" || fi.Name() == ".edgedev" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

type running struct {
	srv      *dev.Server
	url      string
	out, err *syncBuffer
	stateDir string // where the server writes its control token
}

func start(t testing.TB, opts dev.Options) *running {
	t.Helper()
	r := &running{out: &syncBuffer{}, err: &syncBuffer{}}
	opts.Port = -1
	opts.Stdout, opts.Stderr = r.out, r.err
	srv, err := dev.New(opts)
	if err != nil {
		t.Fatalf("dev.New: %v", err)
	}
	if err := srv.Start(); err != nil {
		t.Fatalf("Start: %v", err)
	}
	r.srv, r.url = srv, srv.URL()
	r.stateDir = opts.PersistTo
	if r.stateDir == "" {
		r.stateDir = filepath.Join(opts.Dir, ".edgedev", "state")
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	})
	return r
}

type reply struct {
	status int
	header http.Header
	body   string
}

// body GETs path and returns the body ("" on error).
func (r *running) body(t testing.TB, path string) string {
	resp, err := http.Get(r.url + path)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func (r *running) do(t testing.TB, method, path, body string, hdr ...string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, r.url+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(path, "/cdn-cgi/edgedev/") && method != "GET" {
		req.Header.Set(kvcontrol.TokenHeader, r.token(t)) // as a tool that read the token file does
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, string(b)}
}

// token is the server's control token, from its state directory.
func (r *running) token(t testing.TB) string {
	t.Helper()
	tok, err := kvcontrol.ReadToken(r.stateDir)
	if err != nil || tok == "" {
		t.Fatalf("control token in %s: %q %v", r.stateDir, tok, err)
	}
	return tok
}

func TestExampleWorker(t *testing.T) {
	dir := copyDir(t, "../examples/worker")
	if err := os.WriteFile(filepath.Join(dir, ".dev.vars"), []byte("API_TOKEN=\"t0k\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := start(t, dev.Options{Dir: dir})
	if !strings.Contains(r.out.String(), "env.API_TOKEN") || !strings.Contains(r.out.String(), "(hidden)") {
		t.Errorf("banner does not list the secret as hidden:\n%s", r.out)
	}
	cases := []struct {
		name, method, path, body string
		hdr                      []string
		status                   int
		want                     string
	}{
		{"text route with a var", "GET", "/", "", nil, 200, "Hello from edgedev!\n"},
		{"params", "GET", "/api/greet/Ann%20Lee", "", nil, 200, `{"message":"Hello, Ann Lee!"}`},
		{"JSON body", "POST", "/api/echo", `{"a":[1,2]}`, []string{"Content-Type", "application/json"}, 200, `{"received":{"a":[1,2]},"contentType":"application/json"}`},
		{"bad JSON body", "POST", "/api/echo", `{`, nil, 400, `{"error":"body must be JSON"}`},
		{"typed vars", "GET", "/api/config", "", nil, 200, `{"greeting":"Hello","pageSize":20,"features":{"beta":true,"theme":"dark"},"hasToken":true}`},
		{"secret: wrong token", "GET", "/api/private", "", []string{"Authorization", "Bearer nope"}, 401, `{"error":"unauthorized"}`},
		{"secret: right token", "GET", "/api/private", "", []string{"Authorization", "Bearer t0k"}, 200, `{"secret":"the cake is a lie"}`},
		{"sha-256", "POST", "/api/hash", "abc", nil, 200, `{"sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","bytes":3}`},
		{"not found", "GET", "/nope", "", nil, 404, `{"error":"not found","path":"/nope"}`},
		{"method not allowed", "DELETE", "/api/uuid", "", nil, 405, `{"error":"method not allowed"}`},
		{"streamed body", "GET", "/api/stream", "", nil, 200, "chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := r.do(t, c.method, c.path, c.body, c.hdr...)
			if got.status != c.status || got.body != c.want {
				t.Errorf("%s %s = %d %q, want %d %q", c.method, c.path, got.status, got.body, c.status, c.want)
			}
		})
	}
	t.Run("two Set-Cookie headers", func(t *testing.T) {
		got := r.do(t, "GET", "/api/cookies", "")
		if c := got.header.Values("Set-Cookie"); len(c) != 2 || c[0] != "session=abc; Path=/; HttpOnly" || c[1] != "theme=dark; Path=/" {
			t.Errorf("Set-Cookie = %q", c)
		}
	})
	t.Run("uuid", func(t *testing.T) {
		got := r.do(t, "GET", "/api/uuid", "")
		if got.status != 200 || len(got.body) != len(`{"uuid":"`)+36+2 {
			t.Errorf("got %d %s", got.status, got.body)
		}
	})
	t.Run("a throw gives 500 with the .ts stack, and the next request works", func(t *testing.T) {
		got := r.do(t, "GET", "/boom", "")
		if got.status != 500 || !strings.Contains(got.body, "Error: something went wrong") || !strings.Contains(got.body, "src/index.ts:") {
			t.Errorf("got %d %q", got.status, got.body)
		}
		html := r.do(t, "GET", "/boom", "", "Accept", "text/html")
		if !strings.Contains(html.header.Get("Content-Type"), "text/html") || !strings.Contains(html.body, "src/index.ts:") {
			t.Errorf("HTML error page: %q", html.body)
		}
		if again := r.do(t, "GET", "/", ""); again.status != 200 {
			t.Errorf("next request: %d", again.status)
		}
		if log := r.out.String(); !strings.Contains(log, "GET /boom 500") || !strings.Contains(log, "src/index.ts:") {
			t.Errorf("log lacks the failed request and its stack:\n%s", log)
		}
	})
	t.Run("waitUntil runs after the response", func(t *testing.T) {
		got := r.do(t, "GET", "/api/slow", "")
		if got.status != 200 {
			t.Fatalf("status %d", got.status)
		}
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(r.out.String(), "background work finished") {
			if time.Now().After(deadline) {
				t.Fatalf("waitUntil work never logged:\n%s", r.out)
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
}

// A bundle-lint finding reaches the terminal once per build, located in the
// user's file, with one "warning:" and the hint.
func TestLintWarningPrinted(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": "name = \"w\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2024-09-01\"\n",
		"src/index.ts":  "export default {\n  async fetch() {\n    const c = caches.default;\n    return new Response(String(c));\n  },\n};\n",
	})
	r := start(t, dev.Options{Dir: dir})
	stderr := r.err.String()
	want := "src/index.ts:3:15: warning: the Cache API (caches) is not available in edgedev yet"
	if !strings.Contains(stderr, want) || strings.Count(stderr, "warning:") != 1 {
		t.Fatalf("stderr does not carry the lint warning once as %q:\n%s", want, stderr)
	}
	if !strings.Contains(stderr, `hint: guard it with typeof caches !== "undefined"`) {
		t.Errorf("stderr lacks the hint:\n%s", stderr)
	}
	if got := r.do(t, "GET", "/", ""); got.status != 500 || !strings.Contains(got.body, "caches is not defined") {
		t.Errorf("GET / = %d %q; want the ReferenceError the warning announced", got.status, got.body)
	}
}
