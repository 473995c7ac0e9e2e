/**
 * The kubelet's two restart questions for one container: may a terminated container run again
 * (`status_manager.go :: checkContainerStateTransition`), and is a (re)start due now, so that a cached
 * start failure is shown as its waiting reason (`container/helpers.go :: ShouldContainerBeRestarted`).
 */
import type { Container, PodSpec } from '../k8s/pod.js';
import { isSidecar } from '../k8s/pod.js';
import { allContainersCouldRestart, containerShouldRestart } from '../k8s/restart-rules.js';
import type { ContainerView } from './kubelet-view.js';

/**
 * `ephemeral`: a container of `spec.ephemeralContainers` (`kubectl debug`), started once and never restarted
 * (`kuberuntime_manager.go :: computePodActions` starts one only while it has no status), neither ready nor counted
 * by the phase or the conditions.
 */
export type ContainerRole = 'init' | 'sidecar' | 'regular' | 'ephemeral';

/** Which of the spec's lists a container is in: `spec.initContainers`, `spec.containers` or `spec.ephemeralContainers`. */
export type SpecList = 'init' | 'regular' | 'ephemeral';

/** A container's role from its list: an init container with `restartPolicy: Always` is a sidecar. */
export const roleOf = (c: Container, list: SpecList): ContainerRole => (list !== 'init' ? list : isSidecar(c) ? 'sidecar' : 'init');

/**
 * A terminated instance may be followed by a new one: a sidecar, a container `ContainerShouldRestart` restarts
 * after that exit (its own policy and rules, else the pod's), or any container of a pod holding a
 * `RestartAllContainers` rule, whose action restarts every container (`checkContainerStateTransition` lets
 * such a pod's containers leave Terminated).
 */
export const mayRunAgain = (role: ContainerRole, c: Container, spec: PodSpec, exitCode: number): boolean =>
  role !== 'ephemeral' && (role === 'sidecar' || containerShouldRestart(c, spec, exitCode) || allContainersCouldRestart(spec));

/**
 * `ShouldContainerBeRestarted` (gate `ContainerRestartRules`: `ContainerShouldRestart` on the exit code), with
 * init containers treated as the kubelet treats them (exit 0 is done). A sidecar's own policy is `Always`. Of the
 * pod's own state only its deletion counts (`podDeleted`): an evicted pod's or a past-deadline one's is not read.
 */
export const restartDue = (role: ContainerRole, c: Container, spec: PodSpec, v: ContainerView, podDeleted: boolean): boolean => {
  if (podDeleted) return false;
  const current = v.current;
  if (current === undefined || current.kind === 'created') return true;
  if (current.kind === 'running') return false;
  const exitCode = current.terminated.exitCode;
  if (role === 'ephemeral' || (role === 'init' && exitCode === 0)) return false;
  return containerShouldRestart(c, spec, exitCode);
};
