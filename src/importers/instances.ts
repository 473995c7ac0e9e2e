/**
 * Makes each container run one coherent instance across sources. A run's facts share one containerID:
 * the one any source recorded, else a stand-in `unknown://<pod uid>/<container>/<run>` (Event objects carry
 * no ids); a run the journal holds under a stand-in that this import records with its id gets its new records
 * marked `standIn`. A run followed by a newer one, or by a restart back-off, without a recorded exit did exit: the
 * exit is inferred just before that next run or back-off, copying the nearest recorded exit of the container (a crash loop fails alike each time) when
 * the container restarts after such an exit, or else the kubelet's own marker for an end nobody saw (`ContainerStatusUnknown`, 137), and says so.
 */
import { derivedProvenance, type Event, type EventOf } from '../events/index.js';
import type { PodSpec } from '../k8s/pod.js';
import { containerShouldRestart } from '../k8s/restart-rules.js';
import { containerKeyOf } from './build.js';
import type { Imported, Origin } from './imported.js';
import { isStandInId, standInId } from '../events/stand-in-id.js';

type InstanceEvent = EventOf<'ContainerCreated' | 'ContainerStarted' | 'ContainerExited'>;
type Exit = Pick<EventOf<'ContainerExited'>, 'exitCode' | 'reason' | 'signal'>;

export const INFERRED_EXIT_MESSAGE = 'inferred on import: a later run of this container was recorded, this run\'s end was not';
const UNSEEN_EXIT: Exit = { exitCode: 137, reason: 'ContainerStatusUnknown' };

const isInstanceEvent = (e: Event): e is InstanceEvent =>
  e.type === 'ContainerCreated' || e.type === 'ContainerStarted' || e.type === 'ContainerExited';

const runKey = (e: InstanceEvent, instance: number): string => `${containerKeyOf(e)}#${instance}`;

/**
 * The exit of a run nobody saw end, at `e`'s instant (the fact after which it must have ended): like `model`
 * (the container's nearest recorded exit: a crash loop fails alike each time), else the kubelet's marker.
 */
export const inferredExit = (e: InstanceEvent | EventOf<'ContainerBackOff'>, model: Exit | undefined): EventOf<'ContainerExited'> => {
  const { exitCode, reason, signal } = model ?? UNSEEN_EXIT;
  return {
    type: 'ContainerExited',
    v: e.v,
    at: e.at,
    source: 'runtime',
    pod: e.pod,
    container: e.container,
    containerID: 'containerID' in e ? e.containerID : '',
    exitCode,
    reason,
    ...(signal !== undefined && { signal }),
    message: INFERRED_EXIT_MESSAGE,
    ...derivedProvenance(e.from),
  };
};

/** The specs of the pods whose creation is among `items` (the journal's records too), by uid. */
export const podSpecsOf = (items: readonly Imported[]): Map<string, PodSpec> =>
  new Map(items.flatMap((i) => (i.event.type === 'PodCreated' ? [[i.event.pod.uid, i.event.manifest.spec] as const] : [])));

/**
 * The exit a regular container's run that was restarted is inferred like: `model` (its nearest recorded exit),
 * if the kubelet restarts the container after such an exit (`containerShouldRestart`: under `OnFailure` only a
 * failure), else none (the kubelet's marker for an end nobody saw). k3s' helm-install Job pod (OnFailure) shows
 * `restartCount: 2` and only its last exit, 0: the two runs before it failed. Init containers keep `model`.
 */
export const restartedExitModel = <M extends Pick<Exit, 'exitCode'>>(model: M | undefined, spec: PodSpec | undefined, container: string): M | undefined => {
  const c = spec?.containers.find((x) => x.name === container);
  return model === undefined || spec === undefined || c === undefined || containerShouldRestart(c, spec, model.exitCode) ? model : undefined;
};

/**
 * The containerID each run was recorded with by any source (before duplicates are dropped): a real one over a
 * stand-in the journal holds it under (its Events were imported before the object).
 */
export const recordedIds = (all: readonly Imported[]): Map<string, string> => {
  const ids = new Map<string, string>();
  for (const i of all) {
    if (i.instance === undefined || !isInstanceEvent(i.event) || i.event.containerID === '') continue;
    const held = ids.get(runKey(i.event, i.instance));
    if (held === undefined || (isStandInId(held) && !isStandInId(i.event.containerID))) ids.set(runKey(i.event, i.instance), i.event.containerID);
  }
  return ids;
};

/** The runs the journal holds under a stand-in id, by run. */
const heldStandIns = (sorted: readonly Imported[]): Map<string, string> =>
  new Map(
    sorted.flatMap((i) =>
      i.origin === 'journal' && i.instance !== undefined && isInstanceEvent(i.event) && isStandInId(i.event.containerID) ? [[runKey(i.event, i.instance), i.event.containerID] as const] : [],
    ),
  );

/** `sorted` in valid-time order; returns it with ids settled and inferred exits inserted. */
export const settleInstances = (sorted: readonly Imported[], ids: ReadonlyMap<string, string>): Imported[] => {
  const recordedExits = new Map<string, EventOf<'ContainerExited'>[]>();
  for (const i of sorted) {
    if (i.event.type === 'ContainerExited') {
      const key = containerKeyOf(i.event);
      recordedExits.set(key, [...(recordedExits.get(key) ?? []), i.event]);
    }
  }
  const exited = new Set(sorted.flatMap((i) => (i.event.type === 'ContainerExited' && i.instance !== undefined ? [runKey(i.event, i.instance)] : [])));
  const specs = podSpecsOf(sorted);
  const standIns = heldStandIns(sorted);
  /** Per container: the run in progress (started, no exit yet), with its id. */
  const open = new Map<string, { instance: number; containerID: string }>();
  const out: Imported[] = [];
  /** Ends the open run of `e`'s container, unseen, at `e`'s instant. */
  const closeUnseen = (e: InstanceEvent | EventOf<'ContainerBackOff'>, origin: Origin): void => {
    const key = containerKeyOf(e);
    const running = open.get(key);
    // A run whose exit some record holds (later in time, or already in the journal) ends there, not here.
    if (running === undefined || exited.has(`${key}#${running.instance}`)) return;
    const exits = recordedExits.get(key) ?? [];
    const model = restartedExitModel(exits.find((x) => x.at >= e.at) ?? exits[exits.length - 1], specs.get(e.pod.uid), e.container);
    out.push({
      event: { ...inferredExit(e, model), containerID: running.containerID },
      origin,
      certainty: 'inferred',
      instance: running.instance,
    });
    open.delete(key);
  };
  for (const item of sorted) {
    const e = item.event;
    // A restart back-off means the run before it has ended: the kubelet only backs off a dead container.
    if (e.type === 'ContainerBackOff') closeUnseen(e, item.origin);
    // A run a reset removed is over, with no exit to infer (the kubelet killed and removed it).
    if (e.type === 'ContainerRemoved') open.delete(containerKeyOf(e));
    if (!isInstanceEvent(e) || item.instance === undefined) {
      out.push(item);
      continue;
    }
    const instance = item.instance;
    const containerID = e.containerID !== '' ? e.containerID : (ids.get(runKey(e, instance)) ?? standInId(e.pod.uid, e.container, instance));
    // A new record of a run the journal holds under a stand-in names it, so the fold reads the two as one run.
    const standIn = item.origin === 'journal' || isStandInId(containerID) ? undefined : standIns.get(runKey(e, instance));
    const key = containerKeyOf(e);
    if ((open.get(key)?.instance ?? instance) < instance) closeUnseen(e, item.origin);
    if (e.type === 'ContainerStarted') open.set(key, { instance, containerID });
    if (e.type === 'ContainerExited' && open.get(key)?.instance === instance) open.delete(key);
    out.push(containerID === e.containerID && standIn === undefined ? item : { ...item, event: { ...e, containerID, ...(standIn !== undefined && { standIn }) } });
  }
  return out;
};

/** The journal's events as merge records: each container's runs numbered by the order their ids appear. */
export const numberRuns = (known: readonly Event[]): Imported[] => {
  const runs = new Map<string, Map<string, number>>();
  return known.map((event): Imported => {
    if (!isInstanceEvent(event)) return { event, origin: 'journal', certainty: 'exact' };
    const ids = runs.get(containerKeyOf(event)) ?? new Map<string, number>();
    runs.set(containerKeyOf(event), ids);
    const instance = ids.get(event.containerID) ?? ids.size;
    ids.set(event.containerID, instance);
    return { event, origin: 'journal', certainty: 'exact', instance };
  });
};
