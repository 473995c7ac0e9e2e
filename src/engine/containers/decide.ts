/**
 * What happens to a running container instance: its process ends (reason as containerd reports it), its
 * postStart hook returns or fails (then the kubelet kills it, `FailedPostStartHook`), or the kernel
 * OOM-kills it once its working set passes its memory limit (exit 137, `OOMKilled`).
 */
import type { Event } from '../../events/index.js';
import { formatBytes } from '../../k8s/quantity.js';
import { aboutContainer } from '../emit.js';
import type { InputOf } from '../inputs.js';
import { killing } from '../kubelet/kill.js';
import { isRunning, specOf } from '../lifecycle.js';
import { memoryLimitBytes, podGraceSeconds } from '../spec.js';
import type { ContainerBook, EngineState, Instance, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';

type ContainerInput = InputOf<'processExit' | 'postStartDone' | 'memorySample'>;

/** containerd's exit reasons (`completeExitReason`, `errorExitReason`). */
const exitReason = (code: number): string => (code === 0 ? 'Completed' : 'Error');

const exited = (pod: PodBook, c: ContainerBook, i: Instance, now: VirtualMs, code: number, reason: string): Event => ({
  type: 'ContainerExited',
  ...aboutContainer(now, 'runtime', pod.ref, c.name),
  containerID: i.containerID,
  exitCode: code,
  reason,
});

export const decideContainer = (state: EngineState, input: ContainerInput, now: VirtualMs): Event[] => {
  const pod = state.pods.get(input.uid);
  const c = pod?.containers.find((x) => x.name === input.container);
  const i = c?.current;
  if (pod === undefined || c === undefined || !isRunning(i)) return [];
  switch (input.kind) {
    case 'processExit':
      return [exited(pod, c, i, now, input.code, exitReason(input.code))];
    case 'postStartDone': {
      if (i.postStartDone || i.kills.length > 0) return [];
      const subject = aboutContainer(now, 'kubelet', pod.ref, c.name);
      if (input.answer.failure === undefined) return [{ type: 'PostStartHookSucceeded', ...subject }];
      return [
        { type: 'PostStartHookFailed', ...subject, message: input.answer.failure },
        killing(pod, c, now, 'PostStartHookFailed', podGraceSeconds(pod.spec), 'FailedPostStartHook'),
      ];
    }
    case 'memorySample': {
      const limit = memoryLimitBytes(specOf(pod, c).spec);
      if (limit === undefined || input.bytes <= limit) return [];
      const memory = formatBytes(input.bytes);
      return [
        { type: 'ContainerUsageSampled', ...aboutContainer(now, 'node', pod.ref, c.name), memory },
        exited(pod, c, i, now, 137, 'OOMKilled'),
      ];
    }
    default: {
      const never: never = input;
      return never;
    }
  }
};
