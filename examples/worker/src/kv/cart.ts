// A shopping cart per user, stored as one JSON value that expires after a
// week without changes.
import type { Env } from "../env";
import { json } from "../router";

type Cart = Record<string, number>; // sku -> quantity
const CART_TTL = 7 * 24 * 3600;

async function load(env: Env, user: string): Promise<Cart> {
  return (await env.KV.get<Cart>(`cart:${user}`, "json")) ?? {};
}

async function save(env: Env, user: string, cart: Cart): Promise<Response> {
  if (Object.keys(cart).length === 0) await env.KV.delete(`cart:${user}`);
  else await env.KV.put(`cart:${user}`, JSON.stringify(cart), { expirationTtl: CART_TTL });
  return json({ user, items: cart, count: Object.values(cart).reduce((a, b) => a + b, 0) });
}

export async function getCart(env: Env, user: string): Promise<Response> {
  const cart = await load(env, user);
  return json({ user, items: cart, count: Object.values(cart).reduce((a, b) => a + b, 0) });
}

export async function addItem(req: Request, env: Env, user: string): Promise<Response> {
  const { sku, qty = 1 } = (await req.json()) as { sku?: string; qty?: number };
  if (!sku || !Number.isInteger(qty) || qty < 1) return json({ error: "body must be {\"sku\": \"...\", \"qty\"?: positive integer}" }, 400);
  const cart = await load(env, user);
  cart[sku] = (cart[sku] ?? 0) + qty;
  return save(env, user, cart);
}

export async function removeItem(env: Env, user: string, sku: string): Promise<Response> {
  const cart = await load(env, user);
  delete cart[sku];
  return save(env, user, cart);
}
