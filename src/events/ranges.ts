/**
 * The numbers an event may carry: what the Kubernetes field it stands for can hold (`src/k8s/ranges.ts`).
 * Checked by `decodeEvent`, so every writer (record, apply, delete, import, simulate) and `verify` refuse an
 * event no reader could fold; the read path's type guards do not check, so a journal stored before this
 * check still reads (the reducers clamp what they cannot represent).
 */
import { MAX_DURATION_SECONDS, podRangeErrors, rangeProblem, type GoInt } from '../k8s/ranges.js';
import { renderPath } from '../k8s/field-path.js';
import type { Event } from './event.js';

type Field = readonly [string, number | undefined, GoInt | 'duration ms'];

const problemOf = (value: number, kind: GoInt | 'duration ms'): string | undefined => {
  if (kind !== 'duration ms') return rangeProblem(value, kind);
  const asInt = rangeProblem(value, 'int64');
  if (asInt !== undefined) return asInt;
  return value < 0 || value > MAX_DURATION_SECONDS * 1000 ? `must be between 0 and ${MAX_DURATION_SECONDS * 1000} milliseconds (the longest time.Duration)` : undefined;
};

const fieldsOf = (e: Event): readonly Field[] => {
  switch (e.type) {
    case 'PodDeletionRequested':
    case 'ContainerKilling':
      return [['gracePeriodSeconds', e.gracePeriodSeconds, 'duration seconds']];
    case 'PodWriteRejected':
      return [['code', e.code, 'int32']];
    case 'ImagePulled':
      return [['durationMs', e.durationMs, 'duration ms'], ['waitedMs', e.waitedMs, 'duration ms'], ['sizeBytes', e.sizeBytes, 'int64']];
    case 'ContainerExited':
      return [['exitCode', e.exitCode, 'int32'], ['signal', e.signal, 'int32']];
    case 'ContainerBackOff':
    case 'ImagePullBackOff':
      return [['delaySeconds', e.delaySeconds, 'duration seconds']];
    default:
      return [];
  }
};

/** `PodDeletionRequested: gracePeriodSeconds: 9000000000000 must be …`, or undefined when every number fits. */
export const eventRangeError = (e: Event): string | undefined => {
  if (e.type === 'PodCreated') {
    const [first] = podRangeErrors(e.manifest);
    return first === undefined ? undefined : `${e.type}: manifest.${renderPath(first.path)}: ${first.value} ${first.problem}`;
  }
  for (const [name, value, kind] of fieldsOf(e)) {
    const problem = value === undefined ? undefined : problemOf(value, kind);
    if (problem !== undefined) return `${e.type}: ${name}: ${value} ${problem}`;
  }
  return undefined;
};
