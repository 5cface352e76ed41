package dev_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"edgedev/dev"
)

// dashProject is a worker with one KV namespace that serves ?key=K as the
// location it ran at saw it, and throws from a .ts helper at /boom.
func dashProject(t *testing.T) string {
	return project(t, map[string]string{
		"wrangler.toml": toml + "[vars]\nAPI_BASE = \"/v1/api\"\n[[kv_namespaces]]\nbinding = \"KV\"\nid = \"dash\"\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"d\"\ndatabase_id = \"x\"\n[[r2_buckets]]\nbinding = \"BUCKET\"\nbucket_name = \"b\"\n",
		"src/index.ts": `interface Env { KV: KVNamespace }
function explode(name: string): never {
  throw new Error("no handler for " + name);
}
export default {
  async fetch(req: Request, env: Env): Promise<Response> {
    const url = new URL(req.url);
    if (url.pathname === "/boom") explode(url.pathname);
    const key = url.searchParams.get("key") ?? "k";
    return new Response(String(await env.KV.get(key)));
  },
};
`,
	})
}

var simOn = dev.Consistency{Locations: []string{"LHR", "SIN"}, Propagation: 10_000_000_000, Cache: true, Clock: "virtual@2026-01-01T00:00:00Z"}

func (r *running) kvPut(t *testing.T, key, value string) {
	t.Helper()
	body := fmt.Sprintf(`{"namespace":"dash","key":%q,"value":%q}`, key, base64.StdEncoding.EncodeToString([]byte(value)))
	if got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/put", body); got.status != 200 {
		t.Fatalf("put %s: %d %s", key, got.status, got.body)
	}
}

func dashJSON[T any](t *testing.T, got reply) T {
	t.Helper()
	var v T
	if got.status != 200 {
		t.Fatalf("status %d: %s", got.status, got.body)
	}
	if err := json.Unmarshal([]byte(got.body), &v); err != nil {
		t.Fatalf("%v: %s", err, got.body)
	}
	return v
}

func TestDashboardPage(t *testing.T) {
	dir := dashProject(t)
	r := start(t, dev.Options{Dir: dir})
	t.Run("the banner names it", func(t *testing.T) {
		if want := "Dashboard: " + r.url + "/cdn-cgi/edgedev/\n"; !strings.Contains(r.out.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, r.out.String())
		}
	})
	t.Run("the page carries the token and keeps out of frames", func(t *testing.T) {
		got := r.do(t, "GET", "/cdn-cgi/edgedev/", "")
		if got.status != 200 || !strings.Contains(got.body, `<meta name="edgedev-token" content="`+r.token(t)+`">`) {
			t.Fatalf("page: %d %s", got.status, got.body)
		}
		if got.header.Get("X-Frame-Options") != "DENY" || !strings.Contains(got.header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("headers: %v", got.header)
		}
	})
	t.Run("its files are embedded", func(t *testing.T) {
		for path, want := range map[string]string{"ui/app.js": "const sections", "ui/app.css": "--acc"} {
			got := r.do(t, "GET", "/cdn-cgi/edgedev/"+path, "")
			if got.status != 200 || !strings.Contains(got.body, want) {
				t.Errorf("%s: %d %.100s", path, got.status, got.body)
			}
		}
		if got := r.do(t, "GET", "/cdn-cgi/edgedev/ui/nothing.js", ""); got.status != 404 {
			t.Errorf("missing file: %d", got.status)
		}
	})
	t.Run("the overview lists bindings and counts keys", func(t *testing.T) {
		for i := range 3 {
			r.kvPut(t, fmt.Sprint("key", i), "v")
		}
		ov := dashJSON[struct {
			Bindings []struct {
				Binding, Kind, Value string
				NotEmulated          bool
			}
			KV []struct {
				Binding, ID string
				Keys        int
			}
			D1 []struct {
				Binding, ID string
			}
			Simulation *struct{}
		}](t, r.do(t, "GET", "/cdn-cgi/edgedev/api/overview", ""))
		if len(ov.D1) != 1 || ov.D1[0].Binding != "DB" || ov.D1[0].ID != "x" {
			t.Errorf("d1: %+v", ov.D1)
		}
		if len(ov.KV) != 1 || ov.KV[0].Binding != "KV" || ov.KV[0].ID != "dash" || ov.KV[0].Keys != 3 {
			t.Errorf("kv: %+v", ov.KV)
		}
		var db bool
		for _, b := range ov.Bindings {
			db = db || b.Binding == "env.BUCKET" && b.NotEmulated
			if b.Binding == "env.API_BASE" && b.Value != `"/v1/api"` {
				t.Errorf("a var that looks like a path was rewritten: %s", b.Value)
			}
		}
		if !db || ov.Simulation != nil {
			t.Errorf("bindings %+v, simulation %v", ov.Bindings, ov.Simulation)
		}
	})
	t.Run("the consistency view says the simulation is off", func(t *testing.T) {
		got := r.do(t, "GET", "/cdn-cgi/edgedev/api/kv/inspect?ns=dash&key=k", "")
		if got.status != 409 || !strings.Contains(got.body, "--kv-locations") {
			t.Errorf("inspect: %d %s", got.status, got.body)
		}
	})
}

func TestDashboardOff(t *testing.T) {
	r := start(t, dev.Options{Dir: dashProject(t), NoDashboard: true})
	if strings.Contains(r.out.String(), "Dashboard:") {
		t.Errorf("banner: %s", r.out.String())
	}
	for _, p := range []string{"/cdn-cgi/edgedev/", "/cdn-cgi/edgedev/api/overview", "/cdn-cgi/edgedev/api/requests"} {
		if got := r.do(t, "GET", p, ""); got.status != 404 {
			t.Errorf("%s: %d", p, got.status)
		}
	}
	if got := r.do(t, "GET", "/cdn-cgi/edgedev/status", ""); got.status != 200 {
		t.Errorf("status endpoint: %d", got.status)
	}
}

// inspected is the consistency view of a key, as the page reads it.
type inspected struct {
	Central struct {
		Value   string
		Missing bool
	}
	Locations []struct {
		Location string
		Cached   *struct {
			Value        string
			Age, TTLLeft int64
			Stale        bool
		}
		Cold  struct{ Value string }
		Stale bool
	}
	Pending []struct {
		Value   string
		Arrives map[string]string
	}
}

func TestDashboardConsistencyView(t *testing.T) {
	r := start(t, dev.Options{Dir: dashProject(t), Consistency: simOn})
	inspect := func() inspected {
		return dashJSON[inspected](t, r.do(t, "GET", "/cdn-cgi/edgedev/api/kv/inspect?ns=dash&key=k", ""))
	}
	r.kvPut(t, "k", "v1")
	r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by=11s", "")
	if got := r.do(t, "GET", "/?key=k", "", "X-Edgedev-Location", "SIN"); got.body != "v1" {
		t.Fatalf("SIN read: %s", got.body)
	}
	r.kvPut(t, "k", "v2")

	st := inspect()
	if st.Central.Value != "v2" || len(st.Locations) != 2 || len(st.Pending) != 1 || st.Pending[0].Value != "v2" || len(st.Pending[0].Arrives) != 2 {
		t.Fatalf("after the second write: %+v", st)
	}
	sin, lhr := st.Locations[1], st.Locations[0]
	if sin.Location != "SIN" || sin.Cached == nil || sin.Cached.Value != "v1" || !sin.Cached.Stale || !sin.Stale || sin.Cached.TTLLeft != 60e9 {
		t.Errorf("SIN: %+v %+v", sin, sin.Cached)
	}
	if lhr.Cached != nil || lhr.Cold.Value != "v1" || !lhr.Stale {
		t.Errorf("LHR (no cached copy, cold read still old): %+v", lhr)
	}
	if got := r.do(t, "GET", "/?key=k", "", "X-Edgedev-Location", "SIN"); got.body != "v1" {
		t.Errorf("SIN's stale read: %s", got.body)
	}

	r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by=61s", "")
	st = inspect()
	if len(st.Pending) != 0 || st.Locations[0].Stale || st.Locations[1].Stale || st.Locations[1].Cached != nil {
		t.Errorf("after 61 s: %+v", st)
	}
	if got := r.do(t, "GET", "/?key=k", "", "X-Edgedev-Location", "SIN"); got.body != "v2" {
		t.Errorf("SIN after the cache expired: %s", got.body)
	}
	t.Run("names what is missing", func(t *testing.T) {
		if got := r.do(t, "GET", "/cdn-cgi/edgedev/api/kv/inspect?ns=dash", ""); got.status != 400 || !strings.Contains(got.body, "key=KEY") {
			t.Errorf("no key: %d %s", got.status, got.body)
		}
	})
}

func TestDashboardRequestLog(t *testing.T) {
	r := start(t, dev.Options{Dir: dashProject(t), Consistency: simOn})
	r.do(t, "GET", "/?key=a", "", "X-Edgedev-Location", "SIN")
	r.do(t, "GET", "/boom", "")
	type rec struct {
		ID              uint64
		Method, Path    string
		Status          int
		Location, Error string
		Time            string
	}
	all := dashJSON[struct{ Requests []rec }](t, r.do(t, "GET", "/cdn-cgi/edgedev/api/requests", "")).Requests
	if len(all) != 2 {
		t.Fatalf("requests: %+v", all)
	}
	if a := all[0]; a.ID != 1 || a.Path != "/?key=a" || a.Status != 200 || a.Location != "SIN" || a.Error != "" || a.Time != "2026-01-01T00:00:00Z" {
		t.Errorf("first: %+v", a)
	}
	b := all[1]
	if b.ID != 2 || b.Status != 500 || b.Location != "LHR" {
		t.Errorf("second: %+v", b)
	}
	if !regexp.MustCompile(`Error: no handler for /boom\n +at explode \(src/index\.ts:3:\d+\)\n +at fetch \(src/index\.ts:8:\d+\)`).MatchString(b.Error) {
		t.Errorf("stack is not source-mapped:\n%s", b.Error)
	}
	after := dashJSON[struct{ Requests []rec }](t, r.do(t, "GET", "/cdn-cgi/edgedev/api/requests?after=1", "")).Requests
	if len(after) != 1 || after[0].ID != 2 {
		t.Errorf("after=1: %+v", after)
	}
	if got := r.do(t, "GET", "/cdn-cgi/edgedev/api/requests?after=x", ""); got.status != 400 {
		t.Errorf("after=x: %d", got.status)
	}
	t.Run("it keeps the last 500", func(t *testing.T) {
		for range 510 {
			r.do(t, "GET", "/?key=b", "")
		}
		kept := dashJSON[struct{ Requests []rec }](t, r.do(t, "GET", "/cdn-cgi/edgedev/api/requests", "")).Requests
		if len(kept) != 500 || kept[0].ID != 13 || kept[499].ID != 512 {
			t.Errorf("kept %d, %d..%d", len(kept), kept[0].ID, kept[len(kept)-1].ID)
		}
	})
}

// TestDashboardThreatModel: each refusal, for the dashboard's own routes.
func TestDashboardThreatModel(t *testing.T) {
	r := start(t, dev.Options{Dir: dashProject(t), Consistency: simOn})
	tok := r.token(t)
	self := strings.TrimPrefix(r.url, "http://")
	send := func(method, path, host, origin, token, body string) reply {
		t.Helper()
		req, err := http.NewRequest(method, r.url+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "text/plain")
		if host != "" {
			req.Host = host
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if token != "" {
			req.Header.Set("X-Edgedev-Token", token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var sb strings.Builder
		_, _ = fmt.Fprint(&sb, resp.Status)
		b := make([]byte, 4096)
		n, _ := resp.Body.Read(b)
		return reply{status: resp.StatusCode, header: resp.Header, body: string(b[:n])}
	}
	put := `{"namespace":"dash","key":"owned","value":"eA=="}`
	t.Run("a rebound Host gets neither the page nor its token", func(t *testing.T) {
		for _, p := range []string{"/cdn-cgi/edgedev/", "/cdn-cgi/edgedev/ui/app.js", "/cdn-cgi/edgedev/api/overview", "/cdn-cgi/edgedev/api/requests", "/cdn-cgi/edgedev/api/kv/inspect?ns=dash&key=k"} {
			got := send("GET", p, "evil.example:"+strings.Split(self, ":")[1], "", "", "")
			if got.status != 403 || strings.Contains(got.body, tok) || !strings.Contains(got.body, "not Host") {
				t.Errorf("%s: %d %s", p, got.status, got.body)
			}
		}
	})
	t.Run("a cross-site page can read nothing and write nothing", func(t *testing.T) {
		for _, p := range []string{"/cdn-cgi/edgedev/", "/cdn-cgi/edgedev/api/overview"} {
			if got := send("GET", p, "", "https://evil.example", "", ""); got.status != 403 || strings.Contains(got.body, tok) {
				t.Errorf("GET %s: %d %s", p, got.status, got.body)
			}
		}
		if got := send("POST", "/cdn-cgi/edgedev/kv/put", "", "https://evil.example", tok, put); got.status != 403 {
			t.Errorf("cross-site put: %d %s", got.status, got.body)
		}
	})
	t.Run("a same-origin write without the token is refused", func(t *testing.T) {
		for _, p := range []string{"/cdn-cgi/edgedev/kv/put", "/cdn-cgi/edgedev/kv/bulk-delete", "/cdn-cgi/edgedev/clock/advance?by=1h", "/cdn-cgi/edgedev/kv/settle"} {
			if got := send("POST", p, "", "http://"+self, "", put); got.status != 403 || !strings.Contains(got.body, "control token") {
				t.Errorf("%s: %d %s", p, got.status, got.body)
			}
		}
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/get", `{"namespace":"dash","key":"owned"}`); strings.Contains(got.body, "entry") {
			t.Errorf("the key was written: %s", got.body)
		}
	})
	t.Run("the page's own write gets through", func(t *testing.T) {
		if got := send("POST", "/cdn-cgi/edgedev/kv/put", "", "http://"+self, tok, put); got.status != 200 {
			t.Errorf("same-origin put with token: %d %s", got.status, got.body)
		}
	})
}

// TestDashboardPagesDev: pages dev serves the same dashboard.
func TestDashboardPagesDev(t *testing.T) {
	r := start(t, dev.Options{Dir: copyDir(t, "../examples/pages-functions"), Pages: &dev.PagesOptions{}})
	if !strings.Contains(r.out.String(), "Dashboard: "+r.url+"/cdn-cgi/edgedev/\n") {
		t.Errorf("banner: %s", r.out.String())
	}
	ov := dashJSON[struct {
		KV []struct {
			Binding, ID string
		}
	}](t, r.do(t, "GET", "/cdn-cgi/edgedev/api/overview", ""))
	if len(ov.KV) != 1 || ov.KV[0].Binding != "SESSIONS" || ov.KV[0].ID != "sessions" {
		t.Errorf("kv: %+v", ov.KV)
	}
	if got := r.do(t, "GET", "/cdn-cgi/edgedev/", ""); got.status != 200 || !strings.Contains(got.body, "ui/app.js") {
		t.Errorf("page: %d", got.status)
	}
}
