// GET /api/boom: throws; the /api middleware turns it into a JSON 500.
export const onRequestGet = () => {
  throw new Error("something broke");
};
