/**
 * Kubernetes' cases as data: `pkg/kubelet/images/image_manager_test.go :: pullerTestCases` (`noFGPullerTestCases`,
 * run by `TestParallelPuller` and `TestSerializedPuller`). Upstream calls `EnsureImageExists` for one container
 * again and again, its fake clock stepped 1 s between calls, with a back-off of 1 s doubling to 60 s; here each
 * call is a sync's image step for a new instance of the container (`startStep`, and `decidePull` when it pulls,
 * folded back), 10 s apart: the kubelet's image back-off starts at 10 s, so the calls fall at the same points of
 * the back-off as upstream's. The Events upstream expects are compared by reason. The waiting message of the
 * back-off (`msg`) is what the fold of the same events shows.
 */
import { describe, expect, test } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { PullPolicy } from '../../src/k8s/pod.js';
import { foldEngine } from '../../src/engine/evolve.js';
import { decidePull } from '../../src/engine/images/decide.js';
import { startStep } from '../../src/engine/kubelet/start.js';
import { imageKey } from '../../src/engine/spec.js';
import { initialState, type ContainerBook, type EngineState, type NodeBook, type PodBook } from '../../src/engine/state.js';
import { syncedPodBook } from './pod-book.js';
import { PodScript } from '../reducers/script.js';

/** Upstream's `pullerExpects`: the Events' reasons and the error EnsureImageExists returns (undefined: nil). */
type Expects = readonly [events: readonly string[], err?: string];

interface Case {
  readonly testName: string;
  readonly containerImage: string;
  readonly policy: PullPolicy;
  readonly present: boolean;
  /** The runtime's pull error (`pullerErr`); undefined: the pull succeeds. */
  readonly pullerErr?: string;
  readonly expected: readonly Expects[];
  readonly notApplicable?: string;
}

const pulled: Expects = [['Pulling', 'Pulled']];
const present: Expects = [['Pulled']];
const never: Expects = [['ErrImageNeverPull'], 'ErrImageNeverPull'];
const pullFailed: Expects = [['Pulling', 'Failed'], 'ErrImagePull'];
const backOff: Expects = [['BackOff'], 'ErrImagePullBackOff'];

// image_manager_test.go :: noFGPullerTestCases
const noFGPullerTestCases: Case[] = [
  { testName: 'image missing, pull', containerImage: 'missing_image', policy: 'IfNotPresent', present: false, expected: [pulled] },
  { testName: 'image present, allow all, don\'t pull ', containerImage: 'present_image', policy: 'IfNotPresent', present: true, expected: [present, present, present] },
  { testName: 'image present, pull', containerImage: 'present_image', policy: 'Always', present: true, expected: [pulled, pulled, pulled] },
  { testName: 'image missing, never pull', containerImage: 'missing_image', policy: 'Never', present: false, expected: [never, never, never] },
  {
    testName: 'image missing, pull if not present, fail on image inspect',
    containerImage: 'missing_image',
    policy: 'IfNotPresent',
    present: false,
    expected: [[['InspectFailed'], 'ImageInspectError']],
    notApplicable: 'the runtime failing to inspect an image (ImageInspectError) is not simulated',
  },
  {
    testName: 'image missing, unable to fetch',
    containerImage: 'typo_image',
    policy: 'IfNotPresent',
    present: false,
    pullerErr: '404',
    expected: [pullFailed, pullFailed, backOff, pullFailed, backOff, backOff],
  },
  {
    testName: 'image present and qps>0, pull',
    containerImage: 'present_image',
    policy: 'Always',
    present: true,
    expected: [pulled, pulled, pulled],
    notApplicable: 'the kubelet\'s registry QPS limit (registryPullQPS) is not simulated',
  },
  {
    testName: 'image present and excessive qps rate, pull',
    containerImage: 'present_image',
    policy: 'Always',
    present: true,
    expected: [pullFailed, pullFailed, backOff],
    notApplicable: 'the kubelet\'s registry QPS limit (registryPullQPS) is not simulated',
  },
  {
    testName: 'invalid image name, no pull',
    containerImage: 'FAILED_IMAGE',
    policy: 'Always',
    present: false,
    expected: [[['InspectFailed'], 'InvalidImageName']],
    notApplicable: 'an invalid image reference is refused before the kubelet (validation.go requires a valid image for a created pod)',
  },
  {
    testName: 'invalid image name with http, no pull',
    containerImage: 'http://url',
    policy: 'Always',
    present: false,
    expected: [[['InspectFailed'], 'InvalidImageName']],
    notApplicable: 'an invalid image reference is refused before the kubelet (validation.go requires a valid image for a created pod)',
  },
  {
    testName: 'invalid image name with sha256, no pull',
    containerImage: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    policy: 'Always',
    present: false,
    expected: [[['InspectFailed'], 'InvalidImageName']],
    notApplicable: 'an invalid image reference is refused before the kubelet (validation.go requires a valid image for a created pod)',
  },
  {
    testName: 'image missing, SignatureValidationFailed',
    containerImage: 'typo_image',
    policy: 'IfNotPresent',
    present: false,
    expected: [],
    notApplicable: 'a simulated pull fails with ErrImagePull only (evalCRIPullErr\'s other errors come from the CRI); its back-off message is checked below, through the fold',
  },
];

const UID = 'uid-foo';
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

const node = (images: ReadonlySet<string>): NodeBook => ({
  name: 'node-1',
  index: 0,
  registeredAt: T0,
  allocatable: {},
  labels: {},
  images,
  pressures: [],
  thresholds: {},
  pressureObservedAt: {},
  sandboxes: 1,
});

/** Upstream's Event reason for each event of ours. */
const reasonOf = (e: Event): string[] => {
  switch (e.type) {
    case 'ImagePulling':
      return ['Pulling'];
    case 'ImagePulled':
      return ['Pulled'];
    case 'ImagePullFailed':
      return [e.reason === 'ErrImagePull' ? 'Failed' : e.reason];
    case 'ImagePullBackOff':
      return ['BackOff'];
    default:
      return [];
  }
};

/** The error EnsureImageExists returns: the failure's reason, the back-off's, or nil. */
const errOf = (events: readonly Event[]): string | undefined => {
  for (const e of events) {
    if (e.type === 'ImagePullFailed') return e.reason;
    if (e.type === 'ImagePullBackOff') return 'ErrImagePullBackOff';
  }
  return undefined;
};

/** `EnsureImageExists` called again and again for one container, 10 s apart. */
const calls = (c: Case, count: number): Expects[] => {
  const book: ContainerBook = { name: 'foo', role: 'regular', instances: 0, pulls: 0, probes: {} };
  const spec = { containers: [{ name: 'foo', image: c.containerImage, imagePullPolicy: c.policy }] };
  let state: EngineState = {
    ...initialState(),
    pods: new Map([[UID, syncedPodBook(UID, spec, [book])]]),
    nodes: new Map([['node-1', node(new Set(c.present ? [imageKey(c.containerImage)] : []))]]),
  };
  const results: Expects[] = [];
  for (let i = 0; i < count; i++) {
    const now = T0 + i * 10_000;
    const pod = state.pods.get(UID);
    const container = pod?.containers[0];
    const atNode = state.nodes.get('node-1');
    if (pod === undefined || container === undefined || atNode === undefined) throw new Error('the test pod or node is gone');
    // a sync of its own, for an instance whose image is not in place yet
    const { imageReadyFor: _, ...fresh } = container;
    const syncing: PodBook = { ...pod, syncs: pod.syncs + 1, containers: [fresh] };
    state = { ...state, pods: new Map([[UID, syncing]]) };
    const step = startStep(syncing, atNode, fresh, now);
    state = foldEngine(step, state);
    const done = step.some((e) => e.type === 'ImagePulling')
      ? decidePull(state, { kind: 'pullDone', uid: UID, container: 'foo', answer: c.pullerErr === undefined ? { ok: true, durationMs: 0 } : { ok: false, message: c.pullerErr } }, now)
      : [];
    state = foldEngine(done, state);
    const events = [...step, ...done];
    const err = errOf(events);
    results.push(err === undefined ? [events.flatMap(reasonOf)] : [events.flatMap(reasonOf), err]);
  }
  return results;
};

describe('image_manager_test.go :: pullerTestCases (noFGPullerTestCases)', () => {
  for (const c of noFGPullerTestCases) {
    if (c.notApplicable !== undefined) test.skip(`${c.testName} (not applicable: ${c.notApplicable})`, () => {});
    else test(c.testName, () => expect(calls(c, c.expected.length)).toEqual(c.expected));
  }
});

describe('image_manager_test.go :: "image missing, SignatureValidationFailed": the back-off message carries the last pull error', () => {
  const failure = 'image pull failed for typo_image because the signature validation failed';
  const waiting = (s: PodScript) => s.must().status?.containerStatuses?.[0]?.state?.waiting;

  test('a failed pull shows its own message; the back-off after it shows "Back-off pulling image" with the error', () => {
    const s = new PodScript({ containers: [{ name: 'typo_image', image: 'typo_image:1' }] }).scheduled().pullFailed('typo_image', failure, 'SignatureValidationFailed');
    expect(waiting(s)).toEqual({ reason: 'SignatureValidationFailed', message: failure });
    s.pullBackOff('typo_image');
    expect(waiting(s)).toEqual({ reason: 'ImagePullBackOff', message: `Back-off pulling image "typo_image:1": SignatureValidationFailed: ${failure}` });
    // a second sync inside the back-off reports the same
    s.pullBackOff('typo_image');
    expect(waiting(s)?.message).toBe(`Back-off pulling image "typo_image:1": SignatureValidationFailed: ${failure}`);
    s.pullFailed('typo_image', failure, 'SignatureValidationFailed').pullBackOff('typo_image');
    expect(waiting(s)?.message).toBe(`Back-off pulling image "typo_image:1": SignatureValidationFailed: ${failure}`);
  });

  test('the fallback error is ErrImagePull (evalCRIPullErr), the raw error its message', () => {
    const s = new PodScript({ containers: [{ name: 'typo_image', image: 'typo_image:1' }] }).scheduled().pullFailed('typo_image', '404').pullBackOff('typo_image');
    expect(waiting(s)).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "typo_image:1": ErrImagePull: 404' });
  });
});
