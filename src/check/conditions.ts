/**
 * Pod conditions (`pkg/kubelet/status/generate.go`): Ready needs ContainersReady, ContainersReady needs
 * Initialized and PodScheduled (where a kubelet older than v1.12 publishes no ContainersReady, Ready needs
 * them); and a pod no scheduler has bound is Pending.
 */
import type { PodState } from '../reducers/index.js';
import type { Check, Violation } from './violation.js';
import type { PodHistory } from './observed.js';
import { conditionOf, phaseOfState } from './pod-views.js';

/** The first step of each run of one fault, not every step it lasts. */
const faultRuns = (h: PodHistory, check: string, faultOf: (s: PodState) => string | undefined): Violation[] => {
  const found: Violation[] = [];
  let last: string | undefined;
  for (const step of h.steps) {
    const fault = step.after === undefined ? undefined : faultOf(step.after);
    if (fault !== undefined && fault !== last) found.push({ check, subject: h.key, message: fault, evidence: [step.entry] });
    last = fault;
  }
  return found;
};

const implicationFault = (s: PodState): string | undefined => {
  const ready = conditionOf(s, 'Ready');
  // An imported pod whose kubelet (older than v1.12) publishes no ContainersReady: Ready itself then needs the rest.
  const published = s.kubelet.conditionTypes?.includes('ContainersReady') ?? true;
  const containersReady = conditionOf(s, 'ContainersReady');
  if (published && ready === 'True' && containersReady !== 'True') return `Ready is True while ContainersReady is ${containersReady ?? 'absent'}`;
  const [name, status] = published ? ['ContainersReady', containersReady] : ['Ready', ready];
  if (status !== 'True') return undefined;
  const initialized = conditionOf(s, 'Initialized');
  const scheduled = conditionOf(s, 'PodScheduled');
  if (initialized !== 'True') return `${name} is True while Initialized is ${initialized ?? 'absent'}`;
  return scheduled === 'True' ? undefined : `${name} is True while PodScheduled is ${scheduled ?? 'absent'}`;
};

const unboundFault = (s: PodState): string | undefined => {
  const phase = phaseOfState(s);
  return s.pod.spec.nodeName === undefined && phase !== undefined && phase !== 'Pending' ? `phase is ${phase} but the pod is bound to no node` : undefined;
};

export const conditionsBroken: Check = {
  name: 'conditions',
  rule: 'Ready ⇒ ContainersReady ⇒ Initialized ∧ PodScheduled',
  run: ({ pods }) => pods.flatMap((h) => faultRuns(h, 'conditions', implicationFault)),
};

export const unboundNotPending: Check = {
  name: 'unbound-pending',
  rule: 'a pod bound to no node is Pending',
  run: ({ pods }) => pods.flatMap((h) => faultRuns(h, 'unbound-pending', unboundFault)),
};
