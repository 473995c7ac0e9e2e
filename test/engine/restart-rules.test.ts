/**
 * A container's own `restartPolicy` and `restartPolicyRules` in the engine (gate `ContainerRestartRules`, on
 * in v1.36): `ShouldContainerBeRestarted` asks `ContainerShouldRestart` of a regular container's exit code;
 * a failed init container and a probe kill go by the container's own policy, else the pod's, without the
 * rules (`computeInitContainerActions`, `computePodActions`); the phase follows `getPhase`'s gated branches.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { msOf } from '../../src/k8s/codecs.js';
import type { Container, ContainerRestartRule, RestartPolicy } from '../../src/k8s/pod.js';
import { foldCluster } from '../../src/reducers/index.js';
import { kubectlRow } from '../../src/printers/pod-row.js';
import { created, node, ofType, run, s, times, world } from './harness.js';

const restartOn = (...values: number[]): ContainerRestartRule => ({ action: 'Restart', exitCodes: { operator: 'In', values } });

const app = (extra: Partial<Container> = {}): Container => ({ name: 'app', image: 'busybox:1.36', ...extra });

const podWith = (restartPolicy: RestartPolicy, containers: Container[], initContainers?: Container[]) =>
  created({ metadata: { name: 'rules' }, spec: { restartPolicy, containers, ...(initContainers !== undefined && { initContainers }) } });

/** Each run of `app` exits after 5 s with the next code of `codes` (the last one repeats). */
const exiting = (codes: readonly number[], name = 'app') =>
  world({ containerRun: (_p, c, n) => (c === name ? { exit: { afterMs: 5000, code: codes[Math.min(n, codes.length - 1)] ?? 0 } } : {}) });

const podAt = (events: readonly Event[], t: number) => [...foldCluster(events.filter((e) => msOf(e.at) <= s(t))).pods.values()][0]?.pod;

const rowAt = (events: readonly Event[], t: number): string => {
  const pod = podAt(events, t);
  if (pod === undefined) return '<gone>';
  const row = kubectlRow(pod, new Date(s(t)));
  return `${row.status} ${row.ready} ${row.restarts}`;
};

describe('a regular container with its own policy and rules (ShouldContainerBeRestarted → ContainerShouldRestart)', () => {
  it('restarts on the exit code its rule names, then stops on another: pod Never, container Never, Restart In [42]', () => {
    const events = run([node('n1'), podWith('Never', [app({ restartPolicy: 'Never', restartPolicyRules: [restartOn(42)] })])], exiting([42, 1]), 120);
    // exits 42 at +5 s: the relist's sync (+6 s) restarts it at once (no back-off entry yet); exits 1 at +11 s: done
    expect(times(events, 'ContainerStarted')).toEqual([0, 6]);
    expect(times(events, 'ContainerExited')).toEqual([5, 11]);
    expect(rowAt(events, 8)).toBe('Running 1/1 1 (3s ago)');
    expect(podAt(events, 120)?.status?.phase).toBe('Failed');
    expect(rowAt(events, 120)).toBe('Error 0/1 1 (115s ago)');
  });

  it('backs a rule restart off like any other (doBackOff): 10 s, then 20 s, as under the pod’s Always', () => {
    const events = run([node('n1'), podWith('Never', [app({ restartPolicy: 'Never', restartPolicyRules: [restartOn(42)] })])], exiting([42]), 60);
    expect(times(events, 'ContainerStarted')).toEqual([0, 6, 21, 46]);
    expect(ofType(events, 'ContainerBackOff').map((e) => e.delaySeconds).slice(0, 2)).toEqual([10, 20]);
    expect(podAt(events, 60)?.status?.phase).toBe('Running');
  });

  it('a container’s own Never overrides the pod’s Always: one failure and the pod is Failed (getPhase, stoppedNotRestartable)', () => {
    const events = run([node('n1'), podWith('Always', [app({ restartPolicy: 'Never' })])], exiting([1]), 60);
    expect(times(events, 'ContainerStarted')).toEqual([0]);
    expect(podAt(events, 60)?.status?.phase).toBe('Failed');
  });

  it('a container’s own OnFailure under the pod’s Never restarts a failure and ends Succeeded on exit 0', () => {
    const events = run([node('n1'), podWith('Never', [app({ restartPolicy: 'OnFailure' })])], exiting([3, 0]), 60);
    expect(times(events, 'ContainerStarted')).toEqual([0, 6]);
    expect(podAt(events, 60)?.status?.phase).toBe('Succeeded');
  });

  it('a NotIn rule restarts every code but those listed', () => {
    const rule: ContainerRestartRule = { action: 'Restart', exitCodes: { operator: 'NotIn', values: [0] } };
    const events = run([node('n1'), podWith('Never', [app({ restartPolicy: 'Never', restartPolicyRules: [rule] })])], exiting([7, 0]), 60);
    expect(times(events, 'ContainerStarted')).toEqual([0, 6]);
    expect(podAt(events, 60)?.status?.phase).toBe('Succeeded');
  });

  it('keeps the pod Running while a sibling that may not restart has stopped and another runs', () => {
    const keeper: Container = { name: 'keeper', image: 'busybox:1.36' };
    const events = run([node('n1'), podWith('Always', [app({ restartPolicy: 'Never' }), keeper])], exiting([1]), 60);
    expect(times(events, 'ContainerStarted', 'app')).toEqual([0]);
    expect(podAt(events, 60)?.status?.phase).toBe('Running');
  });
});

describe('an init container with its own policy (computeInitContainerActions: its own policy, else the pod’s, no rules)', () => {
  it('retries a failed init container whose own OnFailure overrides the pod’s Never, then initializes', () => {
    const init: Container = { name: 'setup', image: 'busybox:1.36', restartPolicy: 'OnFailure' };
    const events = run([node('n1'), podWith('Never', [app()], [init])], exiting([75, 0], 'setup'), 60);
    expect(times(events, 'ContainerStarted', 'setup')).toEqual([0, 6]);
    expect(times(events, 'ContainerStarted', 'app')).toEqual([12]);
  });

  it('does not retry an init container whose own Never has a rule naming its code; getPhase, which reads the rule, keeps the pod Pending', () => {
    const init: Container = { name: 'setup', image: 'busybox:1.36', restartPolicy: 'Never', restartPolicyRules: [restartOn(75)] };
    const events = run([node('n1'), podWith('Never', [app()], [init])], exiting([75, 0], 'setup'), 60);
    expect(times(events, 'ContainerStarted', 'setup')).toEqual([0]);
    expect(times(events, 'ContainerStarted', 'app')).toEqual([]);
    expect(podAt(events, 60)?.status?.phase).toBe('Pending');
  });

  it('gives up on an init container whose own Never says so under the pod’s Always: Failed, nothing regular starts', () => {
    const init: Container = { name: 'setup', image: 'busybox:1.36', restartPolicy: 'Never' };
    const events = run([node('n1'), podWith('Always', [app()], [init])], exiting([1], 'setup'), 60);
    expect(times(events, 'ContainerStarted', 'setup')).toEqual([0]);
    expect(times(events, 'ContainerStarted', 'app')).toEqual([]);
    expect(podAt(events, 60)?.status?.phase).toBe('Failed');
  });
});

describe('a probe kill (computePodActions: the container’s own policy, rules not read)', () => {
  const failing = world({ probe: () => ({ outcome: 'failure' }) });
  const liveness = { exec: { command: ['check'] }, periodSeconds: 5, failureThreshold: 1 };

  it('does not restart a killed container whose own policy is Never, even under the pod’s Always', () => {
    const events = run([node('n1'), podWith('Always', [app({ restartPolicy: 'Never', livenessProbe: liveness })])], failing, 60);
    expect(ofType(events, 'ContainerKilling')[0]?.message).toBe('Container app failed liveness probe');
    expect(times(events, 'ContainerStarted')).toEqual([0]);
  });

  it('restarts a killed container whose own policy is Always under the pod’s Never', () => {
    const events = run([node('n1'), podWith('Never', [app({ restartPolicy: 'Always', livenessProbe: liveness })])], failing, 60);
    expect(ofType(events, 'ContainerKilling')[0]?.message).toBe('Container app failed liveness probe, will be restarted');
    expect(times(events, 'ContainerStarted').length).toBeGreaterThan(1);
  });
});
