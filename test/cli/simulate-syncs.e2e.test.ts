/**
 * Two kubelet syncs at one instant (kubelet.go :: SyncPod; pod_workers.go :: completeWork starts the pending
 * update's sync at once) are two facts: `podj simulate` keeps both in the journal, which dedups identical events.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './podj.js';

// the sync that starts the container relists the pod at once (PLEGOnDemandRelist): the sync that relist
// triggers publishes the container and triggers its readiness run (prober_manager.go :: UpdatePodStatus),
// whose passing result syncs the pod again once the PLEG has a status newer than that sync (GetNewerThan):
// at the next relist, a second later
const scenario = [
  'start: 2026-01-18T08:00:00Z',
  'until: 30s',
  'nodes:',
  '  - name: n1',
  '    images: [nginx:1.27]',
  'timeline:',
  '  - at: 0s',
  '    apply:',
  '      apiVersion: v1',
  '      kind: Pod',
  '      metadata: { name: web }',
  '      spec:',
  '        containers:',
  '          - name: app',
  '            image: nginx:1.27',
  '            readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 10 }',
  '',
].join('\n');

describe('podj simulate', () => {
  it('appends every event the engine emits, two syncs of the pod at one instant included', () => {
    const { dir, podj } = workspace();
    writeFileSync(join(dir, 's.yaml'), scenario);
    const r = podj('simulate', 's.yaml');
    expect(r.code).toBe(0);
    const [, total, appended] = /: (\d+) events, (\d+) new/.exec(r.stdout) ?? [];
    expect(appended).toBe(total);
    const synced = podj('events', '-o', 'journal', '--for', 'pod/web').stdout.split('\n').filter((line) => /status published/.test(line));
    expect(synced.map((line) => line.split(/\s+/)[1])).toEqual(['2026-01-18T08:00:00.000Z', '2026-01-18T08:00:00.000Z', '2026-01-18T08:00:01.000Z']);
  });
});
