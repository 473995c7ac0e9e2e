/**
 * Checks against real cluster data (test/fixtures/real, captured from a v1.36 cluster): the row
 * kubectl computes for a crash-looping pod, the key order of its JSON, the Events the kubelet and the
 * scheduler really recorded, and describe over the real pod and Events.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kubectlRow } from '../../src/printers/pod-row.js';
import { getPods } from '../../src/printers/get-pods.js';
import { describePod } from '../../src/printers/describe-pod.js';
import { kubeEventsFor, type InvolvedObject, type KubeEventRow } from '../../src/printers/kube-events.js';
import { decodeEvent, type Event } from '../../src/events/index.js';
import { decodePod, type PodJson } from './fixtures.js';
import { expectGolden } from './golden.js';
import * as E from 'fp-ts/lib/Either.js';

const real = (name: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/real/${name}`, import.meta.url)), 'utf8'));

interface RealList<T> {
  readonly items: readonly T[];
}
/** A core/v1 Event as the API served it: a KubeEventRow whose involved object may be of any kind. */
type RealEvent = Omit<KubeEventRow, 'involvedObject'> & { readonly involvedObject: Omit<InvolvedObject, 'kind'> & { readonly kind: string } };

const podJson = (real('crash-loop-pods.json') as RealList<PodJson>).items[0];
if (podJson === undefined) throw new Error('crash-loop-pods.json has no pod');
const crashLooping = decodePod(podJson);
const realEvents = (real('crash-loop-events.json') as RealList<RealEvent>).items.filter((e) => e.involvedObject.kind === 'Pod');
/** The last poll of the capture. */
const CAPTURED = new Date('2026-07-22T21:20:23Z');

const asRow = (e: RealEvent): KubeEventRow => ({ ...e, involvedObject: { ...e.involvedObject, kind: 'Pod' } });

describe('a real rolling update, watched', () => {
  const lines = readFileSync(fileURLToPath(new URL('../fixtures/real/rolling-update-pods.watch.jsonl', import.meta.url)), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { readonly object: PodJson }).object);
  const statusesOf = (name: string): string[] =>
    lines.filter((o) => o.metadata.name === name).map((o) => {
      const row = kubectlRow(decodePod(o), CAPTURED);
      return `${row.ready} ${row.status}`;
    });

  it('a new pod goes Pending, ContainerCreating, Running as kubectl get -w shows it', () => {
    expect(statusesOf('api-5c59c454f5-g5b8z')).toEqual(['0/1 Pending', '0/1 Pending', '0/1 ContainerCreating', '0/1 ContainerCreating', '1/1 Running']);
  });

  it('an old pod goes Terminating, then Completed once it Succeeded', () => {
    expect(statusesOf('api-58dd68c5db-r5smx')).toEqual(['1/1 Running', '1/1 Terminating', '1/1 Terminating', '0/1 Completed', '0/1 Completed', '0/1 Completed']);
  });
});

describe('a real crash-looping pod', () => {
  it('prints as kubectl get pods shows it', () => {
    expect(kubectlRow(crashLooping, CAPTURED)).toEqual({
      name: 'flaky-worker-897c5486c-lfk2f',
      ready: '0/1',
      status: 'CrashLoopBackOff',
      restarts: '6 (9m14s ago)',
      age: '15m',
    });
  });

  it('-o json writes the keys as kubectl printed them, sorted, not in the order the API server wrote them', () => {
    const keyPaths = (u: unknown, at = ''): string[] =>
      typeof u === 'object' && u !== null
        ? Object.entries(u).flatMap(([k, v]) => [`${at}/${k}`, ...keyPaths(v, `${at}/${k}`)])
        : [];
    // k9s' native-sidecar pod as `kubectl get -o json` printed it (test/fixtures/real/README.md)
    const printedByKubectl = real('k9s-pod-native-sidecar.json') as PodJson;
    const printed: unknown = JSON.parse(getPods([decodePod(printedByKubectl)], { output: 'json', singleItem: true }, CAPTURED).stdout);
    expect(keyPaths(printed)).toEqual(keyPaths(printedByKubectl));
    // the API server's answer for the crash-looping pod is in its struct order (metadata.name first): kubectl sorts it
    const crashLoopPrinted: unknown = JSON.parse(getPods([crashLooping], { output: 'json', singleItem: true }, CAPTURED).stdout);
    expect(keyPaths(crashLoopPrinted).slice(0, 5)).toEqual(['/apiVersion', '/kind', '/metadata', '/metadata/creationTimestamp', '/metadata/generateName']);
    expect(keyPaths(crashLoopPrinted).sort()).toEqual(keyPaths({ apiVersion: 'v1', kind: 'Pod', ...podJson }).sort());
  });

  it('kubeEventsFor records what the real kubelet and scheduler recorded for the same happenings', () => {
    const pod = { namespace: 'crash-demo', name: 'flaky-worker-897c5486c-lfk2f', uid: 'c6c68a3b-54e2-4ec0-8083-7c17c204cee1' };
    const ev = (at: string, type: string, source: string, fields: Record<string, unknown>): Event => {
      const decoded = decodeEvent({ v: 1, type, at, source, pod, ...fields });
      if (E.isLeft(decoded)) throw new Error(decoded.left);
      return decoded.right;
    };
    const at = '2026-07-22T21:05:22.000Z';
    const worker = { container: 'worker' };
    const ours = kubeEventsFor([
      ev(at, 'PodCreated', 'api', { manifest: podJson }),
      ev(at, 'PodBound', 'scheduler', { node: 'k8shark-dev-control-plane' }),
      ev(at, 'ImagePulled', 'runtime', { ...worker, image: 'busybox:1.36', alreadyPresent: true }),
      ev(at, 'ContainerCreated', 'runtime', { ...worker, containerID: 'containerd://1' }),
      ev(at, 'ContainerStarted', 'runtime', { ...worker, containerID: 'containerd://1' }),
      ev('2026-07-22T21:05:30.000Z', 'ContainerBackOff', 'kubelet', { ...worker, delaySeconds: 10, until: '2026-07-22T21:05:40.000Z' }),
    ]);
    const essence = (r: KubeEventRow) => [r.type, r.reason, r.source.component, r.source.host ?? '', r.involvedObject.fieldPath ?? '', r.message];
    expect(ours.map(essence)).toEqual(realEvents.map(asRow).map(essence));
  });

  it('describe golden over the real pod and its real Events', () => {
    expectGolden('describe-real-crash-loop.txt', describePod(crashLooping, realEvents.map(asRow), CAPTURED));
  });
});
