/** The reference answer time travel is checked against: every event valid at or before T, folded in (at, append order). */
import type { Event } from '../../src/events/index.js';
import type { Instant } from '../../src/k8s/codecs.js';
import { foldCluster, type ClusterState } from '../../src/reducers/index.js';

export const foldInTimeOrder = (appended: readonly Event[], t: Instant | string): ClusterState =>
  foldCluster(
    appended
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.at <= t)
      .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
      .map(({ e }) => e),
  );
