/**
 * Small non-cryptographic hashes for stable draws and partitions (never for integrity: the journal's chain
 * uses SHA-256). Pure 32-bit integer arithmetic, identical on every platform.
 */

/** FNV-1a's offset basis. */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `text`'s UTF-16 code units, continuing from `h` (a previous result, or the offset basis). */
export const fnv1a = (text: string, h: number = FNV_OFFSET): number => {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
};

/** murmur3's 32-bit finalizer (`fmix32`): spreads every input bit over the whole word, as an unsigned number. */
export const fmix32 = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
