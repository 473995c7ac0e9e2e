/** kubectlRow and describePod are total: any pod the codec accepts prints, with well-formed cells. */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { kubectlRow } from '../../src/printers/pod-row.js';
import { describePod } from '../../src/printers/describe-pod.js';
import { NOW, decodePod, type ContainerStatusJson, type PodJson } from './fixtures.js';

const reason = fc.constantFrom(undefined, '', 'Completed', 'Error', 'CrashLoopBackOff', 'PodInitializing', 'OOMKilled');
const instant = fc.option(fc.integer({ min: -1e9, max: 1e9 }).map((ms) => new Date(NOW.getTime() + ms).toISOString()), { nil: undefined });
const state = fc.oneof(
  fc.constant({}),
  fc.record({ running: fc.record({ startedAt: instant }, { requiredKeys: [] }) }),
  fc.record({ waiting: fc.record({ reason }, { requiredKeys: [] }) }),
  fc.record({
    terminated: fc.record(
      { exitCode: fc.integer({ min: 0, max: 255 }), signal: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }), reason, finishedAt: instant },
      { requiredKeys: ['exitCode'] },
    ),
  }),
);
const status = (name: string): fc.Arbitrary<ContainerStatusJson> =>
  fc.record(
    { name: fc.constant(name), ready: fc.boolean(), started: fc.boolean(), restartCount: fc.nat(20), state, lastState: state },
    { requiredKeys: ['name'] },
  );
const podArb: fc.Arbitrary<PodJson> = fc
  .record({ inits: fc.integer({ min: 0, max: 3 }), apps: fc.integer({ min: 1, max: 3 }), sidecar: fc.boolean() })
  .chain(({ inits, apps, sidecar }) => {
    const initNames = Array.from({ length: inits }, (_, i) => `init${i}`);
    const appNames = Array.from({ length: apps }, (_, i) => `app${i}`);
    return fc.record({
      phase: fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed', 'Unknown') as fc.Arbitrary<'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'>,
      reason: fc.constantFrom(undefined, 'Evicted', 'NodeLost'),
      deletion: instant,
      initStatuses: fc.tuple(...initNames.map(status)),
      appStatuses: fc.tuple(...appNames.map(status)),
      ready: fc.constantFrom('True', 'False') as fc.Arbitrary<'True' | 'False'>,
    }).map((r) => ({
      metadata: { name: 'p', namespace: 'default', ...(r.deletion === undefined ? {} : { deletionTimestamp: r.deletion }) },
      spec: {
        initContainers: initNames.map((name, i) => ({ name, ...(sidecar && i === 0 ? { restartPolicy: 'Always' as const } : {}) })),
        containers: appNames.map((name) => ({ name })),
      },
      status: {
        phase: r.phase,
        ...(r.reason === undefined ? {} : { reason: r.reason }),
        conditions: [{ type: 'Ready', status: r.ready }, { type: 'Initialized', status: r.ready }],
        initContainerStatuses: [...r.initStatuses],
        containerStatuses: [...r.appStatuses],
      },
    }));
  });

it('every decodable pod prints READY ready/total (total counts sidecars), a numeric RESTARTS, and describes without throwing', () => {
  fc.assert(
    fc.property(podArb, (json) => {
      const p = decodePod(json);
      const row = kubectlRow(p, NOW);
      const [ready = -1, total = -1] = row.ready.split('/').map(Number);
      expect(ready).toBeGreaterThanOrEqual(0);
      expect(ready).toBeLessThanOrEqual(total);
      expect(total).toBe(p.spec.containers.length + (p.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').length);
      expect(row.restarts).toMatch(/^\d+( \((<invalid>|(\d+[smhdy])+) ago\))?$/);
      expect(row.status).not.toBe('');
      expect(describePod(p, [], NOW)).toContain('Name:');
    }),
    { numRuns: 300 },
  );
});
