package formdata_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestBlob(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("parts, size and type", func(t *testing.T) {
		h.Run(t, `
			const b = new Blob(["héllo", new Uint8Array([33, 34]), new Uint16Array([0x2423]).buffer, new Blob(["!"])], { type: "Text/Plain;Charset=UTF-8" });
			assertEq(b.size, 11);
			assertEq(b.type, "text/plain;charset=utf-8", "type is lower-cased");
			assertEq(await b.text(), 'héllo!"#$!');
			assertEq(new Blob().size, 0);
			assertEq(new Blob([]).type, "");
			assertEq(new Blob(["x"], { type: "bad\u00e9" }).type, "", "non-ASCII type is dropped");
			assertEq(new Blob(["x"], { type: "a\u0001" }).type, "", "control character in type");
			assertEq(await new Blob(["a\r\nb\rc"], { endings: "native" }).text(), "a\nb\nc");
			assertEq(await new Blob(["a\r\nb"]).text(), "a\r\nb", "transparent by default");
			assertEq(await new Blob(["\uD800"]).text(), "\uFFFD", "lone surrogates become U+FFFD");
			assertEq(await new Blob([12, null, { toString() { return "o"; } }]).text(), "12nullo");
			assertEq(Object.prototype.toString.call(b), "[object Blob]");
		`)
	})
	t.Run("bytes are copied at construction", func(t *testing.T) {
		h.Run(t, `
			const src = new Uint8Array([1, 2, 3]);
			const b = new Blob([src]);
			src[0] = 9;
			assertBytes(await b.bytes(), [1, 2, 3]);
			const out = await b.bytes();
			out[1] = 7;
			assertBytes(await b.bytes(), [1, 2, 3], "bytes() returns a copy");
			const ab = await b.arrayBuffer();
			assert(ab instanceof ArrayBuffer, "arrayBuffer() gives an ArrayBuffer");
			assertBytes(new Uint8Array(ab), [1, 2, 3]);
		`)
	})
	t.Run("slice", func(t *testing.T) {
		h.Run(t, `
			const b = new Blob(["0123456789"], { type: "text/plain" });
			assertEq(await b.slice(2, 5).text(), "234");
			assertEq(await b.slice(-3).text(), "789");
			assertEq(await b.slice(-100, 2).text(), "01");
			assertEq(await b.slice(5, 2).text(), "", "end before start");
			assertEq(b.slice(0, 3).type, "", "slice has no type unless given");
			assertEq(b.slice(0, 3, "A/B").type, "a/b");
			assertEq(await b.slice(1, 9).slice(1, 3).text(), "23", "slice of a slice");
			assertEq(b.slice(100).size, 0);
		`)
	})
	t.Run("stream", func(t *testing.T) {
		h.Run(t, `
			const data = new Uint8Array(150000).map((_, i) => i % 251);
			const reader = new Blob([data]).stream().getReader();
			let total = 0, chunks = 0, r, ok = true;
			while (!(r = await reader.read()).done) {
				for (let i = 0; i < r.value.length; i++) if (r.value[i] !== (total + i) % 251) ok = false;
				total += r.value.length; chunks++;
			}
			assertEq(total, 150000); assert(chunks > 1, "chunked"); assert(ok, "bytes in order");
			assertEq((await new Blob().stream().getReader().read()).done, true, "empty blob");
		`)
	})
	t.Run("argument errors", func(t *testing.T) {
		h.Run(t, `
			assertThrows(() => new Blob("abc"), "TypeError", "sequence");
			assertThrows(() => new Blob(5), "TypeError");
			assertThrows(() => new Blob([], { endings: "weird" }), "TypeError", "endings");
			assertThrows(() => new Blob([], 5), "TypeError");
			assertThrows(() => Blob(), "TypeError");
			assertThrows(() => Object.getOwnPropertyDescriptor(Blob.prototype, "size").get.call({}), "TypeError", "Illegal invocation");
			await assertRejects(() => Blob.prototype.text.call({}), "TypeError");
		`)
	})
}

func TestFile(t *testing.T) {
	h := runtimetest.New(t)
	h.Run(t, `
		const f = new File(["data"], "a.txt", { type: "text/plain", lastModified: 1700000000000 });
		assertEq(f.name, "a.txt"); assertEq(f.lastModified, 1700000000000); assertEq(f.type, "text/plain");
		assertEq(f.size, 4); assertEq(await f.text(), "data"); assertEq(f.webkitRelativePath, "");
		assert(f instanceof Blob && f instanceof File, "File is a Blob");
		assertEq(Object.prototype.toString.call(f), "[object File]");
		const before = Date.now();
		const g = new File([], "x");
		assert(g.lastModified >= before && g.lastModified <= Date.now(), "lastModified defaults to now");
		assertEq(new File([], "\uD800").name, "\uFFFD");
		assertThrows(() => new File(["x"]), "TypeError", "2 arguments");
		assertThrows(() => Object.getOwnPropertyDescriptor(File.prototype, "name").get.call(new Blob()), "TypeError");
		assertEq(f.slice(1).constructor, Blob, "a slice of a File is a Blob");
	`)
}

func TestFormData(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("entries", func(t *testing.T) {
		h.Run(t, `
			const fd = new FormData();
			fd.append("a", "1");
			fd.append("b", 2);
			fd.append("a", "3");
			assertEq(fd.get("a"), "1"); assertEq(fd.get("b"), "2", "values are strings");
			assertEq(fd.getAll("a").join(), "1,3"); assertEq(fd.get("zz"), null); assertEq(fd.getAll("zz").length, 0);
			assert(fd.has("b") && !fd.has("c"), "has");
			fd.set("a", "only");
			assertEq(fd.getAll("a").join(), "only");
			assertEq(JSON.stringify([...fd]), '[["a","only"],["b","2"]]', "set keeps the first position");
			fd.set("new", "n");
			fd.delete("b");
			assertEq([...fd.keys()].join(), "a,new"); assertEq([...fd.values()].join(), "only,n");
			const seen = [];
			fd.forEach(function (v, k, self) { seen.push(k + "=" + v); assertEq(self, fd); assertEq(this.tag, 1); }, { tag: 1 });
			assertEq(seen.join("&"), "a=only&new=n");
			assertEq(fd[Symbol.iterator], fd.entries);
			const it = fd.entries();
			assertEq(Object.prototype.toString.call(it), "[object FormData Iterator]");
			it.next(); fd.append("late", "x"); it.next();
			assertEq(it.next().value.join(), "late,x", "iteration sees appended entries");
			fd.append("\uD800", "\uDC00");
			assertEq(fd.get("\uFFFD"), "\uFFFD", "names and values are USVStrings");
		`)
	})
	t.Run("files", func(t *testing.T) {
		h.Run(t, `
			const fd = new FormData();
			fd.append("blob", new Blob(["b"], { type: "text/x" }));
			fd.append("named", new Blob(["n"]), "n.bin");
			const f = new File(["f"], "orig.txt", { lastModified: 5 });
			fd.append("file", f);
			fd.append("renamed", f, "new.txt");
			const b = fd.get("blob");
			assert(b instanceof File, "a Blob value becomes a File"); assertEq(b.name, "blob"); assertEq(b.type, "text/x");
			assertEq(fd.get("named").name, "n.bin");
			assertEq(fd.get("file"), f, "a File is kept as it is");
			const r = fd.get("renamed");
			assertEq(r.name, "new.txt"); assertEq(r.lastModified, 5); assertEq(await r.text(), "f");
			assertThrows(() => fd.append("x", "string", "name.txt"), "TypeError", "Blob");
			assertThrows(() => fd.append("x"), "TypeError", "2 arguments");
			assertThrows(() => new FormData({}), "TypeError", "form");
			assertThrows(() => FormData.prototype.get.call({}, "a"), "TypeError", "Illegal invocation");
		`)
	})
}
