/**
 * The pods the kubelet counts a new pod's room against (`kubelet.go :: HandlePodAdditions` → `canAdmitPod` with
 * `GetActivePods()` → `kubelet_pods.go :: filterOutInactivePods`): a terminal pod whose termination the pod
 * workers have not finished still holds its requests. Cases: `kubelet_test.go :: TestFilterOutInactivePods`
 * ("pod that is failed but still terminating is included (it may still be consuming resources)"; a deleted
 * running pod included; a finished, or known terminated, pod excluded), played through the engine: each
 * kept pod requests the node's whole cpu, and a pod bound by `spec.nodeName` at `probe` s is rejected
 * `OutOfcpu` exactly when it is counted.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { PodSpec } from '../../src/k8s/pod.js';
import { created, deleted, node, ofType, run, world } from './harness.js';

const whole = { requests: { cpu: '1' } };
const holder = (spec: Partial<PodSpec>) => created({ metadata: { name: 'holder' }, spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'app:1', resources: whole }], ...spec } });
const newcomer = (at: number) => created({ metadata: { name: 'newcomer' }, spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'app:1', resources: whole }] } }, at);
const verdict = (events: readonly Event[]): string => {
  const rejected = ofType(events, 'PodRejected').find((e) => e.pod.name === 'newcomer');
  if (rejected !== undefined) return rejected.reason;
  return ofType(events, 'PodAdmitted').some((e) => e.pod.name === 'newcomer') ? 'admitted' : 'none';
};
const n1 = node('n1', { cpu: '1', memory: '8Gi', pods: '110' });
// SIGTERM ignored: a killed container lives until SIGKILL at the end of its grace
const ignoresSigterm = world({ onSigterm: () => undefined });

describe('kubelet_test.go :: TestFilterOutInactivePods through admission', () => {
  const cases: { name: string; external: Event[]; probe: number; expected: string }[] = [
    {
      name: 'failed but still terminating (past its deadline at +10, SIGKILL at +40): included',
      external: [holder({ activeDeadlineSeconds: 10, terminationGracePeriodSeconds: 30 })],
      probe: 20,
      expected: 'OutOfcpu',
    },
    {
      name: 'failed and known terminated (its container gone at +40): excluded',
      external: [holder({ activeDeadlineSeconds: 10, terminationGracePeriodSeconds: 30 })],
      probe: 45,
      expected: 'admitted',
    },
    {
      name: 'deleted while running, not yet known terminated: included',
      external: [holder({ terminationGracePeriodSeconds: 30 }), deleted('holder', 5, 30)],
      probe: 20,
      expected: 'OutOfcpu',
    },
    {
      name: 'running: included',
      external: [holder({})],
      probe: 20,
      expected: 'OutOfcpu',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(verdict(run([n1, ...c.external, newcomer(c.probe)], ignoresSigterm, c.probe + 5))).toBe(c.expected);
  });

  it('succeeded, its sidecar still stopping (finished at +5, the sidecar SIGKILLed at +35): included, then excluded', () => {
    const job = holder({
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 30,
      initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }],
    });
    const w = world({ onSigterm: () => undefined, containerRun: (_pod, container) => (container === 'app' ? { exit: { afterMs: 5_000, code: 0 } } : {}) });
    expect(verdict(run([n1, job, newcomer(20)], w, 25))).toBe('OutOfcpu');
    expect(verdict(run([n1, job, newcomer(40)], w, 45))).toBe('admitted');
  });
});
