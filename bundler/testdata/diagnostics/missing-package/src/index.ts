import { z } from "zod/v4";
import { Hono } from "@hono/not-installed";

export default { z, Hono };
