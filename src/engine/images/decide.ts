/**
 * A finished image pull (`image_manager.go :: EnsureImageExists`): pulled, or `ErrImagePull`, which steps the
 * image back-off (10 s doubling to 300 s; `evolve.ts`) and fails the sync.
 */
import type { Event } from '../../events/index.js';
import { aboutContainer } from '../emit.js';
import { simulatedImageID } from '../ids.js';
import type { InputOf } from '../inputs.js';
import { specOf } from '../lifecycle.js';
import type { EngineState } from '../state.js';
import type { VirtualMs } from '../world.js';

export const decidePull = (state: EngineState, input: InputOf<'pullDone'>, now: VirtualMs): Event[] => {
  const pod = state.pods.get(input.uid);
  const c = pod?.containers.find((x) => x.name === input.container);
  if (pod === undefined || c === undefined || c.pullingSince === undefined) return [];
  const image = specOf(pod, c).spec.image ?? '';
  const subject = aboutContainer(now, 'runtime', pod.ref, c.name);
  const { answer } = input;
  if (answer.ok) return [{ type: 'ImagePulled', ...subject, image, alreadyPresent: false, durationMs: answer.durationMs, imageID: simulatedImageID(image) }];
  // the reason cache now holds ErrImagePull; `ImagePullBackOff` is reported by a later sync, inside the back-off
  return [{ type: 'ImagePullFailed', ...subject, image, reason: 'ErrImagePull', message: answer.message }];
};
