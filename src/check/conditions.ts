/**
 * Pod conditions (`pkg/kubelet/status/generate.go`): Ready needs ContainersReady, ContainersReady needs
 * Initialized and PodScheduled; and a pod no scheduler has bound is Pending.
 */
import type { PodState } from '../reducers/index.js';
import type { Check, Violation } from './violation.js';
import { conditionOf, phaseOfState } from './pod-views.js';

/** What is wrong with one folded pod, if anything. */
const faultOf = (s: PodState): string | undefined => {
  const ready = conditionOf(s, 'Ready');
  const containersReady = conditionOf(s, 'ContainersReady');
  if (ready === 'True' && containersReady !== 'True') return `Ready is True while ContainersReady is ${containersReady ?? 'absent'}`;
  if (containersReady === 'True') {
    const initialized = conditionOf(s, 'Initialized');
    const scheduled = conditionOf(s, 'PodScheduled');
    if (initialized !== 'True') return `ContainersReady is True while Initialized is ${initialized ?? 'absent'}`;
    if (scheduled !== 'True') return `ContainersReady is True while PodScheduled is ${scheduled ?? 'absent'}`;
  }
  const phase = phaseOfState(s);
  if (s.pod.spec.nodeName === undefined && phase !== undefined && phase !== 'Pending') return `phase is ${phase} but the pod is bound to no node`;
  return undefined;
};

export const conditionsBroken: Check = {
  name: 'conditions',
  rule: 'Ready ⇒ ContainersReady ⇒ Initialized ∧ PodScheduled; an unbound pod is Pending',
  run: ({ pods }) =>
    pods.flatMap((h) => {
      // report the first step of each run of one fault, not every step it lasts
      const found: Violation[] = [];
      let last: string | undefined;
      for (const step of h.steps) {
        const fault = step.after === undefined ? undefined : faultOf(step.after);
        if (fault !== undefined && fault !== last) found.push({ check: 'conditions', subject: h.key, message: fault, evidence: [step.entry] });
        last = fault;
      }
      return found;
    }),
};
