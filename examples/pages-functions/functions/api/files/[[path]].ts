import { json, type PagesFunction } from "../../_lib";

// /api/files/*: [[path]] matches any number of segments, as an array.
export const onRequest: PagesFunction<unknown, "path"> = ({ request, params }) => {
  return json({ method: request.method, path: params.path ?? [] });
};
