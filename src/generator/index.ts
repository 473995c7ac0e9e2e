/**
 * The deterministic journal generator: a realistic cluster incident (S ≈ 10k, M ≈ 150k, L ≈ 2M events),
 * streamed in valid-time order as chunks of events that each pass `decodeEvent`. Same seed, same events.
 */
import type { Event } from '../events/index.js';
import { clusterOf, podPlanOf, tiers, type Cluster, type TierName, type TierParams } from './cluster.js';
import { withEnding } from './ending.js';
import { mergeByTime, type Pending } from './merge.js';
import { nodeLife } from './node-life.js';
import { naturalLife } from './pod-life.js';

export { tiers, type TierName, type TierParams } from './cluster.js';

export interface GeneratorOptions {
  /** A tier name, or explicit parameters (for small property-test journals). */
  readonly tier: TierName | TierParams;
  readonly seed?: number;
}

export const DEFAULT_SEED = 20260314;

/** Nodes first (they register before any pod exists), then pods in order of creation. */
function* subjects(c: Cluster): Generator<Pending, void, undefined> {
  for (const n of c.nodes) yield { firstMs: n.registeredMs, open: () => nodeLife(c, n) };
  for (let i = 0; i < c.params.pods; i++) {
    const p = podPlanOf(c, i);
    yield { firstMs: p.createdMs, open: () => withEnding(c, p, naturalLife(c, p)) };
  }
}

/** Every event of the generated incident, earliest first. */
export const generateEvents = (opts: GeneratorOptions): Generator<Event, void, undefined> => {
  const params = typeof opts.tier === 'string' ? tiers[opts.tier] : opts.tier;
  const c = clusterOf(params, opts.seed ?? DEFAULT_SEED);
  return mergeByTime(subjects(c), c.endMs);
};

/** The same events in chunks of `size` (the last may be shorter), as a bulk append takes them. */
export function* generateChunks(opts: GeneratorOptions, size = 1000): Generator<Event[], void, undefined> {
  let chunk: Event[] = [];
  for (const e of generateEvents(opts)) {
    chunk.push(e);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
