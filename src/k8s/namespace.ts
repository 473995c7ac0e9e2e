/** kubectl's reading of an object's namespace: unset or empty is `default`. */
export const namespaceOrDefault = (namespace: string | undefined): string => (namespace === undefined || namespace === '' ? 'default' : namespace);
