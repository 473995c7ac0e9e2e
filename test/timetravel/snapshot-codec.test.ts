import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/generator/index.js';
import { openJournal } from '../../src/journal/index.js';
import { Folding, foldCluster, type ClusterState } from '../../src/reducers/index.js';
import { decodeIndex, decodePart, encodeIndex, encodePart } from '../../src/timetravel/snapshot-codec.js';
import { SnapshotWriter, loadSnapshot } from '../../src/timetravel/snapshot-parts.js';

/** Every pod and node, in map order, as JSON: equal strings mean equal values and equal key orders. */
const exactly = (s: ClusterState): string => JSON.stringify([[...s.pods], [...s.nodes]]);

describe('snapshot codec', () => {
  const events = [...generateEvents({ tier: 'S' })];

  it.each([0.1, 0.5, 1])('a part gives back its pods exactly, key order included (after %s of the S tier)', (share) => {
    const state = foldCluster(events.slice(0, Math.floor(events.length * share)));
    expect(state.pods.size).toBeGreaterThan(0);
    const pods = [...state.pods.values()];
    expect(JSON.stringify(decodePart(encodePart(pods)))).toBe(JSON.stringify(pods));
  });

  it('stores a spec shared by pods once', () => {
    const state = foldCluster(events);
    const body = JSON.parse(encodePart([...state.pods.values()])) as { specs: unknown[]; pods: unknown[] };
    expect(body.specs.length).toBeLessThan(body.pods.length);
  });

  it('refuses an index of another version or shape, and a part of another shape, so the events are folded instead', () => {
    const blob = encodeIndex({ version: 'v1', nodes: 'n', parts: ['a'] });
    expect(decodeIndex(blob, 'v1')).toEqual({ version: 'v1', nodes: 'n', parts: ['a'] });
    expect(decodeIndex(blob, 'v2')).toBeUndefined();
    expect(decodeIndex('{"version":"v1","pods":[]}', 'v1')).toBeUndefined();
    expect(decodeIndex('not json', 'v1')).toBeUndefined();
    expect(decodePart('{"specs":[],"pods":[{"pod":{"spec":3}}]}')).toBeUndefined();
    expect(decodePart('[]')).toBeUndefined();
  });
});

describe('incremental snapshots', () => {
  const events = [...generateEvents({ tier: 'S' })];

  it('load back exactly the fold at each snapshot, and rewrite only the parts where a pod changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podj-parts-'));
    const journal = await openJournal(dir, { sync: false });
    try {
      const folding = new Folding(foldCluster([]));
      const writer = new SnapshotWriter();
      const written: string[][] = [];
      for (let i = 0; i < events.length; i += 500) {
        for (const e of events.slice(i, i + 500)) folding.apply(e);
        const blob = await writer.write(journal, folding.result(), 'v');
        const loaded = await loadSnapshot(journal, blob, 'v');
        if ('rejected' in loaded) throw new Error(loaded.rejected);
        expect(exactly(loaded.state)).toBe(exactly(folding.result()));
        written.push(decodeIndex(blob, 'v')?.parts.slice() ?? []);
      }
      // A snapshot with nothing folded since the one before is the same parts.
      const again = await writer.write(journal, folding.result(), 'v');
      expect(decodeIndex(again, 'v')?.parts).toEqual(written[written.length - 1]);
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reuses the part of pods no event touched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podj-parts-'));
    const journal = await openJournal(dir, { sync: false });
    try {
      const full = foldCluster(events);
      const pods = [...full.pods.values()];
      const writer = new SnapshotWriter(undefined, 16);
      const first = decodeIndex(await writer.write(journal, full, 'v'), 'v');
      // one pod removed: only its part changes
      const [gone] = pods;
      const less = new Map(full.pods);
      less.delete(gone?.pod.metadata.uid ?? '');
      const second = decodeIndex(await writer.write(journal, { pods: less, nodes: full.nodes }, 'v'), 'v');
      expect(second?.nodes).toBe(first?.nodes);
      expect(first?.parts.length).toBe(Math.ceil(pods.length / 16));
      expect(second?.parts.length).toBe(first?.parts.length);
      expect(second?.parts.slice(1)).toEqual(first?.parts.slice(1));
      expect(second?.parts[0]).not.toBe(first?.parts[0]);
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
