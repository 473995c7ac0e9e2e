/**
 * The restart policy (`ShouldContainerBeRestarted`, `computePodActions`): under Never nothing that ran is
 * started again; under OnFailure a container that exited 0 is not, unless the kubelet killed it for a failed
 * liveness or startup probe or postStart hook; an init container that exited 0 never reruns. Sidecars always
 * restart; a new sandbox starts everything afresh.
 */
import type { KillReason } from '../events/index.js';
import type { V1Pod } from '../k8s/pod.js';
import type { Check, Violation } from './violation.js';
import { startsOf, type Start } from './instances.js';
import type { PodHistory } from './observed.js';
import { specEntries, type Role } from './pod-views.js';

/** Kills after which the kubelet starts the container again whatever its exit code. */
const restartingKills: ReadonlySet<KillReason> = new Set(['LivenessProbeFailed', 'StartupProbeFailed', 'PostStartHookFailed']);

/** A restart of a non-sidecar container that ran and exited: the rule it breaks, if any. */
type Judge = (policy: V1Pod['spec']['restartPolicy'], role: Role, code: number, killed: boolean, container: string) => string | undefined;

const restartsOf = (h: PodHistory, check: string, judge: Judge): Violation[] => {
  const created = h.steps.find((s) => s.entry.event.type === 'PodCreated')?.after?.pod;
  if (created === undefined) return [];
  const spec = specEntries(created);
  return startsOf(h).flatMap((start: Start): Violation[] => {
    const role = spec.get(start.container)?.role;
    const exit = start.previous?.exit;
    if (role === undefined || role === 'sidecar' || exit === undefined) return [];
    const kill = start.previous?.kill?.reason;
    const why = judge(created.spec.restartPolicy ?? 'Always', role, exit.code, kill !== undefined && restartingKills.has(kill), start.container);
    return why === undefined ? [] : [{ check, subject: h.key, message: why, evidence: [exit.entry, start.entry] }];
  });
};

export const restartUnderNever: Check = {
  name: 'restart-under-never',
  rule: 'under restartPolicy Never no container that ran is started again',
  run: ({ pods }) =>
    pods.flatMap((h) =>
      restartsOf(h, 'restart-under-never', (policy, _role, code, _killed, c) =>
        policy === 'Never' ? `container ${c} started again under restartPolicy Never after exiting ${code}` : undefined,
      ),
    ),
};

export const restartAfterSuccess: Check = {
  name: 'restart-after-success',
  rule: 'under OnFailure a container restarts only after a non-zero exit or a probe/hook kill; an init container that exited 0 never reruns',
  run: ({ pods }) =>
    pods.flatMap((h) =>
      restartsOf(h, 'restart-after-success', (policy, role, code, killed, c) =>
        code !== 0 || policy === 'Never'
          ? undefined
          : role === 'init'
            ? `init container ${c} started again after it exited 0`
            : policy === 'OnFailure' && !killed
              ? `container ${c} started again under restartPolicy OnFailure after exiting 0`
              : undefined,
      ),
    ),
};
