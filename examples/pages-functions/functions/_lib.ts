// Shared types and helpers. This file exports no onRequest handler, so it is
// not a route; functions import it like any module.

export interface Env {
  SESSIONS: KVNamespace;
  GUESTBOOK: D1Database;
  ADMIN_TOKEN: string;
  ASSETS: { fetch(input: Request | URL | string, init?: RequestInit): Promise<Response> };
}

// The subset of @cloudflare/workers-types this example uses.
export interface KVNamespace {
  get<T>(key: string, type: "json"): Promise<T | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
  list(options?: { prefix?: string }): Promise<{ keys: { name: string }[] }>;
}

// The subset of D1's API the guestbook uses.
export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
  exec(sql: string): Promise<{ count: number; duration: number }>;
}
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T>(): Promise<T | null>;
  all<T>(): Promise<{ results: T[]; meta: { last_row_id: number } }>;
  run(): Promise<{ meta: { last_row_id: number; changes: number } }>;
}

export interface EventContext<E, P extends string, D> {
  request: Request;
  functionPath: string;
  params: Record<P, string | string[]>;
  data: D;
  env: E;
  next(input?: Request | string, init?: RequestInit): Promise<Response>;
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

export type PagesFunction<E = Env, P extends string = string, D = Record<string, unknown>> = (
  context: EventContext<E, P, D>,
) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}
