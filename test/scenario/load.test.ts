/** Every sample in journal/ loads, and what it compiles to is deterministic and well-formed. */
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/events/index.js';
import * as E from 'fp-ts/lib/Either.js';
import { renderScenarioError } from '../../src/scenario/index.js';
import { loadSample, loadText, sampleNames } from './support.js';
import { simulate } from '../../src/engine/simulate.js';

describe('the sample journals', () => {
  it('are at least fourteen, crashloop-memleak among them', () => {
    expect(sampleNames.length).toBeGreaterThanOrEqual(14);
    expect(sampleNames).toContain('crashloop-memleak');
  });

  it.each(sampleNames)('%s loads, with a story and external events that decode as events', (name) => {
    const loaded = loadSample(name);
    expect(loaded.name).toBe(name);
    expect(loaded.story.split('\n')[0]).toMatch(new RegExp(`\\S+: .+`));
    expect(loaded.story).toContain('podj get pods');
    expect(loaded.simulation.until).toBeGreaterThan(Date.parse(loaded.start));
    for (const event of loaded.simulation.external) expect(Event.is(event), JSON.stringify(event)).toBe(true);
    const times = loaded.simulation.external.map((e) => e.at);
    expect(times).toEqual([...times].sort());
  });

  it.each(sampleNames)('%s compiles to the same external events every time', (name) => {
    expect(loadSample(name).simulation.external).toEqual(loadSample(name).simulation.external);
  });
});

describe('compiled timelines', () => {
  it('creates pods with deterministic uids, the scenario start as creation time, and nodes first', () => {
    const { simulation, start } = loadSample('crashloop-memleak');
    const [registered, ready, created] = simulation.external;
    expect(registered).toMatchObject({ type: 'NodeRegistered', node: 'node01', at: start, internalIP: '172.16.1.101' });
    expect(ready).toMatchObject({ type: 'NodeConditionChanged', conditionType: 'Ready', status: 'True' });
    expect(created).toMatchObject({
      type: 'PodCreated',
      at: '2026-01-18T08:00:00.000Z',
      pod: { namespace: 'default', name: 'memleak-pod' },
      manifest: { metadata: { uid: created?.type === 'PodCreated' ? created.pod.uid : '', creationTimestamp: start } },
    });
    expect(created?.type === 'PodCreated' && created.pod.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('turns label, annotate and a re-apply into metadata updates carrying the whole maps', () => {
    const updates = loadSample('pod-demo-labels').simulation.external.filter((e) => e.type === 'PodMetadataUpdated');
    expect(updates.map((u) => [u.at.slice(11, 19), u.labels, u.annotations])).toEqual([
      ['03:01:00', { app: 'pod-demo', rel: 'stable', tier: 'frontend' }, { 'ik8s.io/project': 'hello' }],
      ['03:02:00', { app: 'myapp', rel: 'stable', tier: 'frontend' }, { 'ik8s.io/project': 'hello' }],
      ['03:03:00', { app: 'myapp', tier: 'frontend' }, { 'ik8s.io/project': 'hello' }],
      ['03:04:00', { app: 'myapp', tier: 'frontend' }, { 'ik8s.io/project': 'hello', 'ik8s.io/owner': 'ops' }],
      ['03:05:00', { app: 'pod-demo', rel: 'stable' }, { 'ik8s.io/project': 'hello' }],
    ]);
  });

  it('asks for the pod grace period, or 0 when forced', () => {
    const graces = (name: string) =>
      loadSample(name).simulation.external.flatMap((e) =>
        e.type === 'PodDeletionRequested' ? [[e.pod.name, e.gracePeriodSeconds, e.at.slice(11, 19)]] : [],
      );
    expect(graces('lifecycle-demo')).toEqual([
      ['lifecycle-demo', 30, '13:02:00'],
      ['nginx-srv', 30, '13:02:00'],
    ]);
    expect(graces('node-lost')).toEqual([['web', 0, '17:08:00']]);
  });

  it('gives nodes their eviction threshold and preloaded images only when the scenario says so', () => {
    const registered = (name: string) => loadSample(name).simulation.external.find((e) => e.type === 'NodeRegistered');
    expect(registered('memory-pressure')).toMatchObject({
      evictionHard: { 'memory.available': '200Mi' },
      capacity: { memory: '2Gi' },
    });
    expect(registered('crashloop-memleak')).not.toHaveProperty('evictionHard');
    expect(registered('liveness-http')).toMatchObject({ images: ['nginx:1.14-alpine'] });
  });

  it('registers a joining node at its offset and stops a kubelet where the scenario says', () => {
    const joined = loadSample('unschedulable').simulation.external.find(
      (e) => e.type === 'NodeRegistered' && e.node === 'node02',
    );
    expect(joined).toMatchObject({
      at: '2026-01-18T15:02:00.000Z',
      labels: { disktype: 'ssd' },
      capacity: { memory: '8Gi' },
    });
    const stopped = loadSample('node-lost').simulation.external.filter((e) => e.type === 'KubeletStopped');
    expect(stopped).toMatchObject([{ at: '2026-01-18T17:01:00.000Z', node: 'node01' }]);
    // the marking is the controller's, not the scenario's
    expect(loadSample('node-lost').simulation.external.some((e) => e.type === 'NodeConditionChanged' && e.status === 'Unknown')).toBe(false);
  });
});

describe('timeline steps', () => {
  const web =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: web, labels: { app: web } }\nspec:\n  terminationGracePeriodSeconds: 10\n  containers: [{ name: app, image: busybox }]\n';
  const compile = (steps: string) => {
    const loaded = loadText(
      `start: 2026-01-18T08:00:00+02:00\nuntil: 10m\nnodes: [{ name: node01 }]\ntimeline:\n${steps}`,
      { 'web.yaml': web },
    );
    return E.isLeft(loaded)
      ? renderScenarioError(loaded.left)
      : loaded.right.simulation.external.filter((e) => e.type !== 'NodeRegistered');
  };

  it('sends node conditions as written, at their offsets from a start given with any offset', () => {
    expect(
      compile(
        '  - at: 90s\n    nodeCondition: { node: node01, type: DiskPressure, status: "True", reason: KubeletHasDiskPressure }\n',
      ),
    ).toEqual([
      expect.objectContaining({ conditionType: 'Ready', status: 'True', at: '2026-01-18T06:00:00.000Z' }),
      {
        type: 'NodeConditionChanged',
        v: 1,
        at: '2026-01-18T06:01:30.000Z',
        source: 'node',
        node: 'node01',
        conditionType: 'DiskPressure',
        status: 'True',
        reason: 'KubeletHasDiskPressure',
      },
    ]);
  });

  it('deletes with the pod grace, then creates a new pod with a new uid when applied again', () => {
    const events = compile(
      '  - at: 0s\n    apply: web.yaml\n  - at: 1m\n    delete: { pod: web }\n  - at: 2m\n    apply: web.yaml\n',
    );
    if (typeof events === 'string') throw new Error(events);
    const pods = events.flatMap((e) => (e.type === 'PodCreated' || e.type === 'PodDeletionRequested' ? [e] : []));
    expect(
      pods.map((e) => [
        e.type,
        e.at.slice(11, 19),
        e.type === 'PodDeletionRequested' ? e.gracePeriodSeconds : undefined,
      ]),
    ).toEqual([
      ['PodCreated', '06:00:00', undefined],
      ['PodDeletionRequested', '06:01:00', 10],
      ['PodCreated', '06:02:00', undefined],
    ]);
    expect(pods[0]?.pod.uid).toBe(pods[1]?.pod.uid);
    expect(pods[2]?.pod.uid).not.toBe(pods[0]?.pod.uid);
  });

  // rest/delete.go :: BeforeDelete: a pod being deleted takes a second request; a removed one is NotFound
  it('takes a second delete of a pod being deleted (--force), and drops one the cluster removed meanwhile', () => {
    const deletions = (steps: string) => {
      const loaded = loadText(
        `start: 2026-01-18T08:00:00Z\nuntil: 10m\nnodes: [{ name: node01 }]\ntimeline:\n  - at: 0s\n    apply: web.yaml\n${steps}` +
          'behavior: { web: { app: { sigterm: ignore } } }\n',
        { 'web.yaml': web },
      );
      if (E.isLeft(loaded)) throw new Error(renderScenarioError(loaded.left));
      return simulate(loaded.right.simulation).flatMap((e) =>
        e.type === 'PodDeletionRequested' || e.type === 'PodRemoved' ? [[e.type, e.at.slice(14, 19), e.type === 'PodDeletionRequested' ? e.gracePeriodSeconds : e.source]] : [],
      );
    };
    // SIGTERM ignored: the 10 s grace would run to 01:10; the force deletion at 01:05 removes the object at once
    expect(deletions('  - at: 1m\n    delete: { pod: web }\n  - at: 65s\n    delete: { pod: web, force: true }\n')).toEqual([
      ['PodDeletionRequested', '01:00', 10],
      ['PodDeletionRequested', '01:05', 0],
      ['PodRemoved', '01:05', 'api'],
    ]);
    // SIGKILL at the grace's end, 01:10; the kubelet's final delete at the relist after it (SyncTerminatedPod), 01:11:
    // the request at 02:00 finds nothing and writes nothing
    expect(deletions('  - at: 1m\n    delete: { pod: web }\n  - at: 2m\n    delete: { pod: web, force: true }\n')).toEqual([
      ['PodDeletionRequested', '01:00', 10],
      ['PodRemoved', '01:11', 'kubelet'],
    ]);
  });

  it('runs steps in time order whatever order they are written in', () => {
    const events = compile('  - at: 1m\n    label: { pod: web, set: { tier: x } }\n  - at: 0s\n    apply: web.yaml\n');
    expect(typeof events !== 'string' && events.map((e) => e.type)).toEqual([
      'NodeConditionChanged',
      'PodCreated',
      'PodMetadataUpdated',
    ]);
  });

  it('refuses a force delete with a grace period, a pod already deleted, a node added twice, a step after until', () => {
    expect(
      compile(
        '  - at: 0s\n    apply: web.yaml\n  - at: 1m\n    delete: { pod: web, force: true, gracePeriodSeconds: 5 }\n',
      ),
    ).toBe('fixtures/scenario.yaml:8: timeline[1].delete.force: force deletion needs gracePeriodSeconds 0 (or none)');
    expect(
      compile(
        '  - at: 0s\n    apply: web.yaml\n  - at: 1m\n    delete: { pod: web }\n  - at: 2m\n    label: { pod: web, set: { a: b } }\n',
      ),
    ).toBe('fixtures/scenario.yaml:10: timeline[2].label.pod: no pod "default/web" exists at this time (not applied yet, or deleted)');
    expect(compile('  - at: 1m\n    addNode: { name: node01 }\n')).toBe(
      'fixtures/scenario.yaml:6: timeline[0].addNode.name: node "node01" already exists',
    );
    expect(compile('  - at: 11m\n    loseNode: node01\n')).toBe(
      'fixtures/scenario.yaml:5: timeline[0].at: comes after until, so it would never happen',
    );
  });
});
