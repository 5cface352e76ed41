// An R2 worker in the shape of the official r2 templates: a GET serves the
// object named by the path.
export default {
	async fetch(request, env) {
		const key = new URL(request.url).pathname.slice(1) || "index.html";
		const object = await env.BUCKET.get(key);
		if (object === null) return new Response("not found", { status: 404 });
		return new Response(object.body);
	},
};
