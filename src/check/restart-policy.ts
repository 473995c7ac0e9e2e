/**
 * The restart policy (`ShouldContainerBeRestarted`, `computePodActions`), read per container as the v1.36
 * kubelet reads it (gate `ContainerRestartRules`): a container's own `restartPolicy`, else the pod's, unless
 * one of its `restartPolicyRules` matches the exit code (`pkg/api/v1/pod/util.go :: ContainerShouldRestart`).
 * Under Never nothing that ran is started again; under OnFailure a container that exited 0 is not, unless the
 * kubelet killed it for a failed liveness or startup probe or postStart hook; an init container that exited
 * 0 never reruns. Sidecars always restart; a new sandbox starts everything afresh.
 */
import type { KillReason } from '../events/index.js';
import type { Container, RestartPolicy, V1Pod } from '../k8s/pod.js';
import { effectiveRestartPolicy, matchingRestartRule } from '../k8s/restart-rules.js';
import type { Check, Violation } from './violation.js';
import { startsOf, type Start } from './instances.js';
import type { PodHistory } from './observed.js';
import { specEntries, type Role } from './pod-views.js';

/** Kills after which the kubelet starts the container again whatever its exit code. */
const restartingKills: ReadonlySet<KillReason> = new Set(['LivenessProbeFailed', 'StartupProbeFailed', 'PostStartHookFailed']);

/** What a restart of a non-sidecar container that ran and exited is judged on. */
interface Restart {
  /** The container's own policy, else the pod's. */
  readonly policy: RestartPolicy;
  /** One of the container's own rules matches the exit code (rules count only beside its own policy). */
  readonly ruled: boolean;
  readonly role: Role;
  readonly code: number;
  readonly killed: boolean;
  readonly container: string;
}

/** The rule a restart breaks, if any. */
type Judge = (r: Restart) => string | undefined;

const restartOf = (pod: V1Pod, c: Container, role: Role, start: Start, code: number, kill: KillReason | undefined): Restart => ({
  policy: effectiveRestartPolicy(c, pod.spec),
  ruled: c.restartPolicy !== undefined && matchingRestartRule(c, code) !== undefined,
  role,
  code,
  killed: kill !== undefined && restartingKills.has(kill),
  container: start.container,
});

const restartsOf = (h: PodHistory, check: string, judge: Judge): Violation[] => {
  const created = h.steps.find((s) => s.entry.event.type === 'PodCreated')?.after?.pod;
  if (created === undefined) return [];
  const spec = specEntries(created);
  return startsOf(h).flatMap((start: Start): Violation[] => {
    const entry = spec.get(start.container);
    const exit = start.previous?.exit;
    if (entry === undefined || entry.role === 'sidecar' || exit === undefined) return [];
    const why = judge(restartOf(created, entry.container, entry.role, start, exit.code, start.previous?.kill?.reason));
    return why === undefined ? [] : [{ check, subject: h.key, message: why, evidence: [exit.entry, start.entry] }];
  });
};

export const restartUnderNever: Check = {
  name: 'restart-under-never',
  rule: 'under restartPolicy Never (the container’s own, else the pod’s) no container that ran is started again, unless a restart rule matches its exit code',
  run: ({ pods }) =>
    pods.flatMap((h) =>
      restartsOf(h, 'restart-under-never', (r) =>
        r.policy === 'Never' && !r.ruled ? `container ${r.container} started again under restartPolicy Never after exiting ${r.code}` : undefined,
      ),
    ),
};

export const restartAfterSuccess: Check = {
  name: 'restart-after-success',
  rule: 'under OnFailure a container restarts only after a non-zero exit, a probe/hook kill or a matching restart rule; an init container that exited 0 never reruns',
  run: ({ pods }) =>
    pods.flatMap((h) =>
      restartsOf(h, 'restart-after-success', (r) =>
        r.code !== 0 || r.policy === 'Never'
          ? undefined
          : r.role === 'init'
            ? `init container ${r.container} started again after it exited 0`
            : r.policy === 'OnFailure' && !r.killed && !r.ruled
              ? `container ${r.container} started again under restartPolicy OnFailure after exiting 0`
              : undefined,
      ),
    ),
};
