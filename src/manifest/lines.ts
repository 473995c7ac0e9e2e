/** Finds the line of a field in a parsed YAML (or JSON) document, for error messages. */
import { isMap, isSeq, type LineCounter, type Node } from 'yaml';
import type { FieldPath } from './errors.js';

/**
 * The 1-based line of the deepest node along `path` that exists in the document: the key's line for a
 * mapping entry, the item's line for a sequence element. `fallback` when not even the first step exists.
 */
export const lineOfPath = (root: Node | null, path: FieldPath, lines: LineCounter, fallback: number): number => {
  let node: unknown = root;
  let offset: number | undefined;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(node)) {
      const item: unknown = node.items[segment];
      const start = startOf(item);
      if (start === undefined) break;
      offset = start;
      node = item;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (pair === undefined) break;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else break;
  }
  return offset === undefined ? fallback : lines.linePos(offset).line;
};

const startOf = (node: unknown): number | undefined => {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = node.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
};

const keyText = (key: unknown): string | undefined => {
  if (typeof key !== 'object' || key === null || !('value' in key)) return undefined;
  const value: unknown = key.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};
