export function greet(name: string, greeting: string): string {
  return `${greeting}, ${name}`;
}

export function explode(what: string): never {
  throw new Error(`exploded on ${what}`);
}
