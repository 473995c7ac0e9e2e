/**
 * The container concern: how runtime, prober and kubelet events about one container change what the kubelet
 * knows of it (its instances, the cached start failure, probe results). Contradictory events are ignored
 * by the rules in README.md.
 */
import type { EventOf } from '../events/index.js';
import type { Container, RestartPolicy } from '../k8s/pod.js';
import type { InstanceState, ContainerView } from './kubelet-view.js';
import { mayRunAgain, type ContainerRole } from './restart.js';
import { apiTime } from './time.js';

export type ContainerEvent = EventOf<
  | 'ImagePulling'
  | 'ImagePulled'
  | 'ImagePullFailed'
  | 'ImagePullBackOff'
  | 'ContainerCreated'
  | 'ContainerStarted'
  | 'ContainerStartFailed'
  | 'PostStartHookFailed'
  | 'PostStartHookSucceeded'
  | 'ContainerExited'
  | 'ContainerUsageSampled'
  | 'ContainerKilling'
  | 'ContainerBackOff'
  | 'ProbeExecuted'
  | 'ProbeResultChanged'
>;

/** A spec container as the reducer needs it. */
export interface ContainerContext {
  readonly spec: Container;
  readonly role: ContainerRole;
  readonly policy: RestartPolicy;
}

export const initialContainerView: ContainerView = { instances: 0, probes: {}, postStartDone: true };

/** A new instance may follow the current one: none yet, or a terminated one that may run again. */
const mayStartInstance = (v: ContainerView, ctx: ContainerContext): boolean => {
  const current = v.current;
  if (current === undefined) return true;
  if (current.kind === 'running') return false; // one instance at a time
  if (current.kind === 'created') return true; // a created instance that never ran is replaced
  return mayRunAgain(ctx.role, ctx.policy, current.terminated.exitCode);
};

/** Forgets the cached start failure: a start went through. */
const clearFailure = ({ failure: _forgotten, ...rest }: ContainerView): ContainerView => rest;

/** The runtime made a new instance: the old one (if it terminated) becomes `lastState`; probes start afresh. */
const newInstance = (v: ContainerView, ctx: ContainerContext, current: InstanceState, containerID: string): ContainerView => {
  return {
    ...clearFailure(v),
    instances: v.instances + 1,
    current,
    ...(v.current?.kind === 'terminated' ? { previous: v.current.terminated } : {}),
    containerID,
    probes: {},
    postStartDone: ctx.spec.lifecycle?.postStart === undefined,
  };
};

const withFailure = (v: ContainerView, reason: string, message: string): ContainerView => ({
  ...v,
  failure: { reason, message },
});

const created = (v: ContainerView, e: EventOf<'ContainerCreated'>, ctx: ContainerContext): ContainerView => {
  if (v.containerID === e.containerID && v.current !== undefined) return v; // the same instance again
  return mayStartInstance(v, ctx) ? newInstance(v, ctx, { kind: 'created' }, e.containerID) : v;
};

const started = (v: ContainerView, e: EventOf<'ContainerStarted'>, ctx: ContainerContext): ContainerView => {
  const running: InstanceState = { kind: 'running', running: { startedAt: apiTime(e.at) } };
  if (v.containerID === e.containerID && v.current !== undefined) {
    if (v.current.kind !== 'created') return v; // already running, or that instance is over
    return { ...clearFailure(v), current: running };
  }
  return mayStartInstance(v, ctx) ? newInstance(v, ctx, running, e.containerID) : v;
};

const exited = (v: ContainerView, e: EventOf<'ContainerExited'>, ctx: ContainerContext): ContainerView => {
  const sameInstance = v.containerID === e.containerID && v.current !== undefined;
  const startedAt = sameInstance && v.current?.kind === 'running' ? v.current.running.startedAt : undefined;
  const terminated: InstanceState = {
    kind: 'terminated',
    terminated: {
      exitCode: e.exitCode,
      ...(e.signal !== undefined ? { signal: e.signal } : {}),
      reason: e.reason,
      ...(e.message !== undefined && e.message !== '' ? { message: e.message } : {}),
      ...(startedAt !== undefined ? { startedAt } : {}),
      finishedAt: apiTime(e.at),
      containerID: e.containerID,
    },
  };
  if (sameInstance) {
    if (v.current?.kind === 'terminated') return v; // a duplicate exit
    return { ...clearFailure(v), current: terminated, probes: {} };
  }
  // An exit of an instance never seen starting: recorded as an instance that ran, if one may run now.
  return mayStartInstance(v, ctx) ? { ...newInstance(v, ctx, terminated, e.containerID), probes: {} } : v;
};

const probeChanged = (v: ContainerView, e: EventOf<'ProbeResultChanged'>): ContainerView =>
  v.current?.kind === 'running' && v.probes[e.probe] !== e.outcome
    ? { ...v, probes: { ...v.probes, [e.probe]: e.outcome } }
    : v;

/** The container's next view after one event about it; the same object when nothing changed. */
export const reduceContainer = (v: ContainerView, e: ContainerEvent, ctx: ContainerContext): ContainerView => {
  switch (e.type) {
    case 'ContainerCreated':
      return created(v, e, ctx);
    case 'ContainerStarted':
      return started(v, e, ctx);
    case 'ContainerExited':
      return exited(v, e, ctx);
    case 'ImagePulled':
      return { ...clearFailure(v), ...(e.imageID !== undefined ? { imageID: e.imageID } : {}) };
    case 'ImagePullFailed':
    case 'ContainerStartFailed':
      return withFailure(v, e.reason, e.message);
    case 'ImagePullBackOff':
      return withFailure(v, 'ImagePullBackOff', `Back-off pulling image ${JSON.stringify(e.image)}`);
    case 'ContainerBackOff':
      return withFailure(
        v,
        'CrashLoopBackOff',
        `back-off ${e.delaySeconds}s restarting failed container=${e.container} pod=${e.pod.name}_${e.pod.namespace}(${e.pod.uid})`,
      );
    case 'PostStartHookFailed':
      return withFailure({ ...v, postStartDone: false }, 'PostStartHookError', e.message);
    case 'PostStartHookSucceeded':
      return v.postStartDone ? v : { ...v, postStartDone: true };
    case 'ProbeResultChanged':
      return probeChanged(v, e);
    case 'ImagePulling':
    case 'ContainerUsageSampled':
    case 'ContainerKilling':
    case 'ProbeExecuted':
      return v; // observations and decisions that change no status by themselves
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
};
