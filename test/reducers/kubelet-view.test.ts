import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { foldCluster, type KubeletView } from '../../src/reducers/index.js';
import { kubeletView, type ContainerView } from '../../src/reducers/kubelet-view.js';
import { containerView, sameContainerID } from '../../src/reducers/container-view.js';
import { containerIDText, heldContainerID } from '../../src/reducers/container-id.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';

// V8's own test of hidden classes (`%HaveSameMap`), compiled after the flag is set
setFlagsFromString('--allow-natives-syntax');
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const KUBELET_KEYS = [
  'node',
  'admitted',
  'hostIP',
  'podIPs',
  'sandboxReady',
  'podHasInitialized',
  'evicted',
  'terminatingSynced',
  'rejected',
  'deadlineExceededAt',
  'nodeLost',
  'containers',
  'syncs',
  'published',
  'provenance',
  'conditionTypes',
  'unwrittenFields',
] as const;
const RARE_KUBELET = ['evicted', 'terminatingSynced', 'rejected', 'deadlineExceededAt', 'provenance', 'conditionTypes', 'unwrittenFields'];
/** The copy as every view was built before: each key its own, in the fixed order, then the patch. */
const fullCopy = <T extends object>(keys: readonly (keyof T)[], v: T, patch: Partial<T>): T =>
  Object.assign(Object.fromEntries(keys.map((k) => [k, v[k]])), patch) as T;

/** What a reader can tell apart: each key's value, the own keys holding a value (in order), the JSON. */
const expectSeenAs = <T extends object>(keys: readonly (keyof T)[], view: T, expected: T): void => {
  for (const k of keys) expect(view[k]).toBe(expected[k]);
  const defined = (o: T): string[] => Object.keys(o).filter((k) => o[k as keyof T] !== undefined);
  expect(defined(view)).toEqual(defined(expected));
  expect(JSON.stringify(view)).toBe(JSON.stringify(expected));
  expect(view).toEqual(expected);
  expect(view.constructor).toBe(Object);
};

const base: KubeletView = kubeletView({ node: 'n1', admitted: true, sandboxReady: true, podHasInitialized: false, nodeLost: false, containers: {}, syncs: false });
const kubeletPatches: readonly Partial<KubeletView>[] = [
  {},
  { podIPs: ['10.0.0.1'], hostIP: '192.168.0.1' },
  { node: undefined },
  { published: base, syncs: true },
  { evicted: { at: at(1), message: 'The node was low on resource: memory.' } },
  { rejected: { reason: 'OutOfcpu', message: 'no room' }, terminatingSynced: true },
  { deadlineExceededAt: at(2), provenance: { capturedAt: at(3) } },
  { conditionTypes: ['Ready'], unwrittenFields: [] },
  { evicted: undefined, provenance: undefined },
];

/** Views built by `view` from `base` with each patch, then each again, are seen as the full copies (and so are their spreads). */
const expectPatchesInTurn = <T extends object>(keys: readonly (keyof T)[], view: (v: T, patch: Partial<T>) => T, base: T, patches: readonly Partial<T>[]): void => {
  for (const first of patches)
    for (const second of patches) {
      const once = view(base, first);
      expectSeenAs(keys, once, fullCopy(keys, base, first));
      const twice = view(once, second);
      const expected = fullCopy(keys, fullCopy(keys, base, first), second);
      expectSeenAs(keys, twice, expected);
      expect({ ...twice }).toEqual(expected);
    }
};

describe('kubelet views leave their rare keys out', () => {
  it('read, copy and serialize as the full copy, whichever patches come in turn', () => {
    expectPatchesInTurn(KUBELET_KEYS, kubeletView, base, kubeletPatches);
  });

  it('hold none of them as own keys when all are undefined, and keep one hidden class then', () => {
    const plain = kubeletView(kubeletView(base, { evicted: { at: at(1), message: 'm' } }), { evicted: undefined });
    for (const v of [base, kubeletView(base, { podIPs: ['10.0.0.2'] }), kubeletView(base, { published: base })]) {
      expect(Object.keys(v)).toEqual(KUBELET_KEYS.filter((k) => !RARE_KUBELET.includes(k)));
      expect(sameHiddenClass(v, base)).toBe(true);
    }
    expect(Object.keys(plain).filter((k) => RARE_KUBELET.includes(k))).toEqual(RARE_KUBELET);
  });

  it('in a fold: views of pods without evictions, rejections or imports hold only their common keys', () => {
    const lives: Event[] = [0, 1, 2].flatMap((i) => {
      const pod = podRef(`web-${i}`);
      return [created(pod, 0), bound(pod, 1, `node-${i}`), ...started(pod, 2), exited(pod, 3, 1)];
    });
    const views = [...foldCluster(lives).pods.values()].map((p) => p.kubelet);
    expect(views).toHaveLength(3);
    for (const v of views) expect(Object.keys(v).some((k) => RARE_KUBELET.includes(k))).toBe(false);
  });
});

const CONTAINER_KEYS = ['instances', 'current', 'previous', 'containerID', 'imageID', 'image', 'user', 'failure', 'waiting', 'probes', 'postStartDone'] as const;
const RARE_CONTAINER = ['image', 'user', 'failure', 'waiting'];
const DIGEST = 'a3f1c9e07b2d4c5e8f60718293a4b5c6d7e8f9011223344556677889900aabb0';
const CONTAINERD_ID = `containerd://${DIGEST}`;
const terminated = (containerID: string) => ({ kind: 'terminated', terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:05Z', containerID } }) as const;
const fresh: ContainerView = containerView({ instances: 0, probes: {}, postStartDone: true });
const containerPatches: readonly Partial<ContainerView>[] = [
  {},
  { instances: 1, current: { kind: 'created' }, containerID: CONTAINERD_ID, probes: {} },
  { containerID: `cri-o://${DIGEST}` },
  { containerID: `containerd://${DIGEST.toUpperCase()}` },
  { containerID: `docker://${DIGEST}` },
  { containerID: 'unknown://uid-1/web/0' },
  { containerID: '' },
  { containerID: `containerd://${'0'.repeat(64)}` },
  { containerID: `containerd://00${DIGEST.slice(2)}` },
  { current: terminated(CONTAINERD_ID) },
  { containerID: undefined },
  { failure: { reason: 'ErrImagePull', message: 'pull failed' } },
  { image: 'docker.io/library/nginx:1.25', user: { linux: { uid: 0, gid: 0 } }, waiting: { reason: 'PodInitializing' } },
  { failure: undefined, image: undefined, user: undefined, waiting: undefined },
];

describe('container views leave their rare keys out and hold their ids compact', () => {
  it('read, copy and serialize as the full copy, whichever patches come in turn', () => {
    expectPatchesInTurn(CONTAINER_KEYS, containerView, fresh, containerPatches);
  });

  it('hold none of the rare keys as own keys when all are undefined, and keep one hidden class then', () => {
    const running = containerView(fresh, containerPatches[1]);
    const plain = containerView(containerView(running, { failure: { reason: 'r', message: 'm' } }), { failure: undefined });
    for (const v of [fresh, running, containerView(running, { current: terminated(CONTAINERD_ID) }), containerView(running, { containerID: 'unknown://u/c/0' })]) {
      expect(Object.keys(v)).toEqual(CONTAINER_KEYS.filter((k) => !RARE_CONTAINER.includes(k)));
      expect(sameHiddenClass(v, fresh)).toBe(true);
    }
    expect(Object.keys(plain).filter((k) => RARE_CONTAINER.includes(k))).toEqual(RARE_CONTAINER);
  });

  it('hold a containerd or CRI-O id in lower-case hex as its digest, any other id as its string, and give the same text back', () => {
    expect(heldContainerID(CONTAINERD_ID)).toBe(BigInt(`0x${DIGEST}`));
    expect(heldContainerID(`cri-o://${DIGEST}`)).toBe(-BigInt(`0x${DIGEST}`));
    for (const id of [CONTAINERD_ID, `cri-o://${DIGEST}`, `containerd://00${DIGEST.slice(2)}`, `containerd://${'0'.repeat(63)}1`]) {
      expect(typeof heldContainerID(id)).toBe('bigint');
      expect(containerIDText(heldContainerID(id))).toBe(id);
    }
    for (const id of [`containerd://${DIGEST.toUpperCase()}`, `docker://${DIGEST}`, `containerd://${DIGEST}0`, `containerd://${'0'.repeat(64)}`, 'unknown://u/web/0', '', undefined]) {
      expect(heldContainerID(id)).toBe(id);
      expect(containerIDText(heldContainerID(id))).toBe(id);
    }
  });

  it('compare ids held either way', () => {
    const running = containerView(fresh, { instances: 1, current: { kind: 'running', running: { startedAt: '2026-01-01T00:00:00Z' } }, containerID: CONTAINERD_ID });
    const ended = containerView(running, { current: terminated(CONTAINERD_ID) });
    const parsed = JSON.parse(JSON.stringify(running)) as ContainerView; // a snapshot's plain view
    expect(sameContainerID(running, ended)).toBe(true);
    expect(sameContainerID(running, parsed)).toBe(true);
    expect(sameContainerID(running, containerView(running, { containerID: `cri-o://${DIGEST}` }))).toBe(false);
    expect(sameContainerID(running, containerView(running, { containerID: undefined }))).toBe(false);
    expect(sameContainerID(fresh, containerView(fresh, { containerID: undefined }))).toBe(true);
  });

  it("in a fold: a container's view shows the id its events named, running and exited", () => {
    const pod = podRef('web-0');
    const life = [created(pod, 0), bound(pod, 1, 'node-0'), ...started(pod, 2, 'app', DIGEST)];
    const viewIn = (events: Event[]): ContainerView | undefined => [...foldCluster(events).pods.values()][0]?.kubelet.containers.app;
    const running = viewIn(life);
    expect(running?.containerID).toBe(CONTAINERD_ID);
    // built as `containerView` builds them: the common keys alone, one hidden class
    expect(Object.keys(running ?? {})).toEqual(CONTAINER_KEYS.filter((k) => !RARE_CONTAINER.includes(k)));
    expect(sameHiddenClass(running ?? {}, fresh)).toBe(true);
    const ended = viewIn([...life, exited(pod, 3, 1, 'app', DIGEST)]);
    expect(ended?.containerID).toBe(CONTAINERD_ID);
    expect(ended?.current?.kind === 'terminated' && ended.current.terminated.containerID).toBe(CONTAINERD_ID);
  });
});
