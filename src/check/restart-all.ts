/**
 * A `RestartAllContainers` reset (gate `RestartAllContainersOnContainerExits`, beta and on in v1.36): the kubelet
 * removes containers from the runtime only while an exit one of the pod's `RestartAllContainers` rules matches
 * is listed (`kubelet.go :: SyncPod` resets when the status it generated shows `AllContainersRestarting` True:
 * `status/generate.go :: GenerateAllContainersRestartingCondition`), and a reset goes on until every container
 * is removed, before anything starts again (`computePodActions` lists nothing else meanwhile).
 */
import { triggersRestartAll } from '../k8s/restart-rules.js';
import type { Container } from '../k8s/pod.js';
import type { Entry, PodHistory } from './observed.js';
import type { Check, Violation } from './violation.js';
import { specEntries } from './pod-views.js';

interface Listed {
  readonly containerID: string;
  exit?: { readonly entry: Entry; readonly code: number };
}

/** The removals in one pod's history that no listed exit asked for, and starts amid a reset. */
const unaskedRemovals = (h: PodHistory): Violation[] => {
  const created = h.steps.find((s) => s.entry.event.type === 'PodCreated')?.after?.pod;
  if (created === undefined) return [];
  const spec = specEntries(created);
  const asks = (name: string, code: number): boolean => {
    const c: Container | undefined = spec.get(name)?.container;
    return c !== undefined && triggersRestartAll(c, code);
  };
  const listed = new Map<string, Listed>();
  // a reset under way: its removals go on until the next start
  let resetting = false;
  const violations: Violation[] = [];
  for (const { entry } of h.steps) {
    const e = entry.event;
    switch (e.type) {
      case 'SandboxCreated':
        listed.clear();
        resetting = false;
        break;
      case 'ContainerStarted': {
        const left = [...listed.keys()].filter((name) => name !== e.container);
        if (resetting && left.length > 0) {
          violations.push({ check: 'restart-all-unasked', subject: h.key, message: `container ${e.container} started before the reset removed ${left.join(', ')}`, evidence: [entry] });
        }
        if (listed.get(e.container)?.containerID !== e.containerID) listed.set(e.container, { containerID: e.containerID });
        resetting = false;
        break;
      }
      case 'ContainerExited': {
        const instance = listed.get(e.container);
        if (instance !== undefined && instance.containerID === e.containerID) instance.exit ??= { entry, code: e.exitCode };
        break;
      }
      case 'ContainerRemoved': {
        const trigger = [...listed].find(([name, i]) => i.exit !== undefined && asks(name, i.exit.code));
        if (trigger === undefined && !resetting) {
          violations.push({ check: 'restart-all-unasked', subject: h.key, message: `container ${e.container} removed while no exit a RestartAllContainers rule matches was listed`, evidence: [entry] });
        }
        resetting = true;
        listed.delete(e.container);
        break;
      }
      default:
        break;
    }
  }
  return violations;
};

export const restartAllUnasked: Check = {
  name: 'restart-all-unasked',
  rule: 'the kubelet removes a pod’s containers (RestartAllContainers) only while an exit one of its RestartAllContainers rules matches is listed, and until all are gone',
  run: ({ pods }) => pods.flatMap(unaskedRemovals),
};
