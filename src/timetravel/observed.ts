/**
 * Why a kubelet sync changed what it did: a sync (`PodSynced`) publishes what the kubelet learnt since the last
 * one (a container exit, a pull, a start), so a timeline names that observation as the cause of each change,
 * "published at sync", rather than the sync alone.
 */
import type { PodChange } from './pod-changes.js';
import type { Sequenced, TimelineEntry } from './timeline.js';

/** The container a change is about (`web.state` → `web`), if any. */
const containerOf = (change: PodChange): string | undefined => {
  const dot = change.field.indexOf('.');
  return dot < 0 || change.field.startsWith('condition ') ? undefined : change.field.slice(0, dot);
};

/** Changes that follow from one kind of observation rather than from the containers. */
const madeBy: Readonly<Record<string, string>> = { 'condition PodReadyToStartContainers': 'SandboxCreated' };

/**
 * The latest unpublished observation behind `change`: the kind that makes it, else one about its container
 * when it names one, else the latest of all (a STATUS or condition follows from the containers). Undefined when
 * the entry published nothing learnt earlier.
 */
export const observationBehind = (entry: TimelineEntry, change: PodChange): Sequenced | undefined => {
  const observed = entry.observed ?? [];
  const kind = madeBy[change.field];
  const container = containerOf(change);
  const specific = observed.filter(({ event }) =>
    kind !== undefined ? event.type === kind : container !== undefined && 'container' in event && event.container === container,
  );
  return specific.at(-1) ?? observed.at(-1);
};
