package crypto_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestDigestStream(t *testing.T) {
	h := runtimetest.New(t)
	got := h.Run(t, `
		const ds = new crypto.DigestStream("SHA-256");
		await new Response("ab").body.pipeTo(ds);
		const d2 = new crypto.DigestStream({name: "md5"});
		const wr = d2.getWriter(); await wr.write("a"); await wr.write(new TextEncoder().encode("bc")); await wr.close();
		const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
		let bad = null;
		try { new crypto.DigestStream("SHA-3"); } catch (e) { bad = e.name; }
		return [hex(await ds.digest), hex(await d2.digest), bad];`)
	want := `["fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603","900150983cd24fb0d6963f7d28e17f72","NotSupportedError"]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
