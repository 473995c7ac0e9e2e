import { describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/generator/index.js';
import { foldCluster, type ClusterState } from '../../src/reducers/index.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/timetravel/snapshot-codec.js';

/** Every pod and node, in map order, as JSON: equal strings mean equal values and equal key orders. */
const exactly = (s: ClusterState): string => JSON.stringify([[...s.pods], [...s.nodes]]);

describe('snapshot codec', () => {
  const events = [...generateEvents({ tier: 'S' })];

  it.each([0.1, 0.5, 1])('gives back the folded state exactly, key order included (after %s of the S tier)', (share) => {
    const state = foldCluster(events.slice(0, Math.floor(events.length * share)));
    expect(state.pods.size).toBeGreaterThan(0);
    const decoded = decodeSnapshot(encodeSnapshot(state, 'v'), 'v');
    expect(decoded).toBeDefined();
    expect(exactly(decoded ?? { pods: new Map(), nodes: new Map() })).toBe(exactly(state));
  });

  it('stores a spec shared by pods once', () => {
    const state = foldCluster(events);
    const body = JSON.parse(encodeSnapshot(state, 'v')) as { specs: unknown[]; pods: unknown[] };
    expect(body.specs.length).toBeLessThan(body.pods.length);
  });

  it('refuses a snapshot of another version or shape, so the events are folded instead', () => {
    const blob = encodeSnapshot(foldCluster(events.slice(0, 100)), 'v1');
    expect(decodeSnapshot(blob, 'v2')).toBeUndefined();
    expect(decodeSnapshot('{"version":"v1","pods":[]}', 'v1')).toBeUndefined();
    expect(decodeSnapshot('not json', 'v1')).toBeUndefined();
  });
});
