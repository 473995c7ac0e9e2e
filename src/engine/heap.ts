/**
 * A binary min-heap whose items know their place (`slot`), so that an item's key can change in place, or the
 * item leave, in O(log n). Items equal to the least can be listed without taking them out.
 */
export interface Slotted {
  /** The item's index in the heap; -1 while outside it. */
  slot: number;
}

export class IndexedHeap<T extends Slotted> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  peek(): T | undefined {
    return this.items[0];
  }

  /** Puts the item in, or moves it where its (changed) key belongs. */
  update(item: T): void {
    if (item.slot < 0) {
      item.slot = this.items.push(item) - 1;
      this.up(item.slot);
      return;
    }
    this.up(item.slot);
    this.down(item.slot);
  }

  remove(item: T): void {
    const slot = item.slot;
    if (slot < 0) return;
    const last = this.items.pop() as T;
    item.slot = -1;
    if (slot === this.items.length) return;
    this.place(last, slot);
    this.up(slot);
    this.down(last.slot);
  }

  private place(item: T, slot: number): void {
    this.items[slot] = item;
    item.slot = slot;
  }

  private up(slot: number): void {
    const item = this.items[slot] as T;
    let i = slot;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.items[parent] as T;
      if (this.compare(item, p) >= 0) break;
      this.place(p, i);
      i = parent;
    }
    this.place(item, i);
  }

  private down(slot: number): void {
    const item = this.items[slot] as T;
    const n = this.items.length;
    let i = slot;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.compare(this.items[right] as T, this.items[left] as T) < 0 ? right : left;
      const c = this.items[child] as T;
      if (this.compare(c, item) >= 0) break;
      this.place(c, i);
      i = child;
    }
    this.place(item, i);
  }
}
