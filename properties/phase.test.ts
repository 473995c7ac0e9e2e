/**
 * The phase rules: `phaseOf` against getPhase written out again from its three steps (regular init
 * containers; sidecars and regular containers; the first matching decision), over every kind of status a
 * container can show, with and without `podIsTerminal` / `podHasInitialized`, for static pods too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, PodPhase, RestartPolicy, V1Pod } from '../src/k8s/pod.js';
import { phaseOf } from '../src/k8s/phase.js';
import { IMAGE } from './arbitraries/manifests.js';
import { holds } from './support/property.js';

/** What one container's status says, or that it has none. */
type Shown =
  | { readonly kind: 'none' }
  /** A status with no state (`state` absent or `{}`), maybe with a last termination. */
  | { readonly kind: 'no-state'; readonly empty: boolean; readonly lastCode: number | undefined }
  | { readonly kind: 'running'; readonly started: boolean | undefined }
  | { readonly kind: 'terminated'; readonly code: number }
  | { readonly kind: 'waiting'; readonly lastCode: number | undefined };

const shown: fc.Arbitrary<Shown> = fc.oneof(
  fc.constant<Shown>({ kind: 'none' }),
  fc.record({ empty: fc.boolean(), lastCode: fc.option(fc.constantFrom(0, 1), { nil: undefined }) }).map((x): Shown => ({ kind: 'no-state', ...x })),
  fc.option(fc.boolean(), { nil: undefined }).map((started): Shown => ({ kind: 'running', started })),
  fc.constantFrom(0, 1).map((code): Shown => ({ kind: 'terminated', code })),
  fc.option(fc.constantFrom(0, 1), { nil: undefined }).map((lastCode): Shown => ({ kind: 'waiting', lastCode })),
);

interface Case {
  readonly policy: RestartPolicy | undefined;
  readonly source: string | undefined;
  readonly inits: ReadonlyArray<{ readonly sidecar: boolean; readonly shown: Shown }>;
  readonly regular: readonly Shown[];
  readonly podIsTerminal: boolean | undefined;
  readonly podHasInitialized: boolean | undefined;
  /** A second, contradicting status for the first container: the first one found counts. */
  readonly duplicate: boolean;
}

const cases: fc.Arbitrary<Case> = fc.record({
  policy: fc.option(fc.constantFrom<RestartPolicy>('Always', 'OnFailure', 'Never'), { nil: undefined }),
  source: fc.constantFrom(undefined, undefined, 'api', 'file'),
  inits: fc.array(fc.record({ sidecar: fc.boolean(), shown }), { maxLength: 3 }),
  regular: fc.array(shown, { minLength: 1, maxLength: 3 }),
  podIsTerminal: fc.option(fc.boolean(), { nil: undefined }),
  podHasInitialized: fc.option(fc.boolean(), { nil: undefined }),
  duplicate: fc.boolean(),
});

const statusOf = (name: string, s: Shown): ContainerStatus[] => {
  switch (s.kind) {
    case 'none':
      return [];
    case 'no-state':
      return [{ name, ready: false, restartCount: 0, image: IMAGE, imageID: '', ...(s.empty ? { state: {} } : {}), ...(s.lastCode === undefined ? {} : { lastState: { terminated: { exitCode: s.lastCode } } }) }];
    case 'running':
      return [{ name, ready: false, restartCount: 0, image: IMAGE, imageID: '', state: { running: {} }, ...(s.started === undefined ? {} : { started: s.started }) }];
    case 'terminated':
      return [{ name, ready: false, restartCount: 0, image: IMAGE, imageID: '', state: { terminated: { exitCode: s.code } } }];
    case 'waiting':
      return [{ name, ready: false, restartCount: 1, image: IMAGE, imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } }, ...(s.lastCode === undefined ? {} : { lastState: { terminated: { exitCode: s.lastCode } } }) }];
  }
};

const podOf = (c: Case): V1Pod => {
  const inits = c.inits.map((x, i) => ({ name: `init-${i}`, image: IMAGE, ...(x.sidecar ? { restartPolicy: 'Always' as const } : {}) }));
  const regular = c.regular.map((_, i) => ({ name: `app-${i}`, image: IMAGE }));
  const contradiction: ContainerStatus[] = c.duplicate ? [{ name: 'app-0', ready: true, restartCount: 0, image: IMAGE, imageID: '', state: { running: {} }, started: true }] : [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...(c.source === undefined ? {} : { annotations: { 'kubernetes.io/config.source': c.source } }) },
    spec: { ...(c.policy === undefined ? {} : { restartPolicy: c.policy }), ...(inits.length === 0 ? {} : { initContainers: inits }), containers: regular },
    status: {
      initContainerStatuses: c.inits.flatMap((x, i) => statusOf(`init-${i}`, x.shown)),
      containerStatuses: [...c.regular.flatMap((s, i) => statusOf(`app-${i}`, s)), ...contradiction],
    },
  };
};

/** getPhase, step by step, as docs/k8s-semantics.md §a states it (with the gate ContainerRestartRules' step 4). */
const expectedPhase = (c: Case): PodPhase => {
  const policy = c.policy ?? 'Always';
  const isStatic = c.source !== undefined && c.source !== 'api';
  // a duplicate status of app-0 counts only when app-0 has none of its own
  const regular = c.regular.map((s, i): Shown => (i === 0 && s.kind === 'none' && c.duplicate ? { kind: 'running', started: true } : s));
  let pendingInit = 0;
  let failedInit = 0;
  for (const { sidecar, shown: s } of c.inits) {
    if (sidecar) continue;
    if (s.kind === 'none' || s.kind === 'no-state' || s.kind === 'running') pendingInit++;
    else if (s.kind === 'terminated') failedInit += s.code === 0 ? 0 : 1;
    else if (s.lastCode === undefined) pendingInit++;
    else failedInit += s.lastCode === 0 ? 0 : 1;
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let stoppedNotRestartable = 0;
  let succeeded = 0;
  let unknown = 0;
  /** The gate ContainerRestartRules' test of a stopped container with the pod's policy only (ContainerShouldRestart). */
  const stop = (code: number): void => {
    stopped++;
    if (!(policy === 'Always' || (policy === 'OnFailure' && code !== 0))) stoppedNotRestartable++;
  };
  let pendingSidecars = 0;
  for (const { sidecar, shown: s } of c.inits) {
    if (!sidecar) continue;
    if (s.kind === 'none') unknown++;
    else if (s.kind === 'no-state') {
      unknown++;
      pendingSidecars++;
    } else if (s.kind === 'running') {
      running++;
      if (s.started !== true) pendingSidecars++;
    } else if (s.kind === 'waiting' && s.lastCode === undefined) {
      waiting++;
      pendingSidecars++;
    }
  }
  for (const s of regular) {
    if (s.kind === 'none' || s.kind === 'no-state') unknown++;
    else if (s.kind === 'running') running++;
    else if (s.kind === 'terminated') {
      stop(s.code);
      if (s.code === 0) succeeded++;
    } else if (s.lastCode !== undefined) stop(s.lastCode);
    else waiting++;
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || (pendingSidecars > 0 && c.podHasInitialized !== true) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (c.podIsTerminal === true && !isStatic) return stopped === succeeded ? 'Succeeded' : 'Failed';
    // gate ContainerRestartRules (on in v1.36): Running while some stopped container restarts. It differs from
    // the pod-policy rule only for a container waiting after exit 0 under OnFailure: stopped, never succeeded,
    // not restarting, so Failed where the ungated rule said Running.
    if (stopped !== stoppedNotRestartable) return 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
};

const optionsOf = (c: Case) => ({
  ...(c.podIsTerminal === undefined ? {} : { podIsTerminal: c.podIsTerminal }),
  ...(c.podHasInitialized === undefined ? {} : { podHasInitialized: c.podHasInitialized }),
});

describe('pod phase', () => {
  it('phase-follows-getPhase (every status kind, options, static pods)', async () => {
    await holds('phase-follows-getPhase', fc.property(cases, (c) => {
      expect(phaseOf(podOf(c), optionsOf(c))).toBe(expectedPhase(c));
    }), 10000);
  });

  it('a pod without any status is Pending', () => {
    expect(phaseOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: IMAGE }] } })).toBe('Pending');
  });
});
