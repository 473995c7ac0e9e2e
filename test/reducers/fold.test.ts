/**
 * Properties of the fold over random decodable event sequences: it never throws, is deterministic, never
 * mutates its inputs, survives a JSON round trip (snapshots), and agrees event by event with applyEvent.
 */
import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeEvent, type Event } from '../../src/events/index.js';
import type { PodSpec } from '../../src/k8s/pod.js';
import { applyEvent, emptyCluster, foldCluster, type ClusterState } from '../../src/reducers/index.js';
import { instantOf } from '../../src/k8s/codecs.js';
import { PodScript, T0 } from './script.js';

const spec = (policy: 'Always' | 'OnFailure' | 'Never'): PodSpec => ({
  initContainers: [{ name: 'init' }, { name: 'side', restartPolicy: 'Always', startupProbe: { exec: { command: ['ok'] } } }],
  containers: [{ name: 'app', readinessProbe: { exec: { command: ['ok'] } } }, { name: 'worker' }],
  restartPolicy: policy,
  readinessGates: [{ conditionType: 'gate' }],
});

const containerName = fc.constantFrom('init', 'side', 'app', 'worker', 'ghost');
const step = fc.oneof(
  fc.constant((p: PodScript) => p.created()),
  fc.constant((p: PodScript) => p.bound()),
  fc.constant((p: PodScript) => p.bound('node-2')),
  fc.constant((p: PodScript) => p.unschedulable('no room')),
  fc.constant((p: PodScript) => p.admitted()),
  fc.constant((p: PodScript) => p.rejected('OutOfcpu', 'no cpu')),
  fc.constant((p: PodScript) => p.sandbox()),
  fc.constant((p: PodScript) => p.evicted('low memory')),
  fc.constant((p: PodScript) => p.nodeLost()),
  fc.integer({ min: 0, max: 40 }).map((g) => (p: PodScript) => p.deleted(g)),
  fc.constant((p: PodScript) => p.removed()),
  fc.constantFrom('True', 'False').map((s) => (p: PodScript) => p.condition('gate', s)),
  fc.constantFrom('True', 'False').map((s) => (p: PodScript) => p.condition('Ready', s)),
  fc.constant((p: PodScript) => p.labels({ a: 'b' })),
  containerName.map((c) => (p: PodScript) => p.pulled(c)),
  containerName.map((c) => (p: PodScript) => p.pullFailed(c, 'not found')),
  containerName.map((c) => (p: PodScript) => p.pullBackOff(c)),
  containerName.map((c) => (p: PodScript) => p.containerCreated(c)),
  fc.tuple(containerName, fc.boolean()).map(([c, fresh]) => (p: PodScript) => p.started(c, fresh)),
  fc.tuple(containerName, fc.integer({ min: -1, max: 255 })).map(([c, code]) => (p: PodScript) => p.exited(c, code)),
  containerName.map((c) => (p: PodScript) => p.backOff(c)),
  containerName.map((c) => (p: PodScript) => p.startFailed(c, 'CreateContainerError', 'bad')),
  fc.tuple(containerName, fc.constantFrom('readiness', 'startup', 'liveness'), fc.constantFrom('success', 'failure')).map(
    ([c, k, o]) =>
      (p: PodScript) =>
        p.probe(c, k, o),
  ),
  fc.tuple(containerName, fc.constantFrom('readiness', 'liveness')).map(([c, k]) => (p: PodScript) => p.probeExecuted(c, k, 'failure')),
  containerName.map((c) => (p: PodScript) => p.killing(c)),
  fc.tuple(containerName, fc.option(fc.constant('hook failed'), { nil: undefined })).map(([c, f]) => (p: PodScript) => p.postStart(c, f)),
  containerName.map((c) => (p: PodScript) => p.usage(c, '64Mi')),
  fc.constant((p: PodScript) => p.writeRejected('conflict')),
);

/** Node events interleaved with the pods' (the fold keeps nodes apart from pods). */
const nodeEvent = fc.constantFrom<Event>(
  { v: 1, at: instantOf(T0), source: 'node', type: 'NodeRegistered', node: 'node-1', capacity: { cpu: '4' }, allocatable: { cpu: '4' }, labels: {} },
  { v: 1, at: instantOf(T0 + 1000), source: 'node', type: 'NodeConditionChanged', node: 'node-1', conditionType: 'Ready', status: 'False' },
  { v: 1, at: instantOf(T0 + 2000), source: 'node', type: 'EvictionThresholdMet', node: 'node-1', signal: 'memory.available', threshold: '100Mi', available: '50Mi' },
);

/** Interleaved random histories of two pods (with three restart policies between them). */
const histories = fc
  .tuple(
    fc.constantFrom('Always', 'OnFailure', 'Never'),
    fc.constantFrom('Always', 'OnFailure', 'Never'),
    fc.array(fc.tuple(fc.boolean(), step), { maxLength: 60 }),
    fc.array(fc.tuple(fc.nat(), nodeEvent), { maxLength: 4 }),
  )
  .map(([pa, pb, steps, nodes]) => {
    const a = new PodScript(spec(pa), 'a').created();
    const b = new PodScript(spec(pb), 'b').created();
    const events: Event[] = [...a.events, ...b.events];
    for (const [first, act] of steps) {
      const p = first ? a : b;
      const before = p.events.length;
      act(p);
      events.push(...p.events.slice(before));
    }
    for (const [at, e] of nodes) events.splice(at % (events.length + 1), 0, e);
    return events;
  });

const deepFreeze = <T>(o: T): T => {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

/** The events cut in two at a position chosen by fast-check. */
const split = (events: readonly Event[], cut: number): [Event[], Event[]] => {
  const at = cut % (events.length + 1);
  return [events.slice(0, at), events.slice(at)];
};

/** A state as plain data, the way snapshots store it. */
const plain = (s: ClusterState) => ({ pods: [...s.pods.entries()], nodes: [...s.nodes.entries()] });

describe('foldCluster over random histories', () => {
  test('the generated events are all decodable', () => {
    fc.assert(
      fc.property(histories, (events) => events.every((e) => decodeEvent(JSON.parse(JSON.stringify(e)))._tag === 'Right')),
      { numRuns: 50 },
    );
  });

  test('never throws, and folding the same events twice gives deep-equal states', () => {
    fc.assert(
      fc.property(histories, (events) => {
        expect(plain(foldCluster(events))).toEqual(plain(foldCluster(events)));
      }),
      { numRuns: 200 },
    );
  });

  test('never mutates its inputs (events and the starting state are frozen)', () => {
    fc.assert(
      fc.property(histories, fc.nat(), (events, cut) => {
        const [head, tail] = split(events, cut);
        const from = foldCluster(head);
        const snapshot = JSON.stringify(plain(from));
        deepFreeze(events);
        for (const p of from.pods.values()) deepFreeze(p);
        const rest = foldCluster(tail, from);
        expect(JSON.stringify(plain(from))).toBe(snapshot);
        expect(plain(rest)).toEqual(plain(foldCluster(events)));
      }),
      { numRuns: 100 },
    );
  });

  test('a JSON round trip of the state (a snapshot) folds on to the same result', () => {
    fc.assert(
      fc.property(histories, fc.nat(), (events, cut) => {
        const [head, tail] = split(events, cut);
        const from = foldCluster(head);
        const copy: ClusterState = {
          pods: new Map(JSON.parse(JSON.stringify([...from.pods.entries()]))),
          nodes: new Map(JSON.parse(JSON.stringify([...from.nodes.entries()]))),
        };
        expect(plain(copy)).toEqual(plain(from));
        expect(plain(foldCluster(tail, copy))).toEqual(plain(foldCluster(events)));
      }),
      { numRuns: 100 },
    );
  });

  test('applyEvent one by one equals foldCluster', () => {
    fc.assert(
      fc.property(histories, (events) => {
        const stepwise = events.reduce(applyEvent, emptyCluster);
        expect(plain(stepwise)).toEqual(plain(foldCluster(events)));
      }),
      { numRuns: 50 },
    );
  });

  test('every pod a fold produces is a v1 Pod whose status timestamps are whole seconds', () => {
    const stamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    fc.assert(
      fc.property(histories, (events) => {
        for (const { pod } of foldCluster(events).pods.values()) {
          expect(pod.apiVersion).toBe('v1');
          expect(pod.kind).toBe('Pod');
          const times = JSON.stringify(pod).match(/"(?:startTime|startedAt|finishedAt|lastTransitionTime|creationTimestamp|deletionTimestamp)":"[^"]*"/g) ?? [];
          for (const t of times) expect(t.split('":"')[1]?.slice(0, -1)).toMatch(stamp);
        }
      }),
      { numRuns: 100 },
    );
  });
});
