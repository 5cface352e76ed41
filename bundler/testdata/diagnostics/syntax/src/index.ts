// A typo: a missing operator.
const b = 2;
const a = x y
export default { a, b };
