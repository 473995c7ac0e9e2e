/**
 * Whether a container runs again, with the gate `ContainerRestartRules` (beta, on in v1.36): a container's own
 * `restartPolicy` overrides the pod's, and its `restartPolicyRules` override its own policy for the exit codes
 * they match (`pkg/api/v1/pod/util.go`). Pods without the fields get the pod-level answers they always had.
 */
import type { Container, ContainerRestartRule, PodSpec, RestartPolicy } from './pod.js';

/** `ContainerRestartRuleActionRestartAllContainers` (gate `RestartAllContainersOnContainerExits`). */
export const RESTART_ALL_CONTAINERS = 'RestartAllContainers';

/**
 * `findMatchingContainerRestartRule`: the first rule whose exit-code condition holds; a rule without
 * `exitCodes`, or with an operator other than `In` / `NotIn`, never matches.
 */
export const matchingRestartRule = (c: Container, exitCode: number): ContainerRestartRule | undefined =>
  c.restartPolicyRules?.find((rule) => {
    const codes = rule.exitCodes;
    if (codes === undefined) return false;
    const listed = (codes.values ?? []).includes(exitCode);
    if (codes.operator === 'In') return listed;
    if (codes.operator === 'NotIn') return !listed;
    return false;
  });

const restartsUnder = (policy: RestartPolicy, exitCode: number): boolean => policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);

/** The policy a container runs under: its own `restartPolicy`, else the pod's (defaulted to `Always`). */
export const effectiveRestartPolicy = (c: Container, spec: PodSpec): RestartPolicy => c.restartPolicy ?? spec.restartPolicy ?? 'Always';

/** The actions a matching rule restarts with: the container alone, or every container of the pod. */
const restartingActions: ReadonlySet<string | undefined> = new Set(['Restart', RESTART_ALL_CONTAINERS]);

/**
 * `ContainerShouldRestart`: rules count only beside a container's own `restartPolicy` (the API server requires
 * one with them); a matching rule restarts, else the container's own policy decides; without one, the pod's
 * (defaulted to `Always`). A `RestartAllContainers` match counts as restarting too: v1.36's getPhase cases
 * (`kubelet_pods_test.go :: TestPodPhaseWithRestartAllContainers` at 001a80e9) read a container just
 * terminated by such a rule as restartable; the stored `util.go` (959795b4) predates that and falls through.
 */
export const containerShouldRestart = (c: Container, spec: PodSpec, exitCode: number): boolean =>
  (c.restartPolicy !== undefined && restartingActions.has(matchingRestartRule(c, exitCode)?.action)) || restartsUnder(effectiveRestartPolicy(c, spec), exitCode);

/**
 * The policy-only answer of the kubelet's sync (kubernetes' fix when the gate went beta, patches
 * `26ba815f..a2a112c4` of `kuberuntime_manager.go` and `30755661..a1d9453f` of `kuberuntime_container.go`):
 * a container killed for a failed liveness or startup probe goes to `ContainersToStart`
 * (`computePodActions`), and a failed regular init container is retried rather than the pod killed
 * (`computeInitContainerActions`), unless the container's own policy, else the pod's
 * (`shouldRestartOnFailure`), is Never. Rules are not read: "the container might not have exited".
 */
export const restartsOnFailure = (c: Container, spec: PodSpec): boolean => effectiveRestartPolicy(c, spec) !== 'Never';

/**
 * The exit of `c` with `exitCode` asks for every container of the pod to restart (gate
 * `RestartAllContainersOnContainerExits`): its first matching rule's action is `RestartAllContainers`
 * (`kubelet/container/helpers.go :: ShouldAllContainersRestart`, `findMatchingContainerRestartRule`).
 */
export const triggersRestartAll = (c: Container, exitCode: number): boolean => matchingRestartRule(c, exitCode)?.action === RESTART_ALL_CONTAINERS;

/** `kubelet_pods.go :: RestartingAllContainers`: the waiting and last-termination reason of a container the action removed. */
export const RESTARTING_ALL_CONTAINERS = 'RestartingAllContainers';

/** `convertToAPIContainerStatuses`' message beside that reason (waiting and last termination alike). */
export const RESTARTING_ALL_CONTAINERS_MESSAGE = 'The container is removed because RestartAllContainers in place';

/** Answers by spec: every status regeneration asks, and a pod's spec never changes. */
const couldRestart = new WeakMap<PodSpec, boolean>();

/** `AllContainersCouldRestart`: some container carries a `RestartAllContainers` rule. */
export const allContainersCouldRestart = (spec: PodSpec): boolean => {
  let known = couldRestart.get(spec);
  if (known === undefined) {
    known = [...(spec.initContainers ?? []), ...spec.containers].some((c) => c.restartPolicyRules?.some((r) => r.action === RESTART_ALL_CONTAINERS) === true);
    couldRestart.set(spec, known);
  }
  return known;
};
