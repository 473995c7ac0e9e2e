import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { clusterAt, refreshSnapshots, timeTravel } from '../../src/timetravel/time-travel.js';
import { at, bound, created, podRef, started } from '../support/event-builders.js';
import { foldInTimeOrder } from '../support/reference-fold.js';
import { tempJournal } from '../support/temp-journal.js';

const registered = (node: string, s: number): Event => ({ v: 1, at: at(s), source: 'node', type: 'NodeRegistered', node, capacity: { cpu: '4' }, allocatable: { cpu: '4' }, labels: {} });
const notReady = (node: string, s: number): Event => ({ v: 1, at: at(s), source: 'node', type: 'NodeConditionChanged', node, conditionType: 'Ready', status: 'False' });

describe("a snapshot's nodes", () => {
  // The writer stores the nodes part again only when a node's state changed since the last one it stored.
  it('are the nodes at its position: a node registered or changed between snapshots is in the next one, and unchanged ones keep theirs', async () => {
    const pod = podRef('web');
    const events = [registered('node-1', 0), created(pod, 1), bound(pod, 2), ...started(pod, 3), notReady('node-1', 6), registered('node-2', 7), created(podRef('db'), 8), notReady('node-2', 9)];
    const journal = await tempJournal();
    await journal.append(events, { expectedSeq: 0 });
    const tt = timeTravel(journal, 'test', 1);
    await refreshSnapshots(tt);
    for (let s = 0; s <= 10; s++) expect((await clusterAt(tt, at(s))).nodes, `nodes at ${s}`).toEqual(foldInTimeOrder(events, at(s)).nodes);
    const named = new Set<string>();
    for await (const snapshot of journal.snapshots()) if ('blob' in snapshot) named.add((JSON.parse(snapshot.blob) as { nodes: string }).nodes);
    // node-1 alone, node-1 not ready, with node-2, node-2 not ready
    expect(named.size).toBe(4);
  });
});
