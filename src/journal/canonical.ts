/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units, as RFC 8785), no whitespace, so
 * equal values always encode to the same bytes and hash to the same digest.
 *
 * Every append encodes each event once this way, so it is on the write path's hot loop: strings that need
 * no escaping (printable ASCII without `"` and `\`, nearly all of an event) are quoted directly, and the
 * `"key":` token of each property name is kept (the vocabulary's names are few) instead of re-encoded.
 */

export const canonical = (value: unknown): string => {
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

const quote = (s: string): string => (PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

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
    out += item === undefined ? 'null' : canonical(item);
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
    out += canonical(v);
    first = false;
  }
  return out + '}';
};
