/**
 * Folding events as a journal reads them, page by page: one private state for the whole stream, so the
 * cost per event does not grow with the number of live pods (folding each page with `foldCluster` would
 * copy the cluster once per page).
 */
import type { Event } from '../events/index.js';
import { Folding, emptyCluster } from './cluster.js';
import type { ClusterState } from './state.js';

export const foldPages = async (pages: AsyncIterable<Iterable<Event>>, from: ClusterState = emptyCluster): Promise<ClusterState> => {
  const folding = new Folding(from);
  for await (const page of pages) for (const e of page) folding.apply(e);
  return folding.result();
};
