/**
 * A pod's aggregate requests and limits (`component-helpers/resource :: PodRequests`, `PodLimits`, as the kubelet
 * asks them for `status.allocatedResources` and `status.resources`), and what the kubelet reads back from the pod
 * cgroup it wrote (`helpers_linux.go :: ResourceConfigForPod`, `CPURequestsFromConfig`, cgroup v2 weight conversions).
 */
import { describe, expect, it } from 'vitest';
import type { Container, PodSpec } from '../../src/k8s/pod.js';
import { podLimits, podRequests } from '../../src/k8s/pod-resources.js';
import { podCgroupReading } from '../../src/k8s/pod-cgroup.js';

const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>, sidecar = false): Container => ({
  name,
  image: 'busybox:1.36',
  ...((requests !== undefined || limits !== undefined) && { resources: { ...(requests && { requests }), ...(limits && { limits }) } }),
  ...(sidecar && { restartPolicy: 'Always' }),
});
const spec = (containers: Container[], more: Partial<PodSpec> = {}): PodSpec => ({ containers, ...more });

describe('PodRequests and PodLimits', () => {
  it('one container: its own quantities, as spelt (the k8shark pods: 10m and 16Mi, limit 64Mi)', () => {
    const s = spec([c('web', { cpu: '10m', memory: '16Mi' }, { memory: '64Mi' })]);
    expect(podRequests(s)).toEqual({ cpu: '10m', memory: '16Mi' });
    expect(podLimits(s)).toEqual({ memory: '64Mi' });
  });

  it('containers and sidecars add up; a regular init container counts as its peak beside the sidecars before it', () => {
    const s = spec([c('a', { cpu: '100m', memory: '64Mi' }), c('b', { cpu: '0.2' })], {
      initContainers: [c('side', { cpu: '50m' }, undefined, true), c('setup', { cpu: '900m', memory: '32Mi' })],
    });
    // regular 100m + 200m + sidecar 50m = 350m; the init peak 900m + 50m = 950m is larger
    expect(podRequests(s)).toEqual({ cpu: '950m', memory: '64Mi' });
  });

  it('a sum prints canonically in the first addend\'s format', () => {
    const s = spec([c('a', { memory: '512Mi' }), c('b', { memory: '512Mi' })]);
    expect(podRequests(s)).toEqual({ memory: '1Gi' });
  });

  it('pod-level resources replace the aggregate resource by resource; the overhead is added (to limits that exist)', () => {
    const s = spec([c('a', { cpu: '100m', memory: '64Mi' }, { memory: '128Mi' })], {
      resources: { requests: { cpu: '1' }, limits: { cpu: '2' } },
      overhead: { cpu: '250m', memory: '120Mi' },
    });
    expect(podRequests(s)).toEqual({ cpu: '1250m', memory: '184Mi' });
    expect(podLimits(s)).toEqual({ cpu: '2250m', memory: '248Mi' });
  });

  it('nothing requested: empty (allocatedResources is then omitted)', () => {
    expect(podRequests(spec([c('a')]))).toEqual({});
    expect(podLimits(spec([c('a')]))).toEqual({});
  });
});

describe('the pod cgroup read back (cgroup v2)', () => {
  const read = (s: PodSpec, qos: 'Guaranteed' | 'Burstable' | 'BestEffort') => podCgroupReading(s, qos, podRequests(s), podLimits(s));

  it('cpu shares round through cpu.weight: 10m reads 2m, 100m 79m, 1 975m, 1500m 1487m', () => {
    const cpu = (q: string): bigint => read(spec([c('a', { cpu: q })]), 'Burstable').cpuRequestMilli;
    expect([cpu('10m'), cpu('100m'), cpu('1'), cpu('1500m')]).toEqual([2n, 79n, 975n, 1487n]);
  });

  it('a BestEffort pod gets MinShares and no limit', () => {
    expect(read(spec([c('a')]), 'BestEffort')).toEqual({ cpuRequestMilli: 2n });
  });

  it('a Burstable pod has a quota or memory.max only when every container declares that limit', () => {
    expect(read(spec([c('a', { memory: '16Mi' }, { memory: '64Mi' })]), 'Burstable')).toEqual({ cpuRequestMilli: 2n, memoryLimitBytes: 64n * 1024n * 1024n });
    expect(read(spec([c('a', { memory: '16Mi' }, { memory: '64Mi' }), c('b', { cpu: '10m' })]), 'Burstable')).toEqual({ cpuRequestMilli: 2n });
  });

  it('a Guaranteed pod: the quota is at least 1 ms (5m reads 10m), memory.max in whole 4 KiB pages', () => {
    const g = read(spec([c('a', { cpu: '5m', memory: '1G' }, { cpu: '5m', memory: '1G' })]), 'Guaranteed');
    expect(g).toEqual({ cpuRequestMilli: 2n, cpuLimitMilli: 10n, memoryLimitBytes: 999_997_440n });
  });
});
