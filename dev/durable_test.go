package dev_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/dev"
	"edgedev/durable"
)

const doToml = "name = \"rec\"\nmain = \"src/index.js\"\ncompatibility_date = \"2026-04-26\"\n\n[[durable_objects.bindings]]\nname = \"C\"\nclass_name = \"Counter\"\n\n[[migrations]]\ntag = \"v1\"\nnew_sqlite_classes = [\"Counter\"]\n"

// TestDurableObjectsMatchWrangler runs durable/testdata/probe.js (ids,
// idFromString's errors, jurisdictions, RPC with every argument kind,
// property access, the missing-method and reserved-name errors, errors
// re-thrown with class, message and properties, structured-clone results,
// the SQL cursor's shapes and errors, the KV API's list ordering and
// options, stub.fetch) and compares its answer, key by key, with what
// wrangler 4.86.0 answered for the same worker
// (durable/testdata/wrangler-4.86.0-probe.json, recorded with wrangler dev
// and curl). Only uniqName's random id differs run to run, and the probe
// prints its length, not the id.
func TestDurableObjectsMatchWrangler(t *testing.T) {
	probe, err := os.ReadFile("../durable/testdata/probe.js")
	if err != nil {
		t.Fatal(err)
	}
	wantRaw, err := os.ReadFile("../durable/testdata/wrangler-4.86.0-probe.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := project(t, map[string]string{"wrangler.toml": doToml, "src/index.js": string(probe)})
	r := start(t, dev.Options{Dir: dir})
	got := r.do(t, "GET", "/", "")
	if got.status != 200 {
		t.Fatalf("probe: %d %s\n%s", got.status, got.body, r.err)
	}
	var have, want map[string]any
	if err := json.Unmarshal([]byte(got.body), &have); err != nil {
		t.Fatalf("%v: %s", err, got.body)
	}
	if err := json.Unmarshal(wantRaw, &want); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !reflect.DeepEqual(have[k], want[k]) {
			h, _ := json.Marshal(have[k])
			w, _ := json.Marshal(want[k])
			t.Errorf("%s:\n have %s\n want %s", k, h, w)
		}
	}
}

// counterWorker is a worker with a counter object; prefix marks the code
// version so a test sees a reload.
func counterWorker(prefix string) string {
	return `import { DurableObject } from "cloudflare:workers";
export class Counter extends DurableObject {
  constructor(ctx, env) { super(ctx, env); this.hits = 0; }
  async inc(by) {
    this.hits++;
    const v = ((await this.ctx.storage.get("n")) ?? 0) + by;
    await this.ctx.storage.put("n", v);
    return v;
  }
  async slowInc(url) {
    const v = (await this.ctx.storage.get("n")) ?? 0;
    await fetch(url); // fetch() leaves the input gate open: another event may run here
    await this.ctx.storage.put("n", v + 1);
    return v + 1;
  }
  hitsSoFar() { return this.hits; }
  async fetch(request) {
    return new Response("` + prefix + ` " + (await this.ctx.storage.get("n")) + " " + this.ctx.id.toString());
  }
}
export default {
  async fetch(request, env) {
    const u = new URL(request.url);
    const stub = env.COUNTER.getByName(u.searchParams.get("name") ?? "user-42");
    if (u.pathname === "/inc") return new Response(String(await stub.inc(1)));
    if (u.pathname === "/pair") return Response.json(await Promise.all([stub.inc(1), stub.inc(1)]));
    if (u.pathname === "/hits") return new Response(String(await stub.hitsSoFar()));
    return stub.fetch(request);
  },
};
`
}

const counterToml = "name = \"counter\"\nmain = \"src/index.js\"\ncompatibility_date = \"2026-04-26\"\n\n[[durable_objects.bindings]]\nname = \"COUNTER\"\nclass_name = \"Counter\"\n\n[[migrations]]\ntag = \"v1\"\nnew_sqlite_classes = [\"Counter\"]\n"

// TestDurableObjectInputGate: concurrent increments without a lock never
// lose an update (storage calls close the input gate), across requests and
// within one request.
func TestDurableObjectInputGate(t *testing.T) {
	dir := project(t, map[string]string{"wrangler.toml": counterToml, "src/index.js": counterWorker("v1")})
	r := start(t, dev.Options{Dir: dir})
	const n = 40
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := r.do(t, "GET", "/inc", ""); got.status != 200 {
				t.Errorf("inc: %d %s", got.status, got.body)
			}
		}()
	}
	wg.Wait()
	if got := r.body(t, "/pair"); got != fmt.Sprintf("[%d,%d]", n+1, n+2) {
		t.Errorf("two increments in one request: %s, want [%d,%d]", got, n+1, n+2)
	}
	if got := r.body(t, "/"); !strings.HasPrefix(got, fmt.Sprintf("v1 %d ", n+2)) {
		t.Errorf("after %d increments: %q\n%s", n+2, got, r.err)
	}
}

// TestDurableObjectFetchOpensInputGate: an await on fetch() lets another
// event in (workerd's input gate holds only for storage), so a
// read-fetch-write sequence can lose an update, as on the platform.
func TestDurableObjectFetchOpensInputGate(t *testing.T) {
	release := make(chan struct{})
	arrived := make(chan struct{}, 2)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		arrived <- struct{}{}
		<-release
	}))
	defer slow.Close()
	src := counterWorker("v1") + `
export const slow = 1;`
	src = strings.Replace(src, `if (u.pathname === "/hits")`, `if (u.pathname === "/slow") return new Response(String(await stub.slowInc(u.searchParams.get("url"))));
    if (u.pathname === "/hits")`, 1)
	dir := project(t, map[string]string{"wrangler.toml": counterToml, "src/index.js": src})
	r := start(t, dev.Options{Dir: dir})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); r.do(t, "GET", "/slow?url="+slow.URL, "") }()
	}
	for i := 0; i < 2; i++ {
		select {
		case <-arrived:
		case <-time.After(10 * time.Second):
			t.Fatal("the second event was not delivered while the first awaited fetch()")
		}
	}
	close(release)
	wg.Wait()
	if got := r.body(t, "/"); !strings.HasPrefix(got, "v1 1 ") {
		t.Errorf("two interleaved read-fetch-write events: %q, want the lost update (1)", got)
	}
}

// TestDurableObjectRestartAndReload: the same name is the same id and the
// same storage after a restart of the server; a hot reload replaces the
// live object's code and keeps its storage; the request log names the
// object that served.
func TestDurableObjectRestartAndReload(t *testing.T) {
	dir := project(t, map[string]string{"wrangler.toml": counterToml, "src/index.js": counterWorker("v1")})
	state := t.TempDir()
	first := start(t, dev.Options{Dir: dir, PersistTo: state})
	first.body(t, "/inc")
	first.body(t, "/inc")
	before := first.body(t, "/")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := first.srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	r := start(t, dev.Options{Dir: dir, PersistTo: state, Watch: true})
	after := r.body(t, "/")
	if before == "" || after != before {
		t.Fatalf("after a restart: %q, before: %q", after, before)
	}
	if !strings.HasPrefix(after, "v1 2 ") {
		t.Fatalf("counter after two increments: %q", after)
	}
	r.body(t, "/inc")
	if got := r.body(t, "/hits"); got != "1" {
		t.Fatalf("the live object's in-memory hits: %q", got)
	}
	write(t, filepath.Join(dir, "src/index.js"), counterWorker("v2"))
	eventually(t, "the reload", func() bool { return strings.HasPrefix(r.body(t, "/"), "v2 ") })
	if got := r.body(t, "/"); !strings.HasPrefix(got, "v2 3 ") {
		t.Errorf("after the reload: %q, want the storage kept (3)", got)
	}
	if got := r.body(t, "/hits"); got != "0" {
		t.Errorf("after the reload the object runs the new code from scratch: hits %q", got)
	}
	if !strings.Contains(r.out.String()+r.err.String(), `-> Counter(idFromName "user-42")`) {
		t.Errorf("the request log does not name the object:\n%s", r.out.String())
	}
}

const alarmWorker = `import { DurableObject } from "cloudflare:workers";
export class Counter extends DurableObject {
  async alarm(info) {
    const log = (await this.ctx.storage.get("log")) ?? [];
    log.push(Date.now() + ":" + info.retryCount + ":" + info.isRetry + ":" + (await this.ctx.storage.getAlarm()));
    await this.ctx.storage.put("log", log);
    const fails = (await this.ctx.storage.get("fails")) ?? 0;
    if (fails > 0) {
      await this.ctx.storage.put("fails", fails - 1);
      throw new Error("alarm failed on purpose");
    }
  }
  async arm(at, fails) {
    await this.ctx.storage.put("fails", fails);
    await this.ctx.storage.setAlarm(at);
    return await this.ctx.storage.getAlarm();
  }
  async log() { return (await this.ctx.storage.get("log")) ?? []; }
  async bad(v) { try { await this.ctx.storage.setAlarm(v); return "no error"; } catch (e) { return e.constructor.name + ": " + e.message; } }
}
export default {
  async fetch(request, env) {
    const u = new URL(request.url);
    const stub = env.COUNTER.getByName(u.searchParams.get("name") ?? "a");
    if (u.pathname === "/arm") return Response.json(await stub.arm(Number(u.searchParams.get("at")), Number(u.searchParams.get("fails") ?? 0)));
    if (u.pathname === "/bad") return Response.json([await stub.bad(0), await stub.bad(-5)]);
    return Response.json(await stub.log());
  },
};
`

// TestDurableObjectAlarmsOnTheVirtualClock: an alarm fires when the
// virtual clock passes it, in time order across objects, with getAlarm()
// null inside the handler; a throwing alarm() is retried after 2 s, then
// 4 s, with retryCount and isRetry; an alarm in the past fires at once; an
// alarm set before a restart fires after it.
func TestDurableObjectAlarmsOnTheVirtualClock(t *testing.T) {
	dir := project(t, map[string]string{"wrangler.toml": counterToml, "src/index.js": alarmWorker})
	state := t.TempDir()
	opts := dev.Options{Dir: dir, PersistTo: state, Consistency: dev.Consistency{Clock: "virtual@2026-01-01T00:00:00Z"}}
	r := start(t, opts)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	advance := func(r *running, by string) {
		t.Helper()
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by="+by, ""); got.status != 200 {
			t.Fatalf("advance %s: %d %s", by, got.status, got.body)
		}
	}
	if got := r.body(t, "/bad"); got != `["TypeError: setAlarm() cannot be called with an alarm time <= 0","TypeError: setAlarm() cannot be called with an alarm time <= 0"]` {
		t.Errorf("setAlarm(0), setAlarm(-5): %s", got)
	}
	if got := r.body(t, fmt.Sprintf("/arm?name=b&at=%d", t0+10_000)); got != fmt.Sprint(t0+10_000) {
		t.Errorf("getAlarm after setAlarm: %s", got)
	}
	r.body(t, fmt.Sprintf("/arm?name=a&at=%d&fails=2", t0+5_000))
	time.Sleep(3 * alarmPollForTest)
	if got := r.body(t, "/?name=a"); got != "[]" {
		t.Fatalf("an alarm fired before its time: %s", got)
	}
	advance(r, "5s")
	want := fmt.Sprintf(`["%d:0:false:null"]`, t0+5_000)
	eventually(t, "the first alarm", func() bool { return r.body(t, "/?name=a") == want })
	advance(r, "2s") // the first retry, 2 s after the failure
	want = fmt.Sprintf(`["%d:0:false:null","%d:1:true:null"]`, t0+5_000, t0+7_000)
	eventually(t, "the first retry", func() bool { return r.body(t, "/?name=a") == want })
	if got := r.body(t, "/?name=b"); got != "[]" {
		t.Errorf("b's alarm (at +10 s) fired at +7 s: %s", got)
	}
	advance(r, "4s") // the second retry (4 s later), and b's alarm at +10 s
	want = fmt.Sprintf(`["%d:0:false:null","%d:1:true:null","%d:2:true:null"]`, t0+5_000, t0+7_000, t0+11_000)
	eventually(t, "the second retry", func() bool { return r.body(t, "/?name=a") == want })
	eventually(t, "b's alarm", func() bool { return r.body(t, "/?name=b") == fmt.Sprintf(`["%d:0:false:null"]`, t0+11_000) })
	if !strings.Contains(r.out.String()+r.err.String(), "alarm failed on purpose") {
		t.Errorf("the failed alarm is not in the log:\n%s\n%s", r.out, r.err)
	}

	// Set one in the future, restart (the virtual clock starts again at
	// the same instant), and it fires after the restart.
	r.body(t, fmt.Sprintf("/arm?name=c&at=%d", t0+1_000))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := r.srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	r2 := start(t, opts)
	advance(r2, "1s")
	eventually(t, "the alarm set before the restart", func() bool { return r2.body(t, "/?name=c") == fmt.Sprintf(`["%d:0:false:null"]`, t0+1_000) })
	// An alarm in the past fires at once.
	r2.body(t, fmt.Sprintf("/arm?name=d&at=%d", 1))
	eventually(t, "the alarm in the past", func() bool {
		return strings.HasPrefix(r2.body(t, "/?name=d"), fmt.Sprintf(`["%d:0:false:null"]`, t0+1_000))
	})
}

// alarmPollForTest is durable's poll interval (alarm.go), for a test
// that checks an alarm did not fire early.
const alarmPollForTest = 20 * time.Millisecond

// TestDurableObjectStartupErrors: a binding to a class the bundle does not
// export, to another worker's class, or migrations wrangler refuses, stop
// the start with a message naming the file, the binding and the fix.
func TestDurableObjectStartupErrors(t *testing.T) {
	for _, c := range []struct{ name, toml, src, want string }{
		{"class not exported", counterToml, "export default { fetch() { return new Response('x') } };",
			`Worker does not export a Durable Object class named "Counter" (durable_objects.bindings[0] "COUNTER" in wrangler.toml)`},
		{"another worker's class", strings.Replace(counterToml, "class_name = \"Counter\"", "class_name = \"Counter\"\nscript_name = \"other\"", 1), counterWorker("v1"),
			`binds class Counter of worker "other": edgedev runs one worker per server`},
		{"a migration to an existing class", counterToml + "\n[[migrations]]\ntag = \"v2\"\nnew_classes = [\"Counter\"]\n", counterWorker("v1"),
			`Cannot apply new_classes migration to existing class Counter (migration "v2"`},
		{"a rename of a class that is not there", counterToml + "\n[[migrations]]\ntag = \"v2\"\nrenamed_classes = [{ from = \"Nope\", to = \"Counter2\" }]\n", counterWorker("v1"),
			`Cannot apply renamed_classes migration to non-existent class Nope`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := project(t, map[string]string{"wrangler.toml": c.toml, "src/index.js": c.src})
			out, errs := &syncBuffer{}, &syncBuffer{}
			srv, err := dev.New(dev.Options{Dir: dir, Port: -1, Stdout: out, Stderr: errs})
			if err == nil {
				defer srv.Shutdown(context.Background())
				if err := srv.Start(); err != nil {
					t.Fatal(err)
				}
				resp, err := http.Get(srv.URL() + "/")
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if !strings.Contains(string(b)+errs.String(), c.want) {
					t.Fatalf("no start-up error; got %d %s\n%s", resp.StatusCode, b, errs)
				}
				return
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q, want it to contain %q", err, c.want)
			}
		})
	}
}

// TestCloudflareWorkersModule: a default-exported WorkerEntrypoint class
// is the handler with this.env and this.ctx; the env import is the env;
// waitUntil from the module keeps work alive after the response; a class
// that does not extend DurableObject serves fetch but refuses RPC.
func TestCloudflareWorkersModule(t *testing.T) {
	toml := counterToml + "\n[vars]\nGREETING = \"hi\"\n"
	src := `import { WorkerEntrypoint, DurableObject, RpcTarget, env, waitUntil } from "cloudflare:workers";
export class Counter { constructor(ctx, env) { this.ctx = ctx; } async fetch() { return new Response("plain " + this.ctx.id.name); } ping() { return 1; } }
let done = "no";
export default class extends WorkerEntrypoint {
  async fetch(request) {
    const u = new URL(request.url);
    if (u.pathname === "/later") return new Response(done);
    waitUntil(new Promise((r) => setTimeout(r, 20)).then(() => { done = "yes"; }));
    const stub = this.env.COUNTER.getByName("p");
    let rpc;
    try { await stub.ping(); rpc = "no error"; } catch (e) { rpc = e.message; }
    return Response.json({
      envSame: env === this.env, greeting: env.GREETING, ctx: typeof this.ctx.waitUntil,
      fetched: await (await stub.fetch("http://do/")).text(), rpc,
      classes: [typeof DurableObject, typeof RpcTarget, this instanceof WorkerEntrypoint],
    });
  }
}
`
	dir := project(t, map[string]string{"wrangler.toml": toml, "src/index.js": src})
	r := start(t, dev.Options{Dir: dir})
	got := r.do(t, "GET", "/", "")
	want := `{"envSame":true,"greeting":"hi","ctx":"function","fetched":"plain p","rpc":"The receiving Durable Object does not support RPC, because its class was not declared with ` + "`extends DurableObject`" + `.","classes":["function","function",true]}`
	if got.body != want {
		t.Fatalf("got %d %s\nwant %s\n%s", got.status, got.body, want, r.err)
	}
	eventually(t, "waitUntil's work", func() bool { return r.body(t, "/later") == "yes" })
}

// TestHelloWorldDOTemplate is Cloudflare's hello-world-do-template
// (cloudflare/templates: wrangler.json with new_sqlite_classes, an RPC
// method that answers from ctx.storage.sql), written here from its
// description; wrangler 4.86.0 answered 200, text/plain;charset=UTF-8,
// "Hello, World!" for / and for any other path.
func TestHelloWorldDOTemplate(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.json": `{
  "name": "hello-world-do-template",
  "main": "src/index.ts",
  "compatibility_date": "2025-10-08",
  "migrations": [{ "new_sqlite_classes": ["MyDurableObject"], "tag": "v1" }],
  "durable_objects": { "bindings": [{ "class_name": "MyDurableObject", "name": "MY_DURABLE_OBJECT" }] },
  "observability": { "enabled": true }
}`,
		"src/index.ts": `import { DurableObject } from "cloudflare:workers";
export class MyDurableObject extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) { super(ctx, env); }
  async sayHello(): Promise<string> {
    const row = this.ctx.storage.sql.exec("SELECT 'Hello, World!' as greeting").one() as { greeting: string };
    return row.greeting;
  }
}
export default {
  async fetch(request, env): Promise<Response> {
    const stub = env.MY_DURABLE_OBJECT.get(env.MY_DURABLE_OBJECT.idFromName(new URL(request.url).pathname));
    return new Response(await stub.sayHello());
  },
} satisfies ExportedHandler<Env>;
`})
	r := start(t, dev.Options{Dir: dir})
	for _, p := range []string{"/", "/other"} {
		got := r.do(t, "GET", p, "")
		if got.status != 200 || got.body != "Hello, World!" || got.header.Get("Content-Type") != "text/plain;charset=UTF-8" {
			t.Errorf("GET %s: %d %q %q\n%s", p, got.status, got.header.Get("Content-Type"), got.body, r.err)
		}
	}
}

// TestDurableObjectIdleEviction: an object with no event for the idle
// timeout (the platform's ~10 s; shortened here) is dropped from memory
// and built again on the next event, with its storage intact.
func TestDurableObjectIdleEviction(t *testing.T) {
	old := durable.IdleTimeout
	durable.IdleTimeout = 100 * time.Millisecond
	defer func() { durable.IdleTimeout = old }()
	dir := project(t, map[string]string{"wrangler.toml": counterToml, "src/index.js": counterWorker("v1")})
	r := start(t, dev.Options{Dir: dir})
	r.body(t, "/inc")
	r.body(t, "/inc")
	if got := r.body(t, "/hits"); got != "2" {
		t.Fatalf("hits while live: %q", got)
	}
	eventually(t, "the eviction", func() bool {
		time.Sleep(150 * time.Millisecond)
		return r.body(t, "/hits") == "0"
	})
	if got := r.body(t, "/inc"); got != "3" {
		t.Errorf("after the eviction the storage is kept: inc gave %q, want 3", got)
	}
}

// TestDurableObjectStorageAPI: values keep their types through storage
// (and a restart of the object), transaction() commits or rolls back,
// blockConcurrencyWhile in the constructor holds the first event, sql and
// the KV API share the object's file.
func TestDurableObjectStorageAPI(t *testing.T) {
	src := `import { DurableObject } from "cloudflare:workers";
export class Counter extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.ready = false;
    ctx.blockConcurrencyWhile(async () => { await new Promise((r) => setTimeout(r, 20)); this.ready = true; });
  }
  async run() {
    const s = this.ctx.storage;
    const out = { ready: this.ready };
    const shared = { x: 1 };
    await s.put("v", { d: new Date(5), m: new Map([["k", 1n]]), s: new Set([NaN]), u8: new Uint8Array([7, 8]), neg: -0, und: undefined, a: [shared, shared], re: /a/gi, e: new TypeError("te") });
    const v = await s.get("v");
    out.types = [v.d instanceof Date && v.d.getTime(), v.m.get("k") === 1n, Number.isNaN([...v.s][0]), v.u8 instanceof Uint8Array && [...v.u8].join(), Object.is(v.neg, -0), "und" in v, v.a[0] === v.a[1], String(v.re), v.e instanceof TypeError && v.e.message];
    try { await s.transaction(async (txn) => { await txn.put("t", 1); throw new Error("no"); }); } catch (e) { out.thrown = e.message; }
    out.afterThrow = await s.get("t");
    await s.transaction(async (txn) => { await txn.put("t", 2); });
    out.afterCommit = await s.get("t");
    await s.transaction(async (txn) => { await txn.put("t", 3); txn.rollback(); out.afterRollbackPut = await txn.put("t", 4).catch((e) => e.message); });
    out.afterRollback = await s.get("t");
    out.deleteAllInTxn = await s.transaction((txn) => txn.deleteAll()).catch((e) => e.message);
    s.sql.exec("CREATE TABLE IF NOT EXISTS n (v)");
    s.sql.exec("INSERT INTO n VALUES (?), (?)", 1, "two");
    out.sql = s.sql.exec("SELECT count(*) AS c FROM n").one().c;
    await s.sync();
    return out;
  }
}
export default { async fetch(req, env) { return Response.json(await env.COUNTER.getByName("s").run()); } };
`
	dir := project(t, map[string]string{"wrangler.toml": counterToml, "src/index.js": src})
	r := start(t, dev.Options{Dir: dir})
	got := r.body(t, "/")
	want := `{"ready":true,"types":[5,true,true,"7,8",true,true,true,"/a/gi","te"],"thrown":"no","afterCommit":2,"afterRollbackPut":"Cannot put() on rolled back transaction","afterRollback":2,"deleteAllInTxn":"Cannot call deleteAll() within a transaction","sql":2}`
	if got != want {
		t.Errorf("got  %s\nwant %s\n%s", got, want, r.err)
	}
}
