/**
 * `SortedContainerStatuses` (`pkg/kubelet/types/pod_status.go`, sorted in `pkg/kubelet/kubelet_pods.go ::
 * convertStatusToAPIStatus`): regular containers' statuses are listed by name, init containers' in spec order
 * (`SortInitContainerStatuses`); the condition messages still follow the spec.
 */
import { describe, expect, test } from 'vitest';
import type { PodSpec } from '../../src/k8s/pod.js';
import { PodScript } from './script.js';

const spec: PodSpec = {
  initContainers: [
    { name: 'z-init', image: 'i:1' },
    { name: 'a-init', image: 'i:1' },
  ],
  containers: [
    { name: 'web', image: 'w:1' },
    { name: 'app', image: 'a:1' },
    { name: 'log', image: 'l:1' },
  ],
  restartPolicy: 'Always',
};

describe('container status order', () => {
  test('regular statuses by name, init statuses in spec order, from the first status on', () => {
    const p = new PodScript(spec).scheduled();
    expect(p.must().status?.containerStatuses?.map((s) => s.name)).toEqual(['app', 'log', 'web']);
    expect(p.must().status?.initContainerStatuses?.map((s) => s.name)).toEqual(['z-init', 'a-init']);
  });

  test('each status stays with its container as events arrive, and the unready list follows the spec', () => {
    const p = new PodScript(spec).scheduled();
    for (const c of ['z-init', 'a-init']) p.pulled(c).containerCreated(c).started(c).exited(c, 0);
    p.pulled('log').containerCreated('log').started('log');
    const status = p.must().status;
    expect(status?.containerStatuses?.map((s) => [s.name, Object.keys(s.state ?? {})[0]])).toEqual([
      ['app', 'waiting'],
      ['log', 'running'],
      ['web', 'waiting'],
    ]);
    expect(status?.conditions?.find((c) => c.type === 'ContainersReady')?.message).toBe('containers with unready status: [web app]');
  });
});
