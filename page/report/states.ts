/** The published states a band can show, their colours and legend names, from a STATUS cell or a container state. */

export type StateCategory =
  | 'pending'
  | 'creating'
  | 'notReady'
  | 'ready'
  | 'crashLoop'
  | 'imagePull'
  | 'oom'
  | 'error'
  | 'completed'
  | 'terminating'
  | 'evicted'
  | 'unknown';

export const STATES: Readonly<Record<StateCategory, { readonly label: string; readonly color: string }>> = {
  pending: { label: 'Pending', color: '#b0b7bf' },
  creating: { label: 'ContainerCreating / Init', color: '#8ec5f0' },
  notReady: { label: 'Running, not ready', color: '#c6e39a' },
  ready: { label: 'Running, ready', color: '#3fa34d' },
  crashLoop: { label: 'CrashLoopBackOff', color: '#e0413a' },
  imagePull: { label: 'ImagePullBackOff / ErrImagePull', color: '#f39c26' },
  oom: { label: 'OOMKilled', color: '#8e3fb0' },
  error: { label: 'Error', color: '#9c1c1c' },
  completed: { label: 'Completed', color: '#2f6fd6' },
  terminating: { label: 'Terminating', color: '#7b5a44' },
  evicted: { label: 'Evicted', color: '#2b2b2b' },
  unknown: { label: 'Unknown / other', color: '#8a8a8a' },
};

const byReason: Readonly<Record<string, StateCategory>> = {
  Pending: 'pending',
  SchedulingGated: 'pending',
  ContainerCreating: 'creating',
  PodInitializing: 'creating',
  NotReady: 'notReady',
  CrashLoopBackOff: 'crashLoop',
  ImagePullBackOff: 'imagePull',
  ErrImagePull: 'imagePull',
  InvalidImageName: 'imagePull',
  ErrImageNeverPull: 'imagePull',
  OOMKilled: 'oom',
  Error: 'error',
  Failed: 'error',
  ContainerCannotRun: 'error',
  CreateContainerConfigError: 'error',
  CreateContainerError: 'error',
  RunContainerError: 'error',
  StartError: 'error',
  Completed: 'completed',
  Succeeded: 'completed',
  Terminating: 'terminating',
  Evicted: 'evicted',
};

const categoryOfReason = (reason: string): StateCategory => {
  const known = byReason[reason];
  if (known !== undefined) return known;
  if (reason.startsWith('ExitCode:') || reason.startsWith('Signal:')) return 'error';
  return 'unknown';
};

/** A pod's band from its STATUS and READY cells (`Running` is ready only when every container is). */
export const podCategory = (status: string, ready: string): StateCategory => {
  if (status === 'Running') {
    const [up, all] = ready.split('/');
    return up === all ? 'ready' : 'notReady';
  }
  if (status.startsWith('Init:')) {
    const inner = status.slice('Init:'.length);
    return /^\d+\/\d+$/.test(inner) ? 'creating' : categoryOfReason(inner);
  }
  return categoryOfReason(status);
};

/** A container's band from the timeline's state text (`running`, `waiting (X)`, `terminated (R, exit N)`). */
export const containerCategory = (state: string, ready: boolean): StateCategory => {
  if (state === 'running') return ready ? 'ready' : 'notReady';
  const reason = /^\w+ \(([^,)]+)/.exec(state)?.[1];
  if (state.startsWith('waiting')) return reason === undefined ? 'pending' : categoryOfReason(reason);
  if (state.startsWith('terminated')) return reason === undefined ? 'error' : categoryOfReason(reason);
  return 'unknown';
};

/** Node condition bands: healthy, troubled, unknown. */
export const conditionColor = (type: string, status: string): string => {
  if (status === 'Unknown') return STATES.unknown.color;
  const healthy = type === 'Ready' ? status === 'True' : status === 'False';
  return healthy ? '#9ccf9f' : '#e0413a';
};
