/**
 * The kubelet's two restart questions for one container: may a terminated container run again
 * (`status_manager.go :: checkContainerStateTransition`), and is a (re)start due now, so that a cached
 * start failure is shown as its waiting reason (`container/helpers.go :: ShouldContainerBeRestarted`).
 */
import type { Container, RestartPolicy } from '../k8s/pod.js';
import { isSidecar } from '../k8s/pod.js';
import type { ContainerView } from './kubelet-view.js';

export type ContainerRole = 'init' | 'sidecar' | 'regular';

export const roleOf = (c: Container, inInitList: boolean): ContainerRole =>
  !inInitList ? 'regular' : isSidecar(c) ? 'sidecar' : 'init';

/** A terminated instance may be followed by a new one: sidecars always, else `Always`, or a failure under `OnFailure`. */
export const mayRunAgain = (role: ContainerRole, policy: RestartPolicy, exitCode: number): boolean =>
  role === 'sidecar' || policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);

/** `ShouldContainerBeRestarted`, with init containers treated as the kubelet treats them (exit 0 is done). */
export const restartDue = (role: ContainerRole, policy: RestartPolicy, v: ContainerView, podStopping: boolean): boolean => {
  if (podStopping) return false;
  const current = v.current;
  if (current === undefined || current.kind === 'created') return true;
  if (current.kind === 'running') return false;
  const exitCode = current.terminated.exitCode;
  if (role === 'sidecar') return true;
  if (role === 'init' && exitCode === 0) return false;
  if (policy === 'Never') return false;
  return !(policy === 'OnFailure' && exitCode === 0);
};
