/** Builds the events the engine appends: the common envelope, stamped with virtual time and the deciding component. */
import { SCHEMA_VERSION, type PodRef, type Source } from '../events/index.js';
import { instantOf, type Instant } from '../k8s/codecs.js';
import { lastMemo } from '../memo/index.js';
import type { VirtualMs } from './world.js';

export interface Envelope {
  readonly v: typeof SCHEMA_VERSION;
  readonly at: Instant;
  readonly source: Source;
}

/** The last instant written, with its text: the many events of one instant share one string, formatted once. */
const instantText = lastMemo((ms: VirtualMs): Instant => instantOf(ms));

export const envelope = (now: VirtualMs, source: Source): Envelope => ({ v: SCHEMA_VERSION, at: instantText(now), source });

export const aboutPod = (now: VirtualMs, source: Source, pod: PodRef) => ({ ...envelope(now, source), pod });

export const aboutContainer = (now: VirtualMs, source: Source, pod: PodRef, container: string) => ({
  ...envelope(now, source),
  pod,
  container,
});
