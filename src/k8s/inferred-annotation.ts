/** The mark of a pod whose object was never captured (no imports: `get` reads it without loading the importers). */
import type { V1Pod } from './pod.js';

/** Set on the manifest of a pod whose object was never captured; its value says so in words. */
export const INFERRED_ANNOTATION = 'podjournal.io/inferred';
export const INFERRED_FROM_EVENTS = 'the pod object was never captured: spec and status are what its Events say';

/** Whether a pod's object was never captured (its PodCreated was inferred from its Events). */
export const isKnownOnlyFromEvents = (pod: V1Pod): boolean => pod.metadata.annotations?.[INFERRED_ANNOTATION] !== undefined;
