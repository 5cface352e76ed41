export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/api/asset")) {
      const target = url.searchParams.get("u");
      const r = await env.ASSETS.fetch(new URL(target, url));
      return new Response(`asset ${r.status} ${r.headers.get("location")} ${r.headers.get("content-type")} ${await r.text()}`);
    }
    return new Response(`worker ${request.method} ${url.pathname}`, { headers: { "x-worker": "1" } });
  },
};
