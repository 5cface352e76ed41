export async function load(): Promise<string> {
  return "config";
}
