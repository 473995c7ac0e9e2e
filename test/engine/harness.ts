/** A small given/when/then harness for the engine: nodes and pods given, a world that behaves, events observed at offsets. */
import type { Event, EventOf, EventType } from '../../src/events/index.js';
import { instantOf, msOf } from '../../src/k8s/codecs.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { simulate } from '../../src/engine/index.js';
import type { World } from '../../src/engine/index.js';

export const T0 = Date.parse('2026-01-01T00:00:00.000Z');
/** Seconds after T0, as a virtual instant. */
export const s = (seconds: number): number => T0 + seconds * 1000;
export const offset = (e: Event): number => (msOf(e.at) - T0) / 1000;

/**
 * Processes run for ever, probes pass, nothing uses memory, pulls and hooks are instant, SIGTERM ends a process
 * at once; the kubelet's jitter draws 0, so each work-queue entry comes at its unjittered time (`jitter` set).
 */
export const world = (overrides: Partial<World> = {}): World => ({
  containerRun: () => ({}),
  probe: () => ({ outcome: 'success' }),
  memoryBytes: () => 0n,
  pull: () => ({ ok: true, durationMs: 0 }),
  postStart: () => ({ durationMs: 0 }),
  preStop: () => ({ durationMs: 0 }),
  onSigterm: () => ({ afterMs: 0, code: 0 }),
  jitter: () => 0,
  ...overrides,
});

export const node = (name: string, allocatable: Record<string, string> = { cpu: '4', memory: '8Gi', pods: '110' }, at = 0, extra: Partial<EventOf<'NodeRegistered'>> = {}): Event => ({
  type: 'NodeRegistered', v: 1, at: instantOf(s(at)), source: 'node', node: name, capacity: allocatable, allocatable, labels: {}, internalIP: `192.168.0.${name.length}`, ...extra,
});

export const created = (manifest: Omit<V1Pod, 'metadata'> & { metadata: V1Pod['metadata'] & { name: string } }, at = 0): Event => ({
  type: 'PodCreated', v: 1, at: instantOf(s(at)), source: 'api', pod: { namespace: 'default', name: manifest.metadata.name, uid: `uid-${manifest.metadata.name}` }, manifest: { ...manifest, metadata: { namespace: 'default', uid: `uid-${manifest.metadata.name}`, ...manifest.metadata } },
});

export const podRef = (name: string) => ({ namespace: 'default', name, uid: `uid-${name}` });

/** Given external events and a world, when simulated until `until` seconds, then the events. */
export const run = (external: readonly Event[], w: World, until: number): Event[] => simulate({ world: w, external, until: s(until) });

export const ofType = <K extends EventType>(events: readonly Event[], type: K, container?: string): EventOf<K>[] =>
  events.filter((e): e is EventOf<K> => e.type === type && (container === undefined || ('container' in e && e.container === container)));

/** Offsets (seconds) of the events of one type, optionally for one container. */
export const times = (events: readonly Event[], type: EventType, container?: string): number[] => ofType(events, type, container).map(offset);

export const deleted = (name: string, at: number, gracePeriodSeconds: number): Event => ({
  type: 'PodDeletionRequested', v: 1, at: instantOf(s(at)), source: 'api', pod: podRef(name), gracePeriodSeconds,
});

export const nodeCondition = (name: string, at: number, conditionType: string, status: 'True' | 'False' | 'Unknown'): Event => ({
  type: 'NodeConditionChanged', v: 1, at: instantOf(s(at)), source: 'controller', node: name, conditionType, status,
});
