/**
 * Termination messages in the status the kubelet writes: `pkg/kubelet/status/status_manager_test.go ::
 * TestStatusNormalizationEnforcesMaxBytes` (the newest stored version, with ephemeral container statuses) and
 * `status_manager.go :: normalizeStatus`: every status is normalized before it is cached and sent, each terminated
 * state's message cut (Go `s[:n]`, in bytes) to 12 KiB (`kubecontainer.MaxPodTerminationMessageLogLength`) divided
 * by the containers the spec lists, init and ephemeral ones included.
 *
 * Upstream normalizes a status it builds by hand against a pod whose spec lists no container; podjournal generates
 * statuses from a spec, so its pod lists the containers (ephemeral container statuses are not folded: those are
 * left out).
 */
import { describe, expect, it } from 'vitest';
import type { Container, ContainerStatus } from '../../src/k8s/pod.js';
import { PodScript } from './script.js';

const app = (name: string): Container => ({ name, image: 'app:1' });

/** A pod whose containers each ran and exited 1 with `message(i)` (i in spec order, init containers first). */
const exitedWith = (inits: number, regular: number, message: (i: number) => string, extra: { ephemeral?: number } = {}) => {
  const initContainers = Array.from({ length: inits }, (_, i) => ({ ...app(`container${i}`), restartPolicy: 'Always' as const }));
  const containers = Array.from({ length: regular }, (_, i) => app(`container${inits + i}`));
  const ephemeralContainers = Array.from({ length: extra.ephemeral ?? 0 }, (_, i) => ({ name: `debug${i}`, image: 'busybox' }));
  const p = new PodScript({ initContainers, containers, restartPolicy: 'Never', ...(extra.ephemeral === undefined ? {} : { ephemeralContainers }) }).scheduled();
  [...initContainers, ...containers].forEach((c, i) => {
    p.run(c.name).exit(c.name, { containerID: p.id(c.name), exitCode: 1, reason: 'Error', message: message(i) });
  });
  const status = p.pod()?.status;
  return [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
};

const messageOf = (s: ContainerStatus): string => s.state?.terminated?.message ?? '';
const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('status_manager_test.go :: TestStatusNormalizationEnforcesMaxBytes', () => {
  it('messages of 192 to 208 bytes within the share stay whole, and together within 12 KiB', () => {
    const statuses = exitedWith(16, 16, (i) => 'abcdefgh'.repeat(24 + (i % 3)));
    const lengths = statuses.map((s) => bytes(messageOf(s)));
    expect(lengths.every((l) => l >= 192 && l <= 256)).toBe(true);
    expect(lengths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(12 * 1024);
  });
});

describe('status_manager.go :: normalizeStatus', () => {
  it('48 containers share 12 KiB: 256 bytes each, the rest cut', () => {
    const statuses = exitedWith(24, 24, (i) => `${i}:`.padEnd(300, 'x'));
    expect(statuses.map((s) => bytes(messageOf(s)))).toEqual(Array.from({ length: 48 }, () => 256));
    expect(messageOf(statuses[7] as ContainerStatus)).toBe('7:'.padEnd(256, 'x'));
  });

  it('one container keeps up to 12288 bytes', () => {
    expect(exitedWith(0, 1, () => 'y'.repeat(12289)).map((s) => bytes(messageOf(s)))).toEqual([12288]);
    expect(exitedWith(0, 1, () => 'y'.repeat(5000)).map((s) => bytes(messageOf(s)))).toEqual([5000]);
  });

  it('counts bytes, not characters: a cut inside a character leaves its kept bytes as U+FFFD', () => {
    // 5 containers: 2457 bytes each; 'é' is 2 bytes, so 1228 of them and one byte of the next
    const [first] = exitedWith(0, 5, () => 'é'.repeat(2000));
    expect(messageOf(first as ContainerStatus)).toBe(`${'é'.repeat(1228)}\uFFFD`);
  });

  it('ephemeral containers in the spec take their share too', () => {
    const [first] = exitedWith(0, 2, () => 'z'.repeat(5000), { ephemeral: 1 });
    expect(bytes(messageOf(first as ContainerStatus))).toBe(4096);
  });

  it('a restarted container’s last termination is cut alike', () => {
    const p = new PodScript({ containers: [app('a'), app('b'), app('c')] }).scheduled();
    p.run('a').exit('a', { containerID: p.id('a'), exitCode: 1, reason: 'Error', message: 'm'.repeat(9000) });
    p.containerCreated('a').started('a');
    const status = p.pod()?.status?.containerStatuses?.find((s) => s.name === 'a');
    expect(status?.lastState?.terminated?.message).toBe('m'.repeat(4096));
    expect(status?.state?.running).toBeDefined();
  });
});
