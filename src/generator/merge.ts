/**
 * Merges per-subject event streams into one stream in valid-time order. Streams are opened lazily in
 * order of their first instant, so only the subjects alive at a moment are held in memory.
 */
import type { Event } from '../events/index.js';

/** An event and its instant as a millisecond epoch (the merge key). */
export interface Timed {
  readonly ms: number;
  readonly event: Event;
}

/** A stream not opened yet: it will yield nothing before `firstMs`. */
export interface Pending {
  readonly firstMs: number;
  readonly open: () => Iterator<Timed>;
}

interface Head {
  ms: number;
  event: Event;
  readonly id: number;
  readonly rest: Iterator<Timed>;
}

/** Ties in time go to the stream opened first, so the order is total and reproducible. */
const before = (a: Head, b: Head): boolean => a.ms < b.ms || (a.ms === b.ms && a.id < b.id);

class HeadHeap {
  private readonly items: Head[] = [];

  peek(): Head | undefined {
    return this.items[0];
  }

  push(h: Head): void {
    const xs = this.items;
    let i = xs.push(h) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = xs[parent];
      if (p === undefined || !before(h, p)) break;
      xs[i] = p;
      i = parent;
    }
    xs[i] = h;
  }

  /** Removes the top. */
  pop(): void {
    const last = this.items.pop();
    if (last !== undefined && this.items.length > 0) this.siftDown(last);
  }

  /** The top's key grew: moves it down to its place. */
  fixTop(): void {
    const top = this.items[0];
    if (top !== undefined) this.siftDown(top);
  }

  /** Places `h` at the root's slot and sifts it down. */
  private siftDown(h: Head): void {
    const xs = this.items;
    const n = xs.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const left = xs[l];
      if (left === undefined) break;
      const right = l + 1 < n ? xs[l + 1] : undefined;
      let child = l;
      let c = left;
      if (right !== undefined && before(right, left)) {
        child = l + 1;
        c = right;
      }
      if (!before(c, h)) break;
      xs[i] = c;
      i = child;
    }
    xs[i] = h;
  }
}

/**
 * Yields every event of every stream up to `untilMs` (exclusive), earliest first. `pending` must come in
 * non-decreasing `firstMs`; each stream's own events must be in non-decreasing time.
 */
export function* mergeByTime(pending: Iterator<Pending>, untilMs: number): Generator<Event, void, undefined> {
  const heap = new HeadHeap();
  let nextId = 0;
  let waiting = pending.next();
  const open = (p: Pending): void => {
    const rest = p.open();
    const first = rest.next();
    if (first.done !== true) heap.push({ ms: first.value.ms, event: first.value.event, id: nextId++, rest });
  };
  for (;;) {
    const top = heap.peek();
    if (waiting.done !== true && (top === undefined || waiting.value.firstMs <= top.ms)) {
      open(waiting.value);
      waiting = pending.next();
      continue;
    }
    if (top === undefined || top.ms >= untilMs) return;
    yield top.event;
    const next = top.rest.next();
    if (next.done === true) {
      heap.pop();
    } else {
      top.ms = next.value.ms;
      top.event = next.value.event;
      heap.fixTop();
    }
  }
}
