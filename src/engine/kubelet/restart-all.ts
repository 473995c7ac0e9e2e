/**
 * The in-place reset a `RestartAllContainers` rule asks for (gate `RestartAllContainersOnContainerExits`, beta
 * and on in v1.36). `kubelet.go :: SyncPod` reads the status it has just generated: with the condition
 * `AllContainersRestarting` True (an exit a container's rule matches, while the runtime still lists some
 * container: `status/generate.go :: GenerateAllContainersRestartingCondition`), `computePodActions` lists
 * nothing but `ContainersToReset`, every init, sidecar and regular container the runtime lists, and `SyncPod`
 * handles each in turn: a live one is killed with a grace of 0 (`killContainer`: no preStop, SIGKILL after the
 * 2 s minimum), then removed, its logs kept (`removeContainer`). The sandbox stays. Once a reset has removed
 * containers the kubelet syncs the pod again at once (`UpdatePod`), which finds none and starts the pod over
 * (init containers first) with the restart counts going on, and no back-off: `doBackOff` finds no exited
 * instance to measure from.
 *
 * The order is the one the kubelet's stored ports give (`getContainersToReset`): containers in spec order,
 * those stopped by a matching exit last. The v1.36 `computePodActions` itself was not reachable.
 */
import type { Event } from '../../events/index.js';
import { triggersRestartAll } from '../../k8s/restart-rules.js';
import { aboutContainer } from '../emit.js';
import { specOf } from '../lifecycle.js';
import type { ContainerBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';
import { killing } from './kill.js';

/** The instance the runtime lists ended with an exit one of the container's `RestartAllContainers` rules matches. */
const triggered = (pod: PodBook, c: ContainerBook): boolean => {
  const exit = c.current?.exit;
  return exit !== undefined && triggersRestartAll(specOf(pod, c).spec, exit.code);
};

/** The status this sync generated shows `AllContainersRestarting` True: some listed instance ended so. */
export const restartingAll = (pod: PodBook): boolean => pod.containers.some((c) => triggered(pod, c));

/** What is left to reset, in the kubelet's order: the others, then the containers whose exit asked for it. */
const toReset = (pod: PodBook): ContainerBook[] => {
  const listed = pod.containers.filter((c) => c.current !== undefined);
  return [...listed.filter((c) => !triggered(pod, c)), ...listed.filter((c) => triggered(pod, c))];
};

/** This sync reset the pod: it is over once the last container is removed (the next one starts them). */
export const resetBySync = (pod: PodBook): boolean => pod.containers.some((c) => c.removedSync === pod.syncs);

/** The reset's next step: kill the next live container, or remove the next stopped one; nothing while a kill is under way. */
export const resetStep = (pod: PodBook, now: VirtualMs): Event[] => {
  const next = toReset(pod)[0];
  const current = next?.current;
  if (next === undefined || current === undefined) return [];
  if (current.exit !== undefined) return [{ type: 'ContainerRemoved', ...aboutContainer(now, 'kubelet', pod.ref, next.name), containerID: current.containerID }];
  if (current.kills.some((k) => k.sync === pod.syncs)) return [];
  return [killing(pod, next, now, 'RestartAllContainers', 0)];
};
