/**
 * The pod status the kubelet would write after an event: `generateAPIPodStatus`, then the status manager's
 * `TerminatePod` and `mergePodStatus` rules (terminal phases are sticky and reached only once nothing runs).
 */
import type { ContainerStatus, PodCondition, PodPhase, PodStatus, V1Pod } from '../k8s/pod.js';
import { isStaticPod, phaseOf } from '../k8s/phase.js';
import { containerStatusOf, unknownTermination } from './container-status.js';
import { initialContainerView } from './containers.js';
import { isKubeletOwned, kubeletConditions, settle } from './conditions.js';
import type { KubeletView } from './kubelet-view.js';
import { restartDue, roleOf } from './restart.js';

const isTerminal = (phase: PodPhase | undefined): boolean => phase === 'Succeeded' || phase === 'Failed';

/** Some container is running (`couldHaveRunningContainers`; a created, never started one holds nothing). */
export const couldHaveRunningContainers = (view: KubeletView): boolean =>
  Object.values(view.containers).some((c) => c.current?.kind === 'running');

/**
 * The kubelet will run nothing more: evicted, deleted (on a reachable node), or already terminal. Every
 * container finishing under its policy needs no flag: getPhase itself then answers Succeeded or Failed.
 */
export const podIsTerminal = (pod: V1Pod, view: KubeletView): boolean =>
  view.evicted !== undefined || pod.metadata.deletionTimestamp !== undefined || isTerminal(pod.status?.phase);

/** TerminatePod: once the pod is over, statuses that cannot have finished normally become ContainerStatusUnknown. */
const terminateStatuses = (
  inits: ContainerStatus[],
  regular: ContainerStatus[],
  view: KubeletView,
): [ContainerStatus[], ContainerStatus[]] => {
  const unfinished = (s: ContainerStatus): boolean => s.state?.terminated === undefined;
  const ranRegular = view.podHasInitialized || regular.some((s) => (view.containers[s.name]?.instances ?? 0) > 0);
  // All init containers up to the last one with evidence of a start.
  let lastStarted = -1;
  inits.forEach((s, i) => {
    if ((view.containers[s.name]?.instances ?? 0) > 0) lastStarted = i;
  });
  return [
    inits.map((s, i) => (i <= lastStarted && unfinished(s) ? unknownTermination(s) : s)),
    regular.map((s) => (ranRegular && unfinished(s) ? unknownTermination(s) : s)),
  ];
};

/** The status after the kubelet has (re)generated it at `now` (API form, whole seconds). */
export const kubeletStatus = (pod: V1Pod, view: KubeletView, now: string): PodStatus => {
  const prev = pod.status ?? {};
  const spec = pod.spec;
  const policy = spec.restartPolicy ?? 'Always';
  const inits = spec.initContainers ?? [];
  const terminal = podIsTerminal(pod, view);
  const running = couldHaveRunningContainers(view);
  const statusOf = (inInitList: boolean) => (c: (typeof spec.containers)[number]): ContainerStatus => {
    const v = view.containers[c.name] ?? initialContainerView;
    const role = roleOf(c, inInitList);
    return containerStatusOf(c, v, {
      role,
      podHasInitContainers: inits.length > 0,
      restartDue: restartDue(role, policy, v, terminal),
    });
  };
  let initStatuses = inits.map(statusOf(true));
  let statuses = spec.containers.map(statusOf(false));

  let phase = phaseOf(
    { metadata: pod.metadata, spec, status: { initContainerStatuses: initStatuses, containerStatuses: statuses } },
    { podIsTerminal: terminal, podHasInitialized: view.podHasInitialized },
  );
  let reason: string | undefined;
  let message: string | undefined;
  if (view.evicted !== undefined) {
    phase = 'Failed';
    reason = 'Evicted';
    message = view.evicted.message;
  } else if (terminal && !running && !isTerminal(phase) && !isStaticPod(pod)) {
    phase = 'Failed'; // TerminatePod: a pod that is over is never left Pending or Running
  }
  if (isTerminal(prev.phase) && !isTerminal(phase)) phase = prev.phase ?? phase; // terminal is sticky
  if (isTerminal(phase) && !isTerminal(prev.phase) && running) {
    // mergePodStatus: the API sees a terminal phase only once no container can be running
    phase = prev.phase ?? 'Pending';
    reason = undefined;
    message = undefined;
  }
  if (phase === prev.phase && reason === undefined) {
    reason = prev.reason;
    message = prev.message;
  }
  if (isTerminal(phase) && !running) [initStatuses, statuses] = terminateStatuses(initStatuses, statuses, view);

  const others = (prev.conditions ?? []).filter((c) => !isKubeletOwned(c.type));
  const disruption: PodCondition[] =
    view.evicted !== undefined && isTerminal(phase) && !others.some((c) => c.type === 'DisruptionTarget')
      ? [
          settle(
            { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: view.evicted.message },
            undefined,
            now,
          ),
        ]
      : [];
  const owned = kubeletConditions({
    spec,
    initStatuses,
    statuses,
    phase,
    sandboxReady: view.sandboxReady,
    others,
  }).map((d) => settle(d, prev.conditions, now));

  const podIPs = view.podIPs ?? [];
  return {
    phase,
    conditions: [...others, ...disruption, ...owned],
    ...(message !== undefined ? { message } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(view.hostIP !== undefined ? { hostIP: view.hostIP, hostIPs: [{ ip: view.hostIP }] } : {}),
    ...(podIPs[0] !== undefined ? { podIP: podIPs[0], podIPs: podIPs.map((ip) => ({ ip })) } : {}),
    startTime: prev.startTime ?? now,
    ...(inits.length > 0 ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
    ...(prev.qosClass !== undefined ? { qosClass: prev.qosClass } : {}),
  };
};
