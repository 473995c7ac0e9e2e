/** QoS class (`ComputePodQOS`): set once at creation from the spec, it never changes. */
import { qosClassOf } from '../k8s/qos.js';
import type { Check, Violation } from './violation.js';

export const qosClassChanged: Check = {
  name: 'qos-class',
  rule: "status.qosClass always equals the class computed from the pod's spec, and never changes",
  run: ({ pods }) =>
    pods.flatMap((h) => {
      const found: Violation[] = [];
      let first: string | undefined;
      for (const step of h.steps) {
        const pod = step.after?.pod;
        const shown = pod?.status?.qosClass;
        if (pod === undefined || shown === undefined) continue;
        const expected = qosClassOf(pod);
        first ??= shown;
        const why =
          shown !== expected ? `status.qosClass is ${shown}, the spec makes it ${expected}` : shown !== first ? `status.qosClass changed from ${first} to ${shown}` : undefined;
        if (why !== undefined) {
          found.push({ check: 'qos-class', subject: h.key, message: why, evidence: [step.entry] });
          break; // one report per pod: every later step repeats it
        }
      }
      return found;
    }),
};
