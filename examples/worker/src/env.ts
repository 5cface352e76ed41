export interface Env {
  GREETING: string;
  PAGE_SIZE: number;
  FEATURES: { beta: boolean; theme: string };
  API_TOKEN?: string; // secret, from .dev.vars
  KV: KVNamespace;
  DB: D1Database;
  LIMITER: DurableObjectNamespace<import("./do/ratelimiter").RateLimiter>;
}
