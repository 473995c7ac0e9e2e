import { describe, expect, it } from 'vitest';
import { created, node, ofType, offset, run, times, world } from './harness.js';

const MI = 1n << 20n;

describe('OOM kill', () => {
  it('a container whose working set passes its memory limit exits 137 OOMKilled and restarts per policy (back-off included)', () => {
    const limits = { cpu: '100m', memory: '100Mi' };
    const pod = created({ metadata: { name: 'memleak' }, spec: { containers: [{ name: 'leak', image: 'leak:1', resources: { limits, requests: limits } }] } });
    // 10Mi more every second since the start: exactly 100Mi at +10 s (not over), over at +11 s
    const w = world({ memoryBytes: (_p, _c, now, startedAt) => (BigInt(now - startedAt) * 10n * MI) / 1000n });
    const events = run([node('n1'), pod], w, 40);
    expect(ofType(events, 'ContainerExited').map((e) => [offset(e), e.exitCode, e.reason])).toEqual([
      [11, 137, 'OOMKilled'],
      [23, 137, 'OOMKilled'],
    ]);
    expect(times(events, 'ContainerStarted')).toEqual([0, 12, 33]);
    expect(ofType(events, 'ContainerUsageSampled').map((e) => [offset(e), e.memory]).slice(0, 2)).toEqual([
      [10, '100Mi'], // the eviction manager's 10 s sample
      [11, '110Mi'], // the sample that passed the limit
    ]);
  });

  it('shows the eviction manager a working set capped at the limit, as the cgroup enforces it', () => {
    const limits = { memory: '64Mi' };
    const pod = created({ metadata: { name: 'burst' }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits, requests: limits } }] } });
    const events = run([node('n1'), pod], world({ memoryBytes: () => 1024n * MI }), 0.5);
    expect(ofType(events, 'ContainerUsageSampled').map((e) => [offset(e), e.memory, e.source])).toEqual([[0, '64Mi', 'node']]);
  });

  it('never OOM-kills a container without a memory limit', () => {
    const pod = created({ metadata: { name: 'greedy' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } });
    const events = run([node('n1'), pod], world({ memoryBytes: () => 4096n * MI }), 30);
    expect(times(events, 'ContainerExited')).toEqual([]);
  });
});
