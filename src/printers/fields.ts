/** Typed reads of the fields the Pod codecs keep as unknown records (volume sources, env sources). */

export type UnknownRecord = { readonly [key: string]: unknown };

const isRecord = (u: unknown): u is UnknownRecord => typeof u === 'object' && u !== null && !Array.isArray(u);

export const recordAt = (r: UnknownRecord | undefined, key: string): UnknownRecord | undefined => {
  const v = r?.[key];
  return isRecord(v) ? v : undefined;
};

export const stringAt = (r: UnknownRecord | undefined, key: string): string | undefined => {
  const v = r?.[key];
  return typeof v === 'string' ? v : undefined;
};

/** Go's `*bool` printed with a false default. */
export const boolAt = (r: UnknownRecord | undefined, key: string): boolean => r?.[key] === true;

export const numberAt = (r: UnknownRecord | undefined, key: string): number | undefined => {
  const v = r?.[key];
  return typeof v === 'number' ? v : undefined;
};

export const recordsAt = (r: UnknownRecord | undefined, key: string): UnknownRecord[] => {
  const v = r?.[key];
  return Array.isArray(v) ? v.filter(isRecord) : [];
};
