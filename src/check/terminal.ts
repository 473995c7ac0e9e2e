/** Terminal phases stay terminal (`generateAPIPodStatus`: a Succeeded or Failed pod is never brought back). */
import type { Check } from './violation.js';
import { isTerminalPhase, phaseOfState } from './pod-views.js';

export const terminalPhaseLeft: Check = {
  name: 'terminal-phase-left',
  rule: 'a pod that reached Succeeded or Failed keeps that phase',
  run: ({ pods }) =>
    pods.flatMap((h) => {
      const reached = h.steps.find((s) => isTerminalPhase(phaseOfState(s.after)));
      const left = h.steps.find(
        (s) => s.after !== undefined && isTerminalPhase(phaseOfState(s.before)) && phaseOfState(s.after) !== phaseOfState(s.before),
      );
      if (left === undefined) return [];
      return [
        {
          check: 'terminal-phase-left',
          subject: h.key,
          message: `phase ${phaseOfState(left.before)} became ${phaseOfState(left.after)}`,
          evidence: reached === undefined || reached === left ? [left.entry] : [reached.entry, left.entry],
        },
      ];
    }),
};
