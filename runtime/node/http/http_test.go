package http_test

import (
	"fmt"
	"io"
	nethttp "net/http"
	"net/http/httptest"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

const prelude = `const http = __edgedev_import("node:http");
const { httpServerHandler, handleAsNodeRequest } = __edgedev_import("cloudflare:node");
`

// The expectations follow what wrangler 4.86.0 answered for the same
// server (status, headers, body, the IncomingMessage fields).
func TestHTTPServer(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	cases := []runtimetest.Case{
		{Name: "a request reaches the server and its response comes back", Src: `
			const server = http.createServer((req, res) => {
				let body = "";
				req.setEncoding("utf8");
				req.on("data", (c) => (body += c));
				req.on("end", () => {
					res.setHeader("X-Multi", ["a", "b"]);
					res.setHeader("Set-Cookie", ["c=1", "d=2"]);
					res.statusCode = 201;
					res.statusMessage = "Made";
					res.end(JSON.stringify({ url: req.url, method: req.method, httpVersion: req.httpVersion, ct: req.headers["content-type"], xh: req.headers["x-h"], body,
						names: res.getHeaderNames(), has: res.hasHeader("x-multi"), sent: res.headersSent,
						incoming: req instanceof http.IncomingMessage, resp: res instanceof http.ServerResponse, remote: typeof req.socket.remoteAddress }));
				});
			});
			server.listen(8080);
			const r = await httpServerHandler({ port: 8080 }).fetch(new Request("http://x/info?q=1", { method: "POST", body: "hello", headers: { "x-h": "v", "content-type": "text/plain" } }));
			server.close();
			return [r.status, r.statusText, [...r.headers], await r.text()];`,
			Want: `[201,"Made",[["set-cookie","c=1"],["set-cookie","d=2"],["x-multi","a, b"]],"{\"url\":\"/info?q=1\",\"method\":\"POST\",\"httpVersion\":\"1.1\",\"ct\":\"text/plain\",\"xh\":\"v\",\"body\":\"hello\",\"names\":[\"x-multi\",\"set-cookie\"],\"has\":true,\"sent\":false,\"incoming\":true,\"resp\":true,\"remote\":\"string\"}"]`},
		{Name: "writes stream", Src: `
			const server = http.createServer((req, res) => {
				res.writeHead(200, "OK", { "content-type": "text/plain" });
				res.write("a");
				setTimeout(() => { res.write("b"); res.end("c"); }, 5);
			}).listen(8081);
			const r = await handleAsNodeRequest(8081, new Request("http://x/stream"));
			const text = await r.text();
			server.close();
			return [r.status, r.headers.get("content-type"), text];`, Want: `[200,"text/plain","abc"]`},
		{Name: "an empty end", Src: `
			const server = http.createServer((req, res) => res.end()).listen(8082);
			const r = await httpServerHandler(server).fetch(new Request("http://x/"));
			server.close();
			return [r.status, await r.text()];`, Want: `[200,""]`},
		{Name: "no server on the port", Src: `
			try { await httpServerHandler({ port: 9 }).fetch(new Request("http://x/")); return "answered"; } catch (e) { return e.message.slice(0, 34); }`, Want: `"Http server with port 9 not found."`},
		{Name: "header checks as Node words them (workerd)", Src: `
			const err = (f) => { try { f(); } catch (e) { return [e.code, e.message]; } };
			return [err(() => http.validateHeaderName()), err(() => http.validateHeaderValue())];`,
			Want: `[["ERR_INVALID_HTTP_TOKEN","Header name must be a valid HTTP token [\"undefined\"]"],["ERR_HTTP_INVALID_HEADER_VALUE","Invalid value \"undefined\" for header \"undefined\""]]`},
	}
	for i := range cases {
		cases[i].Src = prelude + cases[i].Src
	}
	h.RunCases(t, cases)
}

// TestHTTPClient: http.get and http.request go out through fetch, here to a
// real server on 127.0.0.1.
func TestHTTPClient(t *testing.T) {
	srv := httptest.NewServer(nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Method", r.Method)
		w.WriteHeader(202)
		fmt.Fprintf(w, "%s %s %s %s", r.Method, r.URL.RequestURI(), r.Header.Get("X-Custom"), b)
	}))
	defer srv.Close()
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	h.RunCases(t, []runtimetest.Case{
		{Name: "get", Src: prelude + `
			return await new Promise((res, rej) => http.get("` + srv.URL + `/path?q=1", { headers: { "X-Custom": "c" } }, (r) => {
				let body = "";
				r.setEncoding("utf8");
				r.on("data", (c) => (body += c));
				r.on("end", () => res([r.statusCode, r.headers["x-method"], body]));
			}).on("error", rej));`, Want: `[202,"GET","GET /path?q=1 c "]`},
		{Name: "request with a body", Src: prelude + `
			const u = new URL("` + srv.URL + `");
			return await new Promise((res, rej) => {
				const req = http.request({ hostname: u.hostname, port: u.port, path: "/p", method: "POST" }, (r) => {
					const chunks = [];
					r.on("data", (c) => chunks.push(c));
					r.on("end", () => res(Buffer.concat(chunks).toString()));
				});
				req.on("error", rej);
				req.write("a=");
				req.end("1");
			});`, Want: `"POST /p  a=1"`},
	})
}
