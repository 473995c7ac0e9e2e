/**
 * Go's view of a string: its UTF-8 bytes. `len(s)` counts them and `s[:n]` cuts them, where JavaScript counts
 * and cuts UTF-16 units; Kubernetes truncates text that way (`status_manager.go :: normalizeStatus`, kubectl's
 * `describe.go :: shorten`). Pure TypeScript (no Buffer): the report page runs it in a browser too.
 */

/** UTF-8 bytes of one code point (a lone surrogate is written as U+FFFD, 3 bytes, as TextEncoder does). */
const utf8Size = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Go's `len(s)`. */
export const goLength = (s: string): number => {
  let bytes = 0;
  for (const ch of s) bytes += utf8Size(ch.codePointAt(0) ?? 0);
  return bytes;
};

/**
 * Go's `s[:n]` (n ≥ 0), read back as text: a character the cut splits leaves its kept bytes, each of which a
 * UTF-8 reader takes for U+FFFD (`encoding/json` writes one `\ufffd` per such byte).
 */
export const goPrefix = (s: string, n: number): string => {
  // every UTF-16 unit is at most 3 bytes: a string that short is whole
  if (s.length * 3 <= n) return s;
  let bytes = 0;
  let units = 0;
  for (const ch of s) {
    const size = utf8Size(ch.codePointAt(0) ?? 0);
    if (bytes + size > n) return s.slice(0, units) + '\uFFFD'.repeat(n - bytes);
    bytes += size;
    units += ch.length;
  }
  return s;
};
