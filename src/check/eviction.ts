/**
 * Node-pressure eviction (`eviction_manager.go :: synchronize`, `helpers.go :: rankMemoryPressure`): a
 * critical pod is never evicted, and no active pod on the node ranked ahead of the one that was.
 */
import { isCriticalPod, rankMemoryPressure } from '../eviction/index.js';
import type { Check, Violation } from './violation.js';
import { evictionScenes } from './eviction-scene.js';

export const evictionOrderBroken: Check = {
  name: 'eviction-order',
  rule: 'critical pods are never evicted; a pod is evicted only if no other active pod on its node ranks before it',
  run: (observed) =>
    evictionScenes(observed).flatMap((scene): Violation[] => {
      const name = scene.evicted.pod.metadata.name ?? '';
      const subject = `${scene.evicted.pod.metadata.namespace ?? 'default'}/${name}`;
      if (isCriticalPod(scene.evicted.pod)) {
        return [{ check: 'eviction-order', subject, message: `critical pod evicted (priority ${scene.evicted.pod.spec.priority ?? 0})`, evidence: [scene.entry] }];
      }
      const ahead = scene.others.find((o) => !isCriticalPod(o.pod) && rankMemoryPressure(o, scene.evicted) < 0);
      if (ahead === undefined) return [];
      const usage = (c: typeof ahead) => c.usage.memory ?? '0';
      return [
        {
          check: 'eviction-order',
          subject,
          message: `evicted (using ${usage(scene.evicted)}) while ${ahead.pod.metadata.name ?? ''} (using ${usage(ahead)}) ranked before it on ${scene.node}`,
          evidence: [scene.entry],
        },
      ];
    }),
};
