/** restartCount never decreases: each new instance of a container counts one more (`convertToAPIContainerStatuses`). */
import type { Check, Violation } from './violation.js';
import { statusesOf } from './pod-views.js';

export const restartCountDecreased: Check = {
  name: 'restart-count-decreased',
  rule: "a container's restartCount never decreases",
  run: ({ pods }) =>
    pods.flatMap((h) => {
      const found: Violation[] = [];
      const highest = new Map<string, { count: number; entry: (typeof h.steps)[number]['entry'] }>();
      for (const step of h.steps) {
        for (const status of statusesOf(step.after)) {
          const seen = highest.get(status.name);
          if (seen !== undefined && (status.restartCount ?? 0) < seen.count) {
            found.push({
              check: 'restart-count-decreased',
              subject: h.key,
              message: `container ${status.name}: restartCount fell from ${seen.count} to ${status.restartCount ?? 0}`,
              evidence: [seen.entry, step.entry],
            });
          }
          if (seen === undefined || (status.restartCount ?? 0) > seen.count) highest.set(status.name, { count: status.restartCount ?? 0, entry: step.entry });
        }
      }
      return found;
    }),
};
