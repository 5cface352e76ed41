import { json, type PagesFunction } from "../../_lib";

// GET /api/users/:id: [id] matches exactly one path segment.
export const onRequestGet: PagesFunction<unknown, "id"> = ({ params }) => {
  return json({ id: params.id, name: `user ${params.id}` });
};
