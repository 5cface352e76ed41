export default {
  fetch(): string {
    return String(import.meta.url);
  },
};
