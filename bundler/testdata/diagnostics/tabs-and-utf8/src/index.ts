// Tabs and non-ASCII characters before the error.
export function f() {
	const s = "héllo wörld ✓" y;
	return s;
}
