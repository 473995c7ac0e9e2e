import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/generator/index.js';
import { openJournal, type Journal } from '../../src/journal/index.js';
import { FoldedPod, Folding, foldCluster, type ClusterState } from '../../src/reducers/index.js';
import { decodeIndex, decodePart, decodePartLines, encodeIndex, encodePart, type SnapshotIndex } from '../../src/timetravel/snapshot-codec.js';
import { SnapshotWriter, Touched, loadPods, loadRows, loadSnapshot, loadWholeParts, placesOf } from '../../src/timetravel/snapshot-parts.js';
import type { Event } from '../../src/events/index.js';
import { PodScript } from '../reducers/script.js';
import { rowOf } from '../../src/timetravel/snapshot-rows.js';

/** Every pod and node, in map order, as JSON: equal strings mean equal values and equal key orders. */
const exactly = (s: ClusterState): string => JSON.stringify([[...s.pods], [...s.nodes]]);

const events = [...generateEvents({ tier: 'S' })];

describe('snapshot codec', () => {
  it.each([0.1, 0.5, 1])('a part gives back its pods and removals exactly, key order included (after %s of the S tier)', (share) => {
    const state = foldCluster(events.slice(0, Math.floor(events.length * share)));
    expect(state.pods.size).toBeGreaterThan(0);
    const pods = [...state.pods.values()];
    const part = decodePart(encodePart(pods, ['gone-1', 'gone-2']));
    expect(JSON.stringify(part?.pods)).toBe(JSON.stringify(pods));
    expect(part?.removed).toEqual(['gone-1', 'gone-2']);
  });

  it('stores a pod as the fold keeps it: without its container statuses, which decoding leaves to be built on read', () => {
    const pods = [...foldCluster(events.slice(0, Math.floor(events.length / 2))).pods.values()];
    const folded = pods.filter((p) => p instanceof FoldedPod);
    expect(folded.length).toBeGreaterThan(0);
    const text = encodePart(folded);
    expect(text).not.toContain('containerStatuses');
    const decoded = decodePart(text)?.pods ?? [];
    expect(decoded.every((p) => p instanceof FoldedPod)).toBe(true);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(folded));
  });

  it('stores a spec shared by pods once', () => {
    const state = foldCluster(events);
    const [head = '', ...pods] = encodePart([...state.pods.values()]).split('\n');
    const { specs } = JSON.parse(head) as { specs: unknown[] };
    expect(specs.length).toBeLessThan(pods.length);
  });

  it('decodes pods from their own lines and the first, as the whole part gives them', () => {
    const pods = [...foldCluster(events.slice(0, Math.floor(events.length / 2))).pods.values()];
    const [first = '', ...lines] = encodePart(pods, ['gone']).split('\n');
    const whole = decodePart([first, ...lines].join('\n'))?.pods ?? [];
    const picked = [0, 7, pods.length - 1];
    const some = decodePartLines(first, picked.map((i) => lines[i] ?? ''));
    expect(JSON.stringify(some)).toBe(JSON.stringify(picked.map((i) => whole[i])));
    expect(decodePartLines(first, ['{"kubelet":{}}'])).toBeUndefined();
  });

  it('refuses an index of another version or shape, and a part of another shape, so the events are folded instead', () => {
    const index = { version: 'v1', nodes: 'n', parts: ['a'], heads: [[10, 'f'.repeat(32)] as const], podEntries: 3, rows: ['b'], baseRows: 1 };
    const blob = encodeIndex(index);
    expect(decodeIndex(blob, 'v1')).toEqual(index);
    // a part of pods without its first line's place; schema 6's index (a row part per part of pods, no heads)
    expect(decodeIndex(encodeIndex({ ...index, heads: [] }), 'v1')).toBeUndefined();
    // schema 10's index (no base of row parts), and a base of more row parts than there are
    const { baseRows: _, ...noBase } = index;
    expect(decodeIndex(JSON.stringify(noBase), 'v1')).toBeUndefined();
    expect(decodeIndex(encodeIndex({ ...index, baseRows: 2 }), 'v1')).toBeUndefined();
    expect(decodeIndex('{"version":"v1","nodes":"n","parts":["a"],"rows":["b"]}', 'v1')).toBeUndefined();
    expect(decodeIndex(blob, 'v2')).toBeUndefined();
    expect(decodeIndex('{"version":"v1","pods":[]}', 'v1')).toBeUndefined();
    expect(decodeIndex('not json', 'v1')).toBeUndefined();
    expect(decodePart('{"specs":[],"removed":[]}\n{"pod":{"spec":3},"kubelet":{}}')).toBeUndefined();
    expect(decodePart('{"specs":[],"removed":[]}\n[]')).toBeUndefined();
    expect(decodePart('{"specs":[]}')).toBeUndefined();
    expect(decodePart('[]')).toBeUndefined();
  });
});

const withJournal = async (task: (journal: Journal) => Promise<void>): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-parts-'));
  const journal = await openJournal(dir, { sync: false });
  try {
    await task(journal);
  } finally {
    await journal.close();
    await rm(dir, { recursive: true, force: true });
  }
};

/** A `Touched` naming every pod of `state`: the writer compares them all, and looks for a written pod gone among all it wrote. */
const everyPod = (state: ClusterState): Touched => {
  const touched = new Touched();
  for (const uid of state.pods.keys()) touched.note(uid, true, true);
  return touched;
};

const partsOf = (blob: string): readonly string[] => decodeIndex(blob, 'v')?.parts ?? [];

describe('incremental snapshots', () => {
  it('load back exactly the fold at each snapshot (map order included), each adding only the pods that changed', () =>
    withJournal(async (journal) => {
      const folding = new Folding(foldCluster([]));
      const writer = new SnapshotWriter(undefined, 16);
      let before: readonly string[] = [];
      for (let i = 0; i < events.length; i += 500) {
        for (const e of events.slice(i, i + 500)) folding.apply(e);
        const blob = await writer.write(journal, folding.result(), 'v', everyPod(folding.result()));
        const loaded = await loadSnapshot(journal, blob, 'v');
        if ('rejected' in loaded) throw new Error(loaded.rejected);
        expect(exactly(loaded.state)).toBe(exactly(folding.result()));
        const parts = partsOf(blob);
        // either the parts before and new ones, or (compaction) the live pods afresh
        if (parts.slice(0, before.length).join() !== before.join()) expect(parts.length).toBe(Math.max(1, Math.ceil(folding.result().pods.size / 16)));
        before = parts;
      }
      // nothing folded since: the same parts
      expect(partsOf(await writer.write(journal, folding.result(), 'v', everyPod(folding.result())))).toEqual(before);
    }));

  it('told which pods the events since the last write touched (as the upkeep tells it), the parts load back exactly the fold: a pod a creation took the name of removed, new pods in the order the fold added them', () =>
    withJournal(async (journal) => {
      // After the S tier's events, a pod whose name a later creation (another uid) takes: the fold removes it without an event of its own.
      const holder = new PodScript({ containers: [{ name: 'app', image: 'app:1' }], restartPolicy: 'Always' }, 'web', {}, 'uid-holder').created();
      const taker = new PodScript({ containers: [{ name: 'other' }] }, 'web', {}, 'uid-taker').at(60).created();
      // Then, between two writes, an event for a pod not created yet (ignored), another pod's creation, and the first's:
      // the fold adds the second before the first.
      const early = new PodScript(holder.spec, 'early', {}, 'uid-early').at(120).bound().created();
      const between = new PodScript(holder.spec, 'between', {}, 'uid-between').at(121).created();
      const all: readonly Event[] = [...events, ...holder.events, ...taker.events, early.events[0], ...between.events, early.events[1]].filter((e): e is Event => e !== undefined);
      const last = all.length - 3;
      const writesAfter = new Set([last - taker.events.length, last, all.length]);
      const folding = new Folding(foldCluster([]));
      const touched = new Touched();
      const told = new SnapshotWriter(undefined, 16);
      const comparing = new SnapshotWriter(undefined, 16);
      let holderWritten = false;
      for (const [i, e] of all.entries()) {
        const uid = 'pod' in e ? e.pod.uid : undefined;
        const heldBefore = uid !== undefined && folding.pods.has(uid);
        folding.apply(e);
        if (uid !== undefined) touched.note(uid, heldBefore, folding.pods.has(uid));
        // every 300 events, before the taker's creation, before the last three events, and after them
        if ((i + 1) % 300 !== 0 && !writesAfter.has(i + 1)) continue;
        const state = folding.result();
        const blob = await told.write(journal, state, 'v', touched);
        touched.clear();
        const loaded = await loadSnapshot(journal, blob, 'v');
        if ('rejected' in loaded) throw new Error(loaded.rejected);
        expect(exactly(loaded.state)).toBe(exactly(state));
        // the same state as a writer comparing every pod gives
        const compared = await loadSnapshot(journal, await comparing.write(journal, state, 'v', everyPod(state)), 'v');
        expect('state' in compared ? exactly(compared.state) : compared.rejected).toBe(exactly(state));
        holderWritten ||= state.pods.has('uid-holder');
      }
      expect(holderWritten).toBe(true);
      expect(folding.result().pods.has('uid-holder')).toBe(false);
      expect(folding.result().pods.has('uid-taker')).toBe(true);
      expect([...folding.result().pods.keys()].slice(-2)).toEqual(['uid-between', 'uid-early']);
    }));

  it("the base holds its rows in kubectl's order, so that get pods --at sorts one run, and gives back the fold's order", () =>
    withJournal(async (journal) => {
      const state = foldCluster(events.slice(0, Math.floor(events.length / 2)));
      const blob = await new SnapshotWriter(undefined, 16).write(journal, state, 'v', everyPod(state));
      const index = decodeIndex(blob, 'v');
      if (index === undefined) throw new Error('an index this code wrote');
      expect(index.baseRows).toBe(Math.ceil(state.pods.size / 16));
      const rows = loadRows(journal, index, () => false);
      if ('rejected' in rows) throw new Error(rows.rejected);
      const fold = [...state.pods.values()].map(rowOf);
      expect(rows.rows).not.toEqual(fold);
      expect(rows.rows).toEqual([...fold].sort());
      const loaded = await loadSnapshot(journal, blob, 'v');
      if ('rejected' in loaded) throw new Error(loaded.rejected);
      expect(exactly(loaded.state)).toBe(exactly(state));
    }));

  it('rows are written afresh on their own above 1.5 rows per live pod, naming the lines the parts of pods already hold; those parts only above 4 per pod', () =>
    withJournal(async (journal) => {
      const folding = new Folding(foldCluster([]));
      const writer = new SnapshotWriter(undefined, 16);
      let before = { parts: [] as readonly string[], rows: [] as readonly string[], baseRows: 0 };
      let rowsAlone = 0;
      let everything = 0;
      for (let i = 0; i < events.length; i += 100) {
        for (const e of events.slice(i, i + 100)) folding.apply(e);
        const state = folding.result();
        const blob = await writer.write(journal, state, 'v', everyPod(state));
        const index = decodeIndex(blob, 'v');
        if (index === undefined) throw new Error('an index this code wrote');
        const partsKept = index.parts.slice(0, before.parts.length).join() === before.parts.join();
        const rowsKept = index.rows.slice(0, before.rows.length).join() === before.rows.join();
        if (partsKept && !rowsKept) rowsAlone++;
        if (!partsKept) everything++;
        // the live rows afresh, whichever was compacted: the base of the row parts after it, as the first rows are
        if (!rowsKept) expect(index.rows).toHaveLength(Math.max(1, Math.ceil(state.pods.size / 16)));
        expect(index.baseRows).toBe(rowsKept && before.rows.length > 0 ? before.baseRows : index.rows.length);
        expect(index.podEntries).toBeLessThanOrEqual(4 * state.pods.size + 2 * 16 + 16);
        const loaded = await loadSnapshot(journal, blob, 'v');
        if ('rejected' in loaded) throw new Error(loaded.rejected);
        expect(exactly(loaded.state)).toBe(exactly(state));
        // get pods --at's path: the rows, and the pods they place
        const rows = loadRows(journal, index, () => true);
        if ('rejected' in rows) throw new Error(rows.rejected);
        expect(rows.rows).toEqual([]);
        expect(new Set(rows.wanted.keys())).toEqual(new Set(state.pods.keys()));
        expect([...state.pods].every(([uid, pod]) => rows.wanted.get(uid)?.row === rowOf(pod))).toBe(true);
        // and the rows alone, each live pod's once
        const alone = loadRows(journal, index, () => false);
        if ('rejected' in alone) throw new Error(alone.rejected);
        expect(alone.rows.sort()).toEqual([...state.pods.values()].map(rowOf).sort());
        const pods = loadPods(journal, index, placesOf(rows.wanted));
        if ('rejected' in pods) throw new Error(pods.rejected);
        expect(JSON.stringify([...state.pods.keys()].map((uid) => pods.get(uid)))).toBe(JSON.stringify([...state.pods.values()]));
        // a writer continuing from the loaded snapshot (as the upkeep does: its fold starts from the loaded state) writes the same snapshot
        expect(await new SnapshotWriter(loaded.layout, 16).write(journal, loaded.state, 'v', everyPod(loaded.state))).toBe(blob);
        before = index;
      }
      expect(rowsAlone).toBeGreaterThan(0);
      expect(everything).toBeGreaterThan(0);
    }));

  it("rows read under the base's are kept by uid; a base placing a pod twice is refused, not listed twice", () =>
    withJournal(async (journal) => {
      const all = foldCluster(events);
      const index = decodeIndex(await new SnapshotWriter(undefined, 16).write(journal, all, 'v', everyPod(all)), 'v');
      if (index === undefined) throw new Error('an index this code wrote');
      expect(index.baseRows).toBe(index.rows.length);
      const first = index.rows[0] ?? '';
      const rowsOf = (i: SnapshotIndex) => loadRows(journal, i, () => false);
      const once = rowsOf(index);
      // the first part again after the base: its rows replace the base's
      const again = rowsOf({ ...index, rows: [...index.rows, first] });
      expect('rows' in again ? again.rows.sort() : again.rejected).toEqual('rows' in once ? once.rows.sort() : once.rejected);
      // the first part again inside the base
      const twice = { ...index, rows: [...index.rows, first], baseRows: index.rows.length + 1 };
      expect(loadRows(journal, twice, () => true)).toEqual({ rejected: `part ${first} does not hold rows` });
    }));

  it('a pod removed and created again with its uid between two writes is removed and written again: it loads back last, where the fold put it', () =>
    withJournal(async (journal) => {
      const folding = new Folding(foldCluster([]));
      const touched = new Touched();
      const told = new SnapshotWriter(undefined, 16);
      const apply = (e: Event) => {
        const uid = 'pod' in e ? e.pod.uid : undefined;
        const heldBefore = uid !== undefined && folding.pods.has(uid);
        folding.apply(e);
        if (uid !== undefined) touched.note(uid, heldBefore, folding.pods.has(uid));
      };
      const half = events.slice(0, Math.floor(events.length / 2));
      half.forEach(apply);
      await told.write(journal, folding.result(), 'v', touched);
      touched.clear();
      // The fold's first pod removed, another created, then the first created again with its uid: it moves after the new one.
      const [uid = ''] = folding.pods.keys();
      const creation = half.find((e) => e.type === 'PodCreated' && e.pod.uid === uid);
      if (creation?.type !== 'PodCreated') throw new Error('the fold holds a created pod');
      const last = half[half.length - 1]?.at ?? creation.at;
      const other = new PodScript({ containers: [{ name: 'app' }] }, 'other', {}, 'uid-other').at(0).created().events[0];
      if (other === undefined) throw new Error('a creation');
      [{ v: 1, type: 'PodRemoved', at: last, source: 'api', pod: creation.pod } as const, { ...other, at: last }, { ...creation, at: last }].forEach(apply);
      const state = folding.result();
      expect([...state.pods.keys()].slice(-2)).toEqual(['uid-other', uid]);
      const blob = await told.write(journal, state, 'v', touched);
      const loaded = await loadSnapshot(journal, blob, 'v');
      // written again alone, this loaded the pod first, in the place it held before it was removed
      expect('state' in loaded ? exactly(loaded.state) : loaded.rejected).toBe(exactly(state));
      const whole = await loadWholeParts(journal, blob, 'v');
      expect('pods' in whole ? exactly(whole) : whole.rejected).toBe(exactly(state));
      const parts = partsOf(blob);
      const added = await journal.snapshotPart(parts[parts.length - 1] ?? '');
      expect('text' in added ? decodePart(added.text)?.removed : undefined).toEqual([uid]);
    }));

  it('a pod removed adds a part holding only its removal; a changed pod is written alone and keeps its place', () =>
    withJournal(async (journal) => {
      const full = foldCluster(events);
      const [first, second] = [...full.pods.values()];
      if (first === undefined || second === undefined) throw new Error('the S tier has pods');
      const writer = new SnapshotWriter(undefined, 16);
      const parts = partsOf(await writer.write(journal, full, 'v', everyPod(full)));
      const less = new Map(full.pods);
      less.delete(first.pod.metadata.uid ?? '');
      const removed = { pods: less, nodes: full.nodes };
      const afterRemoval = partsOf(await writer.write(journal, removed, 'v', everyPod(removed)));
      expect(afterRemoval.slice(0, -1)).toEqual(parts);
      const removal = await journal.snapshotPart(afterRemoval[afterRemoval.length - 1] ?? '');
      expect('text' in removal ? decodePart(removal.text) : undefined).toEqual({ pods: [], removed: [first.pod.metadata.uid] });
      const changed = new Map(less);
      const relabelled = { ...second, pod: { ...second.pod, metadata: { ...second.pod.metadata, labels: { changed: 'yes' } } } };
      changed.set(second.pod.metadata.uid ?? '', relabelled);
      const relabelledState = { pods: changed, nodes: full.nodes };
      const blob = await writer.write(journal, relabelledState, 'v', everyPod(relabelledState));
      const last = await journal.snapshotPart(partsOf(blob)[partsOf(blob).length - 1] ?? '');
      expect('text' in last ? decodePart(last.text)?.pods : undefined).toEqual([relabelled]);
      const loaded = await loadSnapshot(journal, blob, 'v');
      expect('state' in loaded ? exactly(loaded.state) : loaded.rejected).toBe(exactly({ pods: changed, nodes: full.nodes }));
    }));
});
