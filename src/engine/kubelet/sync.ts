/**
 * One step of the kubelet's pod sync (`kubelet.go :: SyncPod` → `computePodActions`): deletion first, then
 * admission, the sandbox, stopping leftovers of a finished pod, and the next container start.
 */
import type { Event } from '../../events/index.js';
import { terminate } from '../deletion/decide.js';
import { podTerminal } from '../lifecycle.js';
import type { EngineState } from '../state.js';
import type { VirtualMs } from '../world.js';
import { admit, sandbox } from './admission.js';
import { killPod } from './kill.js';
import { containersToStart } from './plan.js';
import { startStep } from './start.js';
import { podGraceSeconds } from '../spec.js';

export const syncPod = (state: EngineState, uid: string, now: VirtualMs): Event[] => {
  const pod = state.pods.get(uid);
  const node = pod?.node === undefined ? undefined : state.nodes.get(pod.node);
  // nothing to do without a reachable kubelet
  if (pod === undefined || node === undefined || node.lostAt !== undefined) return [];
  if (pod.deletion !== undefined) return terminate(pod, now);
  if (!pod.admitted && !pod.rejected) return [admit(pod, node, now)];
  if (pod.rejected) return [];
  // sidecars outlive the regular containers: the finished pod stops them (`PodFinished`)
  if (podTerminal(pod)) return killPod(pod, now, 'PodFinished', podGraceSeconds(pod.spec));
  if (!pod.sandbox) return [sandbox(pod, node, now)];
  for (const c of containersToStart(pod)) {
    const events = startStep(pod, node, c, now);
    if (events.length > 0) return events;
  }
  return [];
};
