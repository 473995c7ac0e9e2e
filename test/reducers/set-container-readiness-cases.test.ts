/**
 * Kubernetes' cases as data: `pkg/kubelet/status/status_manager_test.go :: TestSetContainerReadiness` and
 * `TestSetContainerStartup`, through events. Upstream's `SetContainerReadiness(uid, containerID, ready)` is the
 * prober's result for a container instance (`ProbeResultChanged`, readiness or startup); its pod has two
 * containers `c1` and `c2`. "Before status" (no status to update yet) is, here, a result before the container
 * runs: the prober has no instance to give it to, so it changes nothing.
 */
import { describe, expect, test } from 'vitest';
import type { ProbeKind } from '../../src/events/index.js';
import type { PodSpec } from '../../src/k8s/pod.js';
import { PodScript } from './script.js';

const exec = { exec: { command: ['true'] } };

const pod = (probe: ProbeKind): PodScript => {
  const key = probe === 'readiness' ? 'readinessProbe' : 'startupProbe';
  const spec: PodSpec = { containers: [{ name: 'c1', image: 'c1:1', [key]: exec }, { name: 'c2', image: 'c2:1', [key]: exec }] };
  return new PodScript(spec).scheduled();
};

const statusOf = (s: PodScript, name: string) => s.must().status?.containerStatuses?.find((c) => c.name === name);
const readiness = (s: PodScript) => ({
  c1: statusOf(s, 'c1')?.ready,
  c2: statusOf(s, 'c2')?.ready,
  pod: s.must().status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True',
});
const startup = (s: PodScript) => ({ c1: statusOf(s, 'c1')?.started, c2: statusOf(s, 'c2')?.started });

describe('status_manager_test.go :: TestSetContainerReadiness', () => {
  test('the steps of upstream\'s test, in order', () => {
    const s = pod('readiness');
    // Setting readiness before status should fail.
    s.probe('c1', 'readiness', 'success');
    s.pulled('c1').run('c1').pulled('c2').run('c2');
    // Setting initial status.
    expect(readiness(s), 'initial').toEqual({ c1: false, c2: false, pod: false });
    // Setting unchanged readiness should do nothing.
    s.probe('c1', 'readiness', 'failure');
    expect(readiness(s), 'unchanged').toEqual({ c1: false, c2: false, pod: false });
    // Setting container readiness should generate update but not pod readiness.
    s.probe('c1', 'readiness', 'success');
    expect(readiness(s), 'c1 ready').toEqual({ c1: true, c2: false, pod: false });
    // Setting both containers to ready should update pod readiness.
    s.probe('c2', 'readiness', 'success');
    expect(readiness(s), 'all ready').toEqual({ c1: true, c2: true, pod: true });
    // Setting non-existent container readiness should fail.
    s.probe('foo', 'readiness', 'failure');
    expect(readiness(s), 'ignore non-existent').toEqual({ c1: true, c2: true, pod: true });
  });
});

describe('status_manager_test.go :: TestSetContainerStartup', () => {
  test('the steps of upstream\'s test, in order', () => {
    const s = pod('startup');
    // Setting startup before status should fail.
    s.probe('c1', 'startup', 'success');
    s.pulled('c1').run('c1').pulled('c2').run('c2');
    expect(startup(s), 'initial').toEqual({ c1: false, c2: false });
    // Setting unchanged startup should do nothing.
    s.probe('c1', 'startup', 'failure');
    expect(startup(s), 'unchanged').toEqual({ c1: false, c2: false });
    // Setting container startup should generate update but not pod startup.
    s.probe('c1', 'startup', 'success');
    expect(startup(s), 'c1 ready').toEqual({ c1: true, c2: false });
    // Setting both containers to ready should update pod startup.
    s.probe('c2', 'startup', 'success');
    expect(startup(s), 'all ready').toEqual({ c1: true, c2: true });
    // Setting non-existent container startup should fail.
    s.probe('foo', 'startup', 'success');
    expect(startup(s), 'ignore non-existent').toEqual({ c1: true, c2: true });
  });
});
