package compression_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"strings"
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestCompressionStreams(t *testing.T) {
	h := runtimetest.New(t)

	t.Run("round trip of each format, streamed in chunks", func(t *testing.T) {
		got := h.Run(t, `
			const text = "edge ".repeat(50000);
			const out = {};
			for (const f of ["gzip", "deflate", "deflate-raw"]) {
				const src = new Blob([text]).stream();
				const packed = await new Response(src.pipeThrough(new CompressionStream(f))).arrayBuffer();
				const back = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream(f))).text();
				out[f] = [packed.byteLength < text.length / 50, back === text];
			}
			return out;`)
		if got != `{"gzip":[true,true],"deflate":[true,true],"deflate-raw":[true,true]}` {
			t.Errorf("got %s", got)
		}
	})
	t.Run("gzip from JS is what Go's gzip reads", func(t *testing.T) {
		got := h.Run(t, `
			const packed = new Uint8Array(await new Response(new Response("hello, gzip").body.pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
			return btoa(String.fromCharCode(...packed));`)
		raw, err := base64.StdEncoding.DecodeString(strings.Trim(got, `"`))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(zr)
		if string(plain) != "hello, gzip" {
			t.Errorf("Go read %q", plain)
		}
	})
	t.Run("Go's gzip is what JS reads", func(t *testing.T) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte("from Go"))
		zw.Close()
		got := h.Run(t, `
			const bin = atob("`+base64.StdEncoding.EncodeToString(buf.Bytes())+`");
			const u8 = new Uint8Array(bin.length);
			for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
			return await new Response(new Response(u8).body.pipeThrough(new DecompressionStream("gzip"))).text();`)
		if got != `"from Go"` {
			t.Errorf("got %s", got)
		}
	})
	t.Run("errors", func(t *testing.T) {
		got := h.Run(t, `
			const errs = [];
			try { new CompressionStream("brotli"); } catch (e) { errs.push(e.constructor.name + ": " + e.message); }
			try { new DecompressionStream(); } catch (e) { errs.push(e.constructor.name); }
			try {
				await new Response(new Response("not gzip at all").body.pipeThrough(new DecompressionStream("gzip"))).text();
			} catch (e) { errs.push(e.constructor.name + ": " + e.message.slice(0, 20)); }
			try {
				await new Response(ReadableStream.from(["a string"]).pipeThrough(new CompressionStream("gzip"))).text();
			} catch (e) { errs.push(e.constructor.name); }
			return errs;`)
		want := `["TypeError: Failed to construct 'CompressionStream': Unsupported compression format: 'brotli'","TypeError","TypeError: Decompression failed","TypeError"]`
		if got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}
