/**
 * A captured status shows its conditions in the order the cluster stored them, and `kubectl describe` and
 * `-o yaml` print that order. It differs across versions and writers (PodReadyToStartContainers first since
 * v1.29; the order the kubelet's patch sets with `$setElementOrder`): podj shows the captured order at the capture,
 * and the kubelet's own order for the statuses it infers (before the capture, or after it).
 *
 * The pod is the real k9s capture (test/fixtures/real/k9s-pod-native-sidecar.json, kubelet order
 * PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled), and a variant derived here with
 * the same conditions stored as PodScheduled, Initialized, PodReadyToStartContainers, ContainersReady, Ready.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const dir = await mkdtemp(join(tmpdir(), 'podj-condition-order-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Condition {
  readonly type: string;
  readonly lastTransitionTime: string;
}
interface RawPod {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly status: { readonly conditions: readonly Condition[] };
}

const captured = JSON.parse(readFileSync(real('k9s-pod-native-sidecar.json'), 'utf8')) as RawPod;
const OTHER_ORDER = ['PodScheduled', 'Initialized', 'PodReadyToStartContainers', 'ContainersReady', 'Ready'];
const reordered: RawPod = { ...captured, status: { ...captured.status, conditions: OTHER_ORDER.map((t) => captured.status.conditions.find((c) => c.type === t)).filter((c) => c !== undefined) } };

/** The condition types `get pods -o json` and describe show, in order, at `at` (or the journal's end). */
const shownOrder = async (journal: readonly string[], at?: string) => {
  const when = at === undefined ? [] : ['--at', at];
  const json = JSON.parse((await podj('get', 'pods', '-A', '-o', 'json', ...when, ...journal)).stdout) as { items: RawPod[] };
  const described = (await podj('describe', 'pod', captured.metadata.name, '-n', captured.metadata.namespace, ...when, ...journal)).stdout;
  const table = described.slice(described.indexOf('\nConditions:'), described.indexOf('\nVolumes:')).split('\n').slice(3);
  return { json: json.items[0]?.status.conditions.map((c) => c.type), describe: table.map((l) => l.trim().split(/\s+/)[0]).filter((t) => t !== undefined && t !== '') };
};

describe('conditions in the order the capture stored them', () => {
  it.each([
    ['the real capture (the kubelet order)', captured],
    ['the same pod stored in another order', reordered],
  ])('%s: -o json and describe show the captured order', async (name, pod) => {
    const file = join(dir, `${name.length}.json`);
    await writeFile(file, JSON.stringify(pod));
    const journal = ['--journal', join(dir, `journal-${name.length}`)];
    expect((await podj('import', ...journal, file)).code).toBe(0);
    const order = pod.status.conditions.map((c) => c.type);
    expect(await shownOrder(journal)).toEqual({ json: order, describe: order });
  });

  it('before the capture, the statuses the import infers follow the kubelet', async () => {
    const file = join(dir, 'reordered-before.json');
    await writeFile(file, JSON.stringify(reordered));
    const journal = ['--journal', join(dir, 'journal-before')];
    expect((await podj('import', ...journal, file)).code).toBe(0);
    // The capture is at the latest time the object states (a condition's transition): a second before it, the
    // fold's own status, in the kubelet's order.
    const latest = reordered.status.conditions.map((c) => c.lastTransitionTime).sort().at(-1) ?? '';
    const before = (await shownOrder(journal, new Date(Date.parse(latest) - 1000).toISOString())).json ?? [];
    expect(before.length).toBeGreaterThan(1);
    expect(before).toEqual(captured.status.conditions.map((c) => c.type).filter((t) => before.includes(t)));
  });
});
