import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { decodeEvent, type Event } from '../../src/events/index.js';
import { generateChunks, generateEvents, tiers, type TierName } from '../../src/generator/index.js';
import { instantAt } from '../../src/generator/clock.js';
import { instantOf } from '../../src/k8s/codecs.js';
import { foldCluster } from '../../src/reducers/index.js';

const take = (tier: TierName, n: number, seed?: number): Event[] => {
  const out: Event[] = [];
  for (const e of generateEvents({ tier, seed })) {
    out.push(e);
    if (out.length === n) break;
  }
  return out;
};

const undecodable = (events: readonly Event[]): string[] =>
  events.flatMap((e, i) => {
    const r = decodeEvent(JSON.parse(JSON.stringify(e)));
    return r._tag === 'Left' ? [`#${i}: ${r.left}`] : [];
  });

const allS = [...generateEvents({ tier: 'S' })];
let allM: Event[] | undefined;
/** Tier M, generated once for the tests that need all of it. */
const tierM = (): Event[] => (allM ??= [...generateEvents({ tier: 'M' })]);

describe('generated events are valid', () => {
  it('tier S: every event decodes', () => {
    expect(allS.length).toBeGreaterThan(8_000);
    expect(undecodable(allS)).toEqual([]);
  });

  it.each(['M', 'L'] as const)('tier %s: the first 20,000 events decode', (tier) => {
    expect(undecodable(take(tier, 20_000))).toEqual([]);
  });

  it('tier M: every 10th event decodes, to the end of the window', () => {
    const sample = tierM().filter((_, i) => i % 10 === 0);
    expect(sample.length).toBeGreaterThan(10_000);
    expect(undecodable(sample)).toEqual([]);
  });

  it('events come in valid-time order', () => {
    const outOfOrder = allS.findIndex((e, i) => i > 0 && e.at < (allS[i - 1]?.at ?? ''));
    expect(outOfOrder).toBe(-1);
  });
});

describe('the incident is coherent per pod', () => {
  it('each pod starts with PodCreated, says nothing after PodRemoved, and names only container instances it started', () => {
    const faults: string[] = [];
    const created = new Set<string>();
    const removed = new Set<string>();
    const instances = new Map<string, 'created' | 'started' | 'exited'>();
    for (const e of allS) {
      if (!('pod' in e)) continue;
      const uid = e.pod.uid;
      if (removed.has(uid)) faults.push(`${e.type} after PodRemoved of ${e.pod.name}`);
      if (e.type === 'PodCreated') created.add(uid);
      else if (!created.has(uid)) faults.push(`${e.type} before PodCreated of ${e.pod.name}`);
      if (e.type === 'PodRemoved') removed.add(uid);
      if (e.type === 'ContainerCreated') instances.set(e.containerID, 'created');
      if (e.type === 'ContainerStarted' && instances.get(e.containerID) !== 'created') faults.push(`start of ${e.containerID} not created`);
      if (e.type === 'ContainerStarted') instances.set(e.containerID, 'started');
      if (e.type === 'ContainerExited' && instances.get(e.containerID) !== 'started') faults.push(`exit of ${e.containerID} not running`);
      if (e.type === 'ContainerExited') instances.set(e.containerID, 'exited');
    }
    expect(faults).toEqual([]);
  });

  it('has the mix of a real incident', () => {
    const types = new Set(allS.map((e) => e.type));
    for (const t of ['NodeRegistered', 'NodeConditionChanged', 'PodCreated', 'PodBound', 'PodAdmitted', 'SandboxCreated', 'ImagePulling', 'ImagePulled', 'ContainerCreated', 'ContainerStarted', 'ProbeExecuted', 'ProbeResultChanged', 'ContainerExited', 'ContainerBackOff', 'PodDeletionRequested', 'ContainerKilling', 'PodRemoved', 'PodEvicted'] as const) {
      expect(types, t).toContain(t);
    }
    const m = tierM();
    const mTypes = new Set(m.map((e) => e.type));
    for (const t of ['ImagePullFailed', 'ImagePullBackOff', 'PodUnschedulable', 'PodRejected', 'PostStartHookSucceeded'] as const) expect(mTypes, t).toContain(t);
    expect(m.some((e) => e.type === 'ContainerExited' && e.reason === 'OOMKilled')).toBe(true);
    expect(m.some((e) => e.type === 'PodDeletionRequested' && e.gracePeriodSeconds === 0)).toBe(true);
  });

  it('folds through the reducers', () => {
    const state = foldCluster(allS);
    expect(state.nodes.size).toBe(tiers.S.nodes);
    const phases = new Set([...state.pods.values()].map((p) => p.pod.status?.phase));
    expect(phases).toContain('Running');
    expect(phases).toContain('Failed');
  });
});

describe('determinism', () => {
  it('the same seed gives the same events; another seed gives others', () => {
    expect(JSON.stringify([...generateEvents({ tier: 'S' })])).toBe(JSON.stringify(allS));
    expect(JSON.stringify(take('S', 500, 7))).not.toBe(JSON.stringify(allS.slice(0, 500)));
  });

  it('chunks hold the same events, in order', () => {
    const chunks = [...generateChunks({ tier: 'S' }, 1000)];
    expect(chunks.slice(0, -1).every((c) => c.length === 1000)).toBe(true);
    expect(chunks.flat()).toEqual(allS);
  });

  it('instants are the canonical ones', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => instantAt(ms) === instantOf(ms)));
  });
});
