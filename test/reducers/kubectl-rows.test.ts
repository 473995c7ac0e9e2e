/**
 * The folded pods read through kubectl's printer (`kubectlRow`): the STATUS / READY / RESTARTS a user sees for
 * each life the reducers model, arising from events (the printer's own cases live with the printer).
 */
import { describe, expect, test } from 'vitest';
import type { PodSpec } from '../../src/k8s/pod.js';
import { kubectlRow } from '../../src/printers/index.js';
import { PodScript, T0 } from './script.js';

const app: PodSpec = { containers: [{ name: 'app' }], restartPolicy: 'Always' };
const withInit: PodSpec = { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }], restartPolicy: 'Always' };
const sidecar: PodSpec = {
  initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
  containers: [{ name: 'app' }],
  restartPolicy: 'Always',
};

/** READY, STATUS and RESTARTS at 100 s after T0. */
const row = (p: PodScript) => {
  const r = kubectlRow(p.must(), new Date(T0 + 100_000));
  return [r.ready, r.status, r.restarts];
};

describe('kubectl get pods, from events', () => {
  test.each([
    ['created, not scheduled', (p: PodScript) => p.created(), app, ['0/1', 'Pending', '0']],
    ['pulling', (p: PodScript) => p.scheduled(), app, ['0/1', 'ContainerCreating', '0']],
    ['running', (p: PodScript) => p.scheduled().run('app'), app, ['1/1', 'Running', '0']],
    ['image pull back-off', (p: PodScript) => p.scheduled().pullFailed('app', 'x').pullBackOff('app'), app, ['0/1', 'ImagePullBackOff', '0']],
    [
      'crash loop',
      (p: PodScript) => p.scheduled().run('app').at(20).exited('app', 1).run('app').at(40).exited('app', 1).backOff('app'),
      app,
      ['0/1', 'CrashLoopBackOff', '1 (60s ago)'],
    ],
    ['exited with an error, being restarted', (p: PodScript) => p.scheduled().run('app').exited('app', 2), app, ['0/1', 'Error', '0']],
    ['OOM killed', (p: PodScript) => p.scheduled().run('app').exited('app', 137, 'OOMKilled'), app, ['0/1', 'OOMKilled', '0']],
    ['completed (Never)', (p: PodScript) => p.scheduled().run('app').exited('app', 0), { ...app, restartPolicy: 'Never' }, ['0/1', 'Completed', '0']],
    ['init running', (p: PodScript) => p.scheduled().run('init'), withInit, ['0/1', 'Init:0/1', '0']],
    ['init crash loop', (p: PodScript) => p.scheduled().run('init').exited('init', 1).backOff('init'), withInit, ['0/1', 'Init:CrashLoopBackOff', '0']],
    ['init error', (p: PodScript) => p.scheduled().run('init').exited('init', 1), withInit, ['0/1', 'Init:Error', '0']],
    ['initialized', (p: PodScript) => p.scheduled().run('init').exited('init', 0), withInit, ['0/1', 'PodInitializing', '0']],
    ['sidecar and app running', (p: PodScript) => p.scheduled().run('proxy').run('app'), sidecar, ['2/2', 'Running', '0']],
    ['terminating', (p: PodScript) => p.scheduled().run('app').deleted(30), app, ['1/1', 'Terminating', '0']],
    ['deleted and stopped', (p: PodScript) => p.scheduled().run('app').deleted(30).exited('app', 143), app, ['0/1', 'Error', '0']],
    [
      'evicted',
      (p: PodScript) => p.scheduled().run('app').evicted('The node was low on resource: memory. ').exited('app', 137, 'Error'),
      app,
      ['0/1', 'Error', '0'],
    ],
    // TerminatePod: a pod without init containers has initialized (hasPodInitialized), so the container that
    // never ran is ContainerStatusUnknown, which kubectl prefers to the pod's reason.
    ['evicted before it ran', (p: PodScript) => p.scheduled().evicted('The node was low on resource: memory. '), app, ['0/1', 'ContainerStatusUnknown', '0']],
    ['rejected at admission', (p: PodScript) => p.created().bound().rejected('OutOfcpu', 'Node didn\'t have enough resource: cpu'), app, ['0/1', 'OutOfcpu', '0']],
    ['node lost, then deleted (no NodeLost reason since the controllers stopped writing it)', (p: PodScript) => p.scheduled().run('app').nodeLost().deleted(30), app, ['1/1', 'Terminating', '0']],
  ] as const)('%s', (_name, write, spec, want) => {
    const p = new PodScript(spec);
    write(p);
    expect(row(p)).toEqual(want);
  });
});
