import { load } from "./load";

const config = await load();

export default {
  fetch() {
    return config;
  },
};
