import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { foldEngine, initialState, run as runEngine } from '../../src/engine/index.js';
import { decodeEvent } from '../../src/events/index.js';
import { foldCluster } from '../../src/reducers/index.js';
import type { Event } from '../../src/events/index.js';
import { created, deleted, node, nodeCondition, offset, podRef, run, s, world } from './harness.js';

const MI = 1n << 20n;
const exec = { exec: { command: ['true'] } };

/** A busy cluster touching every concern: crash loops, probes, init containers, OOM, pressure, deletions (forced too), scheduling, node loss. */
const external: Event[] = [
  node('n1', { cpu: '2', memory: '1Gi', pods: '110' }),
  node('n2', { cpu: '2', memory: '1Gi', pods: '110' }),
  created({ metadata: { name: 'crasher' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } }),
  created({
    metadata: { name: 'live' },
    spec: { containers: [{ name: 'app', image: 'nginx', livenessProbe: { ...exec, periodSeconds: 5 }, readinessProbe: { ...exec, periodSeconds: 5 } }] },
  }),
  created({
    metadata: { name: 'init' },
    spec: { restartPolicy: 'Never', initContainers: [{ name: 'setup', image: 'busybox:1.36' }], containers: [{ name: 'app', image: 'busybox:1.36' }] },
  }),
  created({ metadata: { name: 'leak' }, spec: { containers: [{ name: 'app', image: 'leak:1', resources: { limits: { memory: '200Mi' } } }] } }),
  created({ metadata: { name: 'huge' }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { requests: { memory: '2Gi' } } }] } }),
  created({ metadata: { name: 'hog' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } }),
  created({ metadata: { name: 'forced' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } }),
  deleted('forced', 50, 0),
  deleted('live', 200, 30),
  node('n3', { cpu: '4', memory: '4Gi', pods: '110' }, 300),
  nodeCondition('n2', 500, 'Ready', 'Unknown'),
];

const w = world({
  containerRun: (p, c, n) =>
    p.name === 'crasher' || (p.name === 'init' && c === 'setup') ? { exit: { afterMs: 1000 + n * 100, code: 1 } } : {},
  probe: (_p, _c, kind, now, startedAt) => ({ outcome: kind === 'liveness' && now - startedAt > 60_000 ? 'failure' : 'success' }),
  memoryBytes: (p, _c, now, startedAt) =>
    p.name === 'leak' ? (BigInt(now - startedAt) * 5n * MI) / 1000n : p.name === 'hog' && now > s(100) ? 1000n * MI : 10n * MI,
  onSigterm: (p) => (p.name === 'live' ? undefined : { afterMs: 500, code: 143 }),
});

describe('replay and determinism', () => {
  const events = run(external, w, 900);

  it('gives deep-equal output when simulated twice', () => {
    expect(run(external, w, 900)).toEqual(events);
  });

  it('emits only events the journal accepts, in time order, the external ones included', () => {
    for (const e of events) expect(decodeEvent(JSON.parse(JSON.stringify(e)))).toEqual(E.right(e));
    expect(events.map(offset)).toEqual([...events.map(offset)].sort((a, b) => a - b));
    for (const e of external) expect(events).toContainEqual(e);
  });

  it('refuses to loop for ever at one instant: the guard names the instant', () => {
    expect(() => runEngine({ world: w, external, until: s(900) }, { maxStepsPerInstant: 20 })).toThrow(
      'the engine did not settle at 2026-01-01T00:00:00.000Z after 20 decisions',
    );
  });

  it('rebuilds its bookkeeping by folding its own events (a replay never re-decides)', () => {
    const result = runEngine({ world: w, external, until: s(900) });
    expect(foldEngine(result.events, initialState())).toEqual(result.state);
  });

  it('folds through the reducers without throwing, every prefix included', () => {
    for (let i = 0; i <= events.length; i += 25) expect(() => foldCluster(events.slice(0, i))).not.toThrow();
    const cluster = foldCluster(events);
    const phase = (name: string) => [...cluster.pods.values()].find((p) => p.pod.metadata.name === name)?.pod.status?.phase;
    expect(phase('init')).toBe('Failed');
    expect(phase('crasher')).toBe('Running');
    expect([...cluster.pods.values()].some((p) => p.pod.metadata.uid === podRef('live').uid)).toBe(false);
  });
});
