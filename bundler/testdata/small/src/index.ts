// A small module worker: a local module, a JSON and a text import, and an npm
// package resolved through its "workerd" export condition.
import { explode, greet } from "./greet";
import config from "./config.json";
import banner from "./banner.txt";
import { letters, Registry, shout } from "tiny-case";

declare const BUILD_ID: string;

interface Handler {
  fetch(input: string): string;
}

const handler: Handler = {
  fetch(input: string): string {
    if (input === "boom") {
      explode(input);
    }
    return shout(greet(input, config.greeting));
  },
};

export default handler;

export function buildId(): string {
  return typeof BUILD_ID === "undefined" ? "dev" : BUILD_ID;
}

export function bannerText(): string {
  return banner.trim();
}

export async function spell(word: string): Promise<string> {
  const out: string[] = [];
  for await (const c of letters(word)) {
    out.push(c);
  }
  return out.join("-");
}

export function remember(key: string, value: string): string {
  const r = new Registry();
  r.set(key, value);
  return r.get(key);
}
