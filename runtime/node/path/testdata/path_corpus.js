// [name, fn(path)] cases; record_path.js runs them with Node's path.posix.
[
  ["join", (p) => [p.join("/a", "b", "../c", "./d"), p.join("a", "", "b/"), p.join(), p.join(""), p.join("..", "a"), p.join("/", "..", "x")]],
  ["normalize", (p) => ["/a//b/../c/.", "a/./b/", "../../x", "", "/..", "./", "a/..", "//a"].map(p.normalize)],
  ["resolve", (p) => [p.resolve("/a/b", "./c"), p.resolve("/a", "/b", "c"), p.resolve("a", "../.."), p.resolve("/x/"), p.resolve("")]],
  ["isAbsolute", (p) => ["/a", "a", "", "./a", "//"].map(p.isAbsolute)],
  ["relative", (p) => [p.relative("/a/b/c", "/a/d"), p.relative("/a", "/a/b/c"), p.relative("/a/b", "/a/b"), p.relative("/", "/x"), p.relative("/a/b", "/")]],
  ["dirname", (p) => ["/a/b/c", "/a/b/", "a", "/", "", "//x", "a/b"].map(p.dirname)],
  ["basename", (p) => [p.basename("/a/b.txt"), p.basename("/a/b.txt", ".txt"), p.basename("/a/b/"), p.basename("b.txt", "b.txt"), p.basename("/a/b.txt", "t"), p.basename("")]],
  ["extname", (p) => ["a.txt", "a.b.c", ".bashrc", "a.", "a", "/a.b/c", "..", "a..", ".a.b"].map(p.extname)],
  ["parse", (p) => ["/home/u/file.txt", "file", "/", "./a.b", "", "a/b/.c"].map(p.parse)],
  ["format", (p) => [p.format({ dir: "/a", base: "b.txt" }), p.format({ root: "/", name: "f", ext: "txt" }), p.format({ name: "x", ext: ".y" }), p.format({ root: "/", dir: "/", base: "z" })]],
  ["constants", (p) => [p.sep, p.delimiter, p.posix === p, typeof p.win32.join, p.win32.sep, p.win32.delimiter]],
  ["bad argument", (p) => p.join("a", 1)],
  ["bad resolve argument", (p) => p.resolve(null)],
]
