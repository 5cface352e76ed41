package streams_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestEdgeStreams(t *testing.T) {
	h := runtimetest.New(t)
	got := h.Run(t, `
		const id = await new Response(new Response("pass me").body.pipeThrough(new IdentityTransformStream())).text();
		const ok = await new Response(new Response("12345").body.pipeThrough(new FixedLengthStream(5))).text();
		const errs = [];
		for (const [n, body] of [[3, "12345"], [9, "12345"]]) {
			try { await new Response(new Response(body).body.pipeThrough(new FixedLengthStream(n))).text(); errs.push("no error"); }
			catch (e) { errs.push(e.constructor.name + ": " + e.message); }
		}
		try { new FixedLengthStream(-1); } catch (e) { errs.push(e.constructor.name); }
		return [id, ok, new FixedLengthStream(1) instanceof TransformStream, errs];`)
	want := `["pass me","12345",true,["TypeError: Attempt to write too many bytes through a FixedLengthStream.","TypeError: FixedLengthStream did not see all expected bytes before close().","TypeError"]]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
