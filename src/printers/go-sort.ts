/** Go's string order (`sort.Strings`, `<` on strings): bytes, which is UTF-16 code-unit order for the ASCII names Kubernetes allows. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A sorted copy, by a string key; ties keep their order. */
export const sortedBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => compareStrings(key(a), key(b)));
