/**
 * An imported pod publishes the condition types its kubelet published (`kubelet_pods.go :: generateAPIPodStatus`
 * of that kubelet's version): a pod captured from a kubelet older than v1.29 has no PodReadyToStartContainers, at
 * its capture and at every instant the import places before or after it; a capture that shows the type (a kubelet
 * upgraded in place) brings it back. Real LevelDB journal, podj run in process.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podj } from './podj-in-process.js';

const REAL = resolve(import.meta.dirname, '../fixtures/real');

interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly lastTransitionTime?: string;
}
interface Pod {
  readonly metadata: { readonly name: string; readonly namespace: string; resourceVersion?: string };
  readonly status: { conditions: Condition[] };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podj-condition-types-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The pod's conditions as `get pod -o json --at` shows them: type, status, reason. (Transition times are not
 * compared: the fold puts Ready at the container's start, 14:43:37, where this kubelet wrote 14:43:38.)
 */
const conditionsAt = async (journal: string, pod: Pod, at: string): Promise<Condition[]> => {
  const out = await podj('get', 'pod', pod.metadata.name, '-n', pod.metadata.namespace, '-o', 'json', '--at', at, '--journal', journal);
  expect(out.code, out.stderr).toBe(0);
  return (JSON.parse(out.stdout) as Pod).status.conditions.map(essentials);
};

const essentials = ({ type, status, reason }: Condition): Condition => ({ type, status, ...(reason !== undefined && { reason }) });
const typesOf = (conditions: readonly Condition[]): string[] => conditions.map((c) => c.type);

const importInto = async (name: string, ...files: string[]): Promise<string> => {
  const journal = join(dir, name);
  const out = await podj('import', '--journal', journal, ...files);
  expect(out.code, out.stderr).toBe(0);
  return journal;
};

describe('condition types as the kubelet published them', () => {
  it('a kubelet before v1.29 (sonobuoy on kind, 2022): no PodReadyToStartContainers at the capture nor before it', async () => {
    const file = join(REAL, 'sonobuoy-teardown-pods.json');
    const list = JSON.parse(await readFile(file, 'utf8')) as { items: Pod[] };
    const pod = list.items.find((p) => p.metadata.name === 'sonobuoy');
    if (pod === undefined) throw new Error('the sonobuoy pod is not in the list');
    const journal = await importInto('sonobuoy', file);
    // At the list's capture: the object's conditions, in its order.
    expect(await conditionsAt(journal, pod, '2022-01-27T14:44:24Z')).toEqual(pod.status.conditions.map(essentials));
    // Between admission (14:43:33) and the first container start (14:43:37): generated, of the captured types only.
    expect(typesOf(await conditionsAt(journal, pod, '2022-01-27T14:43:35Z'))).toEqual(['Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
  });

  it('a later capture that shows PodReadyToStartContainers (the kubelet upgraded in place) publishes it from then on', async () => {
    const list = JSON.parse(await readFile(join(REAL, 'sonobuoy-teardown-pods.json'), 'utf8')) as { items: Pod[] };
    const old = list.items.find((p) => p.metadata.name === 'sonobuoy');
    if (old === undefined) throw new Error('the sonobuoy pod is not in the list');
    const sandbox: Condition = { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: '2022-01-27T14:50:00Z' };
    const upgraded: Pod = {
      ...old,
      metadata: { ...old.metadata, resourceVersion: `${old.metadata.resourceVersion ?? ''}1` },
      status: { ...old.status, conditions: [sandbox, ...old.status.conditions] },
    };
    const stream = join(dir, 'upgraded.watch.jsonl');
    await writeFile(stream, [old, upgraded].map((object) => JSON.stringify({ type: 'MODIFIED', object })).join('\n'));
    const journal = await importInto('upgraded', stream);
    expect(typesOf(await conditionsAt(journal, old, '2022-01-27T14:45:00Z'))).toEqual(['Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(await conditionsAt(journal, old, '2022-01-27T14:50:00Z')).toEqual(upgraded.status.conditions.map(essentials));
  });

  it('a v1.3x kubelet (crash-loop PodList) keeps v1.36\'s set', async () => {
    const file = join(REAL, 'crash-loop-pods.json');
    const list = JSON.parse(await readFile(file, 'utf8')) as { items: Pod[] };
    const [pod] = list.items;
    if (pod === undefined) throw new Error('the crash-loop list is empty');
    expect(typesOf(pod.status.conditions)).toContain('PodReadyToStartContainers');
    const journal = await importInto('crash-loop', file);
    expect(typesOf(await conditionsAt(journal, pod, '2026-07-22T21:06:00Z'))).toEqual(typesOf(pod.status.conditions));
  });
});
