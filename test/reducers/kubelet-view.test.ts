import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { foldCluster, type KubeletView } from '../../src/reducers/index.js';
import { kubeletView } from '../../src/reducers/kubelet-view.js';
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

describe('kubelet views leave their rare keys out', () => {
  it('read, copy and serialize as the full copy, whichever patches come in turn', () => {
    for (const first of kubeletPatches)
      for (const second of kubeletPatches) {
        const once = kubeletView(base, first);
        expectSeenAs(KUBELET_KEYS, once, fullCopy(KUBELET_KEYS, base, first));
        expectSeenAs(KUBELET_KEYS, kubeletView(once, second), fullCopy(KUBELET_KEYS, fullCopy(KUBELET_KEYS, base, first), second));
      }
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
