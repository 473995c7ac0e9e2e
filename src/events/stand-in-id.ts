/**
 * The containerID an import gives a container run no source recorded an id for (Kubernetes Events carry none):
 * `unknown://<pod uid>/<container>/<run>`, the run counted from 0 as `restartCount` counts it. A later import that
 * has the run's real id (its pod object) records it with `standIn` naming this id, and the fold reads the two as
 * one run (`reducers/containers.ts`).
 */
const PREFIX = 'unknown://';

export const standInId = (podUid: string, container: string, run: number): string => `${PREFIX}${podUid}/${container}/${run}`;

export const isStandInId = (id: string): boolean => id.startsWith(PREFIX);

/** The run a stand-in id names; undefined for any other id. */
export const runOfStandIn = (id: string): number | undefined => {
  if (!isStandInId(id)) return undefined;
  const run = Number(id.slice(id.lastIndexOf('/') + 1));
  return Number.isInteger(run) ? run : undefined;
};
