package http_test

import (
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
