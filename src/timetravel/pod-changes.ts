/**
 * What changed in a pod between two of its versions, as a person reading a timeline wants it: the kubectl
 * STATUS and READY cells, the phase, each condition, each container's (ephemeral ones too) state, readiness and restart count.
 */
import type { ContainerState, ContainerStatus, V1Pod } from '../k8s/pod.js';
import { kubectlRow } from '../printers/index.js';

export interface PodChange {
  readonly field: string;
  readonly from?: string;
  readonly to?: string;
}

/** `running`, `waiting (CrashLoopBackOff)`, `terminated (Error, exit 1)`. */
export const stateText = (state: ContainerState | undefined): string | undefined => {
  if (state?.running !== undefined) return 'running';
  if (state?.waiting !== undefined) return state.waiting.reason === undefined ? 'waiting' : `waiting (${state.waiting.reason})`;
  const t = state?.terminated;
  if (t !== undefined) return `terminated (${[t.reason, `exit ${t.exitCode}`].filter((p) => p !== undefined).join(', ')})`;
  return undefined;
};

const change = (field: string, from: string | undefined, to: string | undefined): PodChange[] =>
  from === to ? [] : [{ field, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }];

/** Every container's status: init, app, and the debug containers `kubectl debug` added (ephemeralContainerStatuses). */
const statusesOf = (pod: V1Pod | undefined): ReadonlyMap<string, ContainerStatus> =>
  new Map([...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? []), ...(pod?.status?.ephemeralContainerStatuses ?? [])].map((s) => [s.name, s]));

const containerChanges = (before: V1Pod | undefined, after: V1Pod | undefined): PodChange[] => {
  const was = statusesOf(before);
  const now = statusesOf(after);
  const names = [...new Set([...was.keys(), ...now.keys()])];
  return names.flatMap((name) => {
    const a = was.get(name);
    const b = now.get(name);
    return [
      ...change(`${name}.state`, stateText(a?.state), stateText(b?.state)),
      ...change(`${name}.ready`, a?.ready?.toString(), b?.ready?.toString()),
      ...change(`${name}.restartCount`, a?.restartCount?.toString(), b?.restartCount?.toString()),
    ];
  });
};

const conditionChanges = (before: V1Pod | undefined, after: V1Pod | undefined): PodChange[] => {
  const text = (pod: V1Pod | undefined) =>
    new Map((pod?.status?.conditions ?? []).map((c) => [c.type, c.reason === undefined ? c.status : `${c.status} (${c.reason})`]));
  const was = text(before);
  const now = text(after);
  return [...new Set([...was.keys(), ...now.keys()])].flatMap((type) => change(`condition ${type}`, was.get(type), now.get(type)));
};

/** The changes from `before` to `after` (undefined: the pod does not exist), judged at instant `now`. */
export const podChanges = (before: V1Pod | undefined, after: V1Pod | undefined, now: Date): PodChange[] => {
  const row = (pod: V1Pod | undefined) => (pod === undefined ? undefined : kubectlRow(pod, now));
  const [a, b] = [row(before), row(after)];
  return [
    ...change('STATUS', a?.status, b?.status),
    ...change('READY', a?.ready, b?.ready),
    ...change('phase', before?.status?.phase, after?.status?.phase),
    ...conditionChanges(before, after),
    ...containerChanges(before, after),
  ];
};
