import { readFileSync } from "node:fs";
import path from "path";

export default { readFileSync, path };
