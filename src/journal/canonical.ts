/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units, as RFC 8785), no whitespace, so
 * equal values always encode to the same bytes and hash to the same digest.
 */

export const canonical = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
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
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonical(v)}`;
    first = false;
  }
  return out + '}';
};
