/** Routes each wake-up to the decider of its concern: one exhaustive switch, no policy of its own. */
import type { Event } from '../events/index.js';
import { decideContainer } from './containers/decide.js';
import { apiRemoval } from './deletion/decide.js';
import { decideEviction } from './eviction/decide.js';
import { decidePull } from './images/decide.js';
import type { Input } from './inputs.js';
import { syncPod } from './kubelet/sync.js';
import { decideNodeLoss } from './nodeloss/decide.js';
import { decideProbe } from './probes/decide.js';
import { decideSchedule } from './scheduling/decide.js';
import type { EngineState } from './state.js';
import type { VirtualMs } from './world.js';

export const decide = (state: EngineState, input: Input, now: VirtualMs): Event[] => {
  switch (input.kind) {
    case 'schedule':
      return decideSchedule(state, input, now);
    case 'apiRemoval': {
      const pod = state.pods.get(input.uid);
      return pod === undefined ? [] : apiRemoval(pod, now);
    }
    case 'sync':
      return syncPod(state, input.uid, now);
    case 'pullDone':
      return decidePull(state, input, now);
    case 'postStartDone':
    case 'processExit':
    case 'memorySample':
      return decideContainer(state, input, now);
    case 'probeTick':
      return decideProbe(state, input, now);
    case 'evictionMonitor':
      return decideEviction(state, input, now);
    case 'nodeUnresponsive':
    case 'nodeLost':
    case 'tolerationExpired':
      return decideNodeLoss(state, input, now);
    default: {
      const never: never = input;
      return never;
    }
  }
};
