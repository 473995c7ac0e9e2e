/**
 * Re-ordering inside each whole second: Kubernetes truncates times to seconds, so the facts of one second may stand
 * in any order the rest of what is known says (a container's runs, a stream's lines). Each group's facts of a second
 * are re-dealt over the places they held; the other facts stay put.
 */
import type { Imported } from './imported.js';
import { secondOf } from './time.js';

/**
 * `sorted` (in time order by whole seconds) with, within each second, the facts of each group (`groupOf`, undefined
 * for none) put in the order `reorder` gives them, over the places the group's facts held.
 */
export const reorderedWithinSeconds = (
  sorted: readonly Imported[],
  groupOf: (i: Imported) => string | undefined,
  reorder: (items: readonly Imported[]) => readonly Imported[],
): Imported[] => {
  const out = [...sorted];
  const seconds = sorted.map((i) => secondOf(i.event.at));
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end < sorted.length && seconds[end] === seconds[start]) end++;
    const places = new Map<string, number[]>();
    for (let n = start; n < end; n++) {
      const item = sorted[n];
      const key = item === undefined ? undefined : groupOf(item);
      if (key === undefined) continue;
      const held = places.get(key);
      if (held === undefined) places.set(key, [n]);
      else held.push(n);
    }
    for (const positions of places.values()) {
      if (positions.length < 2) continue;
      reorder(positions.flatMap((n) => sorted[n] ?? [])).forEach((item, i) => {
        const n = positions[i];
        if (n !== undefined) out[n] = item;
      });
    }
    start = end;
  }
  return out;
};
