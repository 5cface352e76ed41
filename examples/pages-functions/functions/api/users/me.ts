import { json, type PagesFunction } from "../../_lib";

// GET /api/users/me: a static segment beats [id].
export const onRequestGet: PagesFunction = () => json({ id: "me", name: "you" });
