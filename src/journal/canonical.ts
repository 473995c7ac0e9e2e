/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units, as RFC 8785), no whitespace, so
 * equal values always encode to the same bytes and hash to the same digest.
 *
 * Every append encodes each event once this way, so it is on the write path's hot loop: strings that need
 * no escaping (printable ASCII without `"` and `\`, nearly all of an event) are quoted directly, and the
 * `"key":` token of each property name is kept (the vocabulary's names are few) instead of re-encoded.
 */

export const canonical = (value: unknown): string => flat(encode(value));

/**
 * `s` as one sequential string. V8 keeps a string built by `+=` as a rope, a tree with a node per piece; a
 * bulk append holds a chunk's 8,192 canonical events until the chunk is written, and V8 copies every node of
 * every rope at each young-generation collection: at M, 3-4 × the collector's time of flat strings. Reading
 * a character flattens the rope into one string (a copy of its bytes) in place.
 */
export const flat = (s: string): string => {
  s.charCodeAt(0);
  return s;
};

/** The canonical JSON of `value`, possibly as a rope (`canonical` flattens it). */
export const encode = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot encode the number ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? encodeArray(value) : encodeObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonical JSON cannot encode a ${typeof value}`);
  }
};

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** A string as a JSON string literal, as `JSON.stringify` writes it. */
export const quote = (s: string): string => (PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

/** `"key":` tokens by property name; bounded, so names from imported data cannot grow it without end. */
const keyTokens = new Map<string, string>();
const KEY_TOKENS_MAX = 4096;

const keyToken = (key: string): string => {
  let token = keyTokens.get(key);
  if (token === undefined) {
    token = `${quote(key)}:`;
    if (keyTokens.size < KEY_TOKENS_MAX) keyTokens.set(key, token);
  }
  return token;
};

// As JSON.stringify: an undefined array slot is null, an undefined property is left out.
const encodeArray = (items: readonly unknown[]): string => {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    const item = items[i];
    out += item === undefined ? 'null' : encode(item);
  }
  return out + ']';
};

const encodeObject = (obj: Record<string, unknown>): string => {
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = obj[key];
    if (v === undefined) continue;
    out += first ? keyToken(key) : `,${keyToken(key)}`;
    out += encode(v);
    first = false;
  }
  return out + '}';
};
