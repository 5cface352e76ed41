// Creates a session on the first visit and shows it, using the functions under /api.
(async () => {
  let id = localStorage.getItem("session-id");
  if (!id) {
    const res = await fetch("/api/session", { method: "POST", body: JSON.stringify({ user: "visitor" }) });
    id = (await res.json()).id;
    localStorage.setItem("session-id", id);
  }
  const res = await fetch("/api/session", { headers: { "x-session-id": id } });
  const el = document.getElementById("session");
  el.textContent = res.ok ? `Session ${id} for ${(await res.json()).user}` : "Session expired.";
})();
