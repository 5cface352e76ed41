// Filtering a list by metadata: small fields ride along in each key's
// metadata, so a category filter needs one list() and no get() per key.
import type { Env } from "../env";
import { json } from "../router";

interface ProductMeta {
  category: string;
  price: number;
}

export async function addProduct(req: Request, env: Env): Promise<Response> {
  const p = (await req.json()) as { id?: string; name?: string; category?: string; price?: number };
  if (!p.id || !p.category || typeof p.price !== "number") return json({ error: "body must be {\"id\", \"name\", \"category\", \"price\"}" }, 400);
  await env.KV.put(`product:${p.id}`, JSON.stringify(p), { metadata: { category: p.category, price: p.price } });
  return json({ saved: p.id }, 201);
}

export async function listProducts(req: Request, env: Env): Promise<Response> {
  const url = new URL(req.url);
  const category = url.searchParams.get("category");
  const maxPrice = Number(url.searchParams.get("maxPrice") ?? Infinity);
  const out: { id: string; category: string; price: number }[] = [];
  let cursor: string | undefined;
  do {
    const page: KVNamespaceListResult<ProductMeta> = await env.KV.list<ProductMeta>({ prefix: "product:", cursor });
    for (const k of page.keys) {
      const m = k.metadata;
      if (!m) continue;
      if (category && m.category !== category) continue;
      if (m.price > maxPrice) continue;
      out.push({ id: k.name.slice("product:".length), category: m.category, price: m.price });
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return json({ count: out.length, products: out });
}
