/**
 * The events of a bulk append come as a plain or an async iterable. A plain one is read as such: `for await`
 * over it, or an async generator's `yield`, costs a promise and a microtask per event (at M ≈ 1 µs an event
 * of the bulk append's main thread), where the events are already at hand.
 */

/** Whether `source` can be read without awaiting each item. */
export const isIterable = <T>(source: Iterable<T> | AsyncIterable<T>): source is Iterable<T> => Symbol.iterator in source;

export function* mapIterable<T, U>(source: Iterable<T>, f: (item: T) => U): Iterable<U> {
  for (const item of source) yield f(item);
}

export async function* mapAsyncIterable<T, U>(source: AsyncIterable<T>, f: (item: T) => U): AsyncIterable<U> {
  for await (const item of source) yield f(item);
}
