// The one assertion library of edgedev's JS tests: the harness defines these
// as globals of every worker it starts. A failed assertion throws an Error
// whose message names what differed; Harness.Run fails the test with it and
// the JS stack.
function fmt(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return v + "n";
  if (Object.is(v, -0)) return "-0";
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
}
function assert(cond, what) { if (!cond) throw new Error("assertion failed: " + (what || "")); }
function assertEq(actual, expected, what) {
  if (!Object.is(actual, expected)) {
    throw new Error((what ? what + ": " : "") + "got " + fmt(actual) + ", want " + fmt(expected));
  }
}
// assertJSON compares the JSON forms of two values (arrays, plain objects).
function assertJSON(actual, expected, what) {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  if (a !== e) throw new Error((what ? what + ": " : "") + "got " + a + ", want " + e);
}
function assertBytes(actual, expected, what) {
  const a = Array.from(actual), e = Array.from(expected);
  assertEq(a.join(","), e.join(","), what);
}
// checkError: name is an error name ("TypeError") or a constructor; msg,
// when given, must be part of the message.
function checkError(e, name, msg, what) {
  if (e === null || typeof e !== "object") throw new Error((what || "") + ": threw non-object " + fmt(e));
  if (typeof name === "function") {
    if (!(e instanceof name)) throw new Error((what || "") + ": threw " + e + ", want " + name.name);
  } else if (e.name !== name) {
    throw new Error((what || "") + ": threw " + e.name + ": " + e.message + ", want " + name);
  }
  if (msg !== undefined && !String(e.message).includes(msg)) {
    throw new Error((what || "") + ": message " + fmt(e.message) + " lacks " + fmt(msg));
  }
}
function assertThrows(fn, name, msg, what) {
  try { fn(); } catch (e) { checkError(e, name, msg, what); return e; }
  throw new Error((what ? what + ": " : "") + "did not throw " + (typeof name === "function" ? name.name : name));
}
async function assertRejects(p, name, msg, what) {
  try { await (typeof p === "function" ? p() : p); } catch (e) { checkError(e, name, msg, what); return e; }
  throw new Error((what ? what + ": " : "") + "did not reject with " + (typeof name === "function" ? name.name : name));
}
