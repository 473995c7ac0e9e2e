/** Go's string order (`sort.Strings`, `<` on strings): bytes, which is UTF-16 code-unit order for the ASCII names Kubernetes allows. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A sorted copy, by a string key; ties keep their order. */
export const sortedBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => compareStrings(key(a), key(b)));

/**
 * The API server's list order for namespaced objects: their storage keys (`/registry/pods/NAMESPACE/NAME`), in
 * etcd's byte order (`etcd3/store.go :: GetList` reads a key range; the watch cache keeps keys in the same order
 * for continuations). Namespace and name are joined by `/`, so a namespace that another one extends with `-`
 * (`argo`, `argo-events`) lists after it: `-` sorts before `/`.
 */
export const compareStorageKeys = (aNamespace: string, aName: string, bNamespace: string, bName: string): number =>
  aNamespace === bNamespace ? compareStrings(aName, bName) : compareStrings(`${aNamespace}/`, `${bNamespace}/`);

/**
 * Whether ordering by namespace, then name, gives the storage-key order for these namespaces: unless one of them
 * is another one followed by a character before `/` (in a DNS label: only `-`).
 */
export const namespaceOrderIsKeyOrder = (namespaces: ReadonlySet<string>): boolean => {
  for (const a of namespaces) for (const b of namespaces) if (b.length > a.length && b.startsWith(a) && b.charCodeAt(a.length) < 0x2f) return false;
  return true;
};
