/** Typed reads of the fields the Pod codecs keep as unknown records (volume sources, env sources). */
import type { LabelSelectorSpec } from '../selectors/index.js';

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

/** A label selector read from an unknown record, keeping only well-formed parts. */
export const labelSelectorSpec = (r: UnknownRecord): LabelSelectorSpec => {
  const labels = recordAt(r, 'matchLabels') ?? {};
  return {
    matchLabels: Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string')),
    matchExpressions: recordsAt(r, 'matchExpressions').map((e) => ({
      key: stringAt(e, 'key') ?? '',
      operator: stringAt(e, 'operator') ?? '',
      values: Array.isArray(e['values']) ? e['values'].filter((v): v is string => typeof v === 'string') : [],
    })),
  };
};
