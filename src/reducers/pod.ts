/**
 * `reducePod`: one pod's fold, composing the API, node and container concerns and then regenerating the
 * status the kubelet would write. Pure and total: contradictory events degrade as README.md lists.
 */
import type { Instant } from '../k8s/codecs.js';
import type { Container, PodCondition, ResourceRequirements, V1Pod } from '../k8s/pod.js';
import { leftOut, observationTypes, supersededKey, supersededKeyOf, type CapturedCondition, type Event, type PodEvent } from '../events/index.js';
import { createdPod, reduceApi } from './api.js';
import { initialContainerView, reduceContainer, type ContainerEvent } from './containers.js';
import { reduceKubelet } from './kubelet.js';
import { withEntry, withFields } from './records.js';
import { roleOf } from './restart.js';
import type { PodState } from './state.js';
import { containerView, sameContainerID } from './container-view.js';
import { kubeletView, type KubeletView, type ImportProvenance } from './kubelet-view.js';
import { kubeletStatus, podIsTerminal, podLevelResourcesSettled, statusFactsChanged, statusInputsChanged, terminalHeldBack, type StatusWriter } from './status.js';
import { FoldedPod, baseOf, generatedFrom, podState, withStatusesFrom } from './folded-pod.js';
import { apiTime } from './time.js';
import { podWith } from './pod-object.js';
import { sharedCondition } from './shared-values.js';
import { isTerminalPhase } from '../k8s/phase.js';
import { withoutObservedGenerations, writes } from './unwritten-fields.js';
import { sameRequirements } from './pod-level-resources.js';
import { withNominatedNode } from './nominated-node.js';

/** The kubelet writes the pod's status: it admitted the pod, did not reject it, and its node is reachable. */
const kubeletWrites = (k: KubeletView): boolean => k.admitted && k.rejected === undefined && !k.nodeLost;

/** The spec container named `name` (a loop, not `find` with a closure: every container event asks it). */
const named = (containers: readonly Container[] | undefined, name: string): Container | undefined => {
  if (containers !== undefined) for (const c of containers) if (c.name === name) return c;
  return undefined;
};

/**
 * A container event: the pod's object stays, only the kubelet's view moves. The next state is built once,
 * from the new view, with its status regenerated if the view changed what it shows (`afterView`).
 */
const container = (s: PodState, e: ContainerEvent): PodState => {
  if (s.kubelet.rejected !== undefined) return s; // a rejected pod runs nothing
  const spec = baseOf(s).spec;
  const init = named(spec.initContainers, e.container);
  const regular = init ?? named(spec.containers, e.container);
  const ephemeral = regular === undefined ? named(spec.ephemeralContainers, e.container) : undefined;
  const c = regular ?? ephemeral;
  if (c === undefined) return s; // not a container of this pod
  const role = roleOf(c, init !== undefined ? 'init' : ephemeral !== undefined ? 'ephemeral' : 'regular');
  const before = s.kubelet.containers[e.container] ?? initialContainerView;
  const after = reduceContainer(before, e, { spec: c, role, podSpec: spec, ...(e.type === 'ContainerRemoved' && { shownTerminated: shownTerminated(s.kubelet, e.container) }) });
  if (after === before) return s;
  // Only a start in the current sandbox counts (an instance left over from an older sandbox does not).
  const startedRegular = role === 'regular' && after.current?.kind === 'running' && (before.current?.kind !== 'running' || after.instances !== before.instances);
  const containers = withEntry(s.kubelet.containers, e.container, after);
  const kubelet = kubeletView(s.kubelet, {
    admitted: true,
    podHasInitialized: e.type === 'ContainerRemoved' ? regularListed(spec.containers, containers) : s.kubelet.podHasInitialized || startedRegular,
    containers,
  });
  // a kubelet that writes at once (no syncs) always does here: the event admitted the pod if nothing had
  if (kubelet.syncs || !kubeletWrites(kubelet)) return settled(s, podState(s, baseOf(s), kubelet), e);
  return afterView(s, undefined, baseOf(s), kubelet, e.at);
};

/**
 * The status the API shows for the container is `terminated`: the published one when the kubelet publishes at
 * syncs, else the one it wrote after the last event (`convertToAPIContainerStatuses` copies that old status).
 */
const shownTerminated = (k: KubeletView, name: string): boolean => ((k.syncs ? k.published : k) ?? k).containers[name]?.current?.kind === 'terminated';

/**
 * `HasAnyActiveRegularContainerStarted` once the kubelet removed containers (`RestartAllContainers`): the runtime
 * still lists a regular container's instance.
 */
const regularListed = (containers: readonly Container[], views: KubeletView['containers']): boolean => containers.some((c) => views[c.name]?.current !== undefined);

/**
 * Whether some kubelet can hold the pod: it is bound, or a kubelet admitted it (an importer may not know
 * which node). Node-side events about any other pod are ignored: an unbound pod is Pending, nothing runs.
 */
const onSomeNode = (s: PodState): boolean => baseOf(s).spec.nodeName !== undefined || s.kubelet.admitted;

/**
 * Routes the event to its concern, then regenerates the status if the kubelet writes it (`settled`); the same
 * state object when the event changes nothing.
 */
const apply = (s: PodState, e: PodEvent): PodState => {
  switch (e.type) {
    case 'PodCreated':
    case 'PodMetadataUpdated':
    case 'PodEphemeralContainersUpdated':
    case 'PodDeletionRequested':
    case 'PodWriteRejected':
    case 'PodConditionSet':
    case 'PodBound':
    case 'PodUnschedulable':
      return settled(s, reduceApi(s, e), e);
    case 'PodAdmitted':
    case 'PodRejected':
    case 'PodNodeLost':
      return s.kubelet.nodeLost && e.type !== 'PodNodeLost' ? s : settled(s, reduceKubelet(s, e), e);
    case 'SandboxCreated':
    case 'PodIPAssigned':
    case 'PodEvicted':
    case 'PodDeadlineExceeded':
      return s.kubelet.nodeLost || !onSomeNode(s) ? s : settled(s, reduceKubelet(s, e), e);
    case 'ImagePulling':
    case 'ImagePulled':
    case 'ImagePullFailed':
    case 'ImagePullBackOff':
    case 'ContainerCreated':
    case 'ContainerStarted':
    case 'ContainerStartFailed':
    case 'ContainerWaiting':
    case 'PostStartHookFailed':
    case 'PostStartHookSucceeded':
    case 'ContainerExited':
    case 'ContainerRemoved':
    case 'ContainerUsageSampled':
    case 'ContainerKilling':
    case 'ContainerBackOff':
    case 'ProbeExecuted':
    case 'ProbeResultChanged':
      return s.kubelet.nodeLost || !onSomeNode(s) ? s : container(s, e);
    case 'PodSynced': {
      // from now on the kubelet's status shows what its syncs publish; a kubelet that syncs is reachable again
      const terminatingSynced = s.kubelet.terminatingSynced ?? (podIsTerminal(baseOf(s), s.kubelet) ? true : undefined);
      const kubelet = kubeletView(s.kubelet, { syncs: true, nodeLost: false, terminatingSynced });
      return e.terminated === true && s.kubelet.rejected !== undefined ? rejectedTerminated(s, kubelet, e.at) : settled(s, podState(s, baseOf(s), kubelet), e);
    }
    case 'PodRemoved':
    case 'PodObserved':
    case 'RecordsSuperseded':
    case 'PodKillTimedOut':
      return s; // handled by reducePod (an observation, skipped)
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
};

/**
 * `SyncTerminatedPod` of a pod its kubelet rejected (deleted before it first saw it: housekeeping's `UpdatePod`, whose
 * first work this is): `generateAPIPodStatus` over the status `rejectPod` cached (nothing ran: every container waiting;
 * the phase stays Failed with its reason and message, so the conditions are generated from Failed), then `TerminatePod`
 * marks the containers. The last status before the kubelet's delete (`status_manager.go :: canBeDeleted`). The node's
 * IP that status also carries is not in the journal (a rejection records none).
 */
const rejectedTerminated = (s: PodState, kubelet: KubeletView, at: Instant): PodState =>
  regenerated(baseOf(s), kubelet, kubeletView(kubelet, { published: kubelet }), apiTime(at), 'sync-terminated');

/** One pod's next state; `undefined` when there is no such pod (never created, or removed). */
export const reducePod = (state: PodState | undefined, event: PodEvent): PodState | undefined => {
  if (state === undefined) return event.type === 'PodCreated' ? changedBy(createdPod(event), event) : undefined;
  if (observationTypes.has(event.type)) return state;
  if (event.type === 'PodRemoved') return undefined;
  if (event.type === 'PodObserved') return observed(state, event);
  if (event.type === 'RecordsSuperseded') return superseding(state, event.records.filter(leftOut).map(supersededKey));
  const pending = state.kubelet.provenance?.superseded;
  const key = pending === undefined ? undefined : supersededKeyOf(event);
  if (key !== undefined && pending?.includes(key) === true) return superseding(state, [], key);
  const next = apply(state, event);
  return next === state ? next : changedBy(next, event);
};

/**
 * A capture of the pod's object: its provenance, the condition types its kubelet publishes and the optional
 * status fields it did not write, when the capture tells them (another set than before regenerates the status
 * without the others, at the capture's instant), and the transition times it shows for conditions the fold agrees on.
 */
const observed = (s: PodState, e: Extract<PodEvent, { type: 'PodObserved' }>): PodState => {
  const types = e.conditionTypes;
  const typesMoved = types !== undefined && (s.kubelet.conditionTypes === undefined || !sameTypes(s.kubelet.conditionTypes, types));
  const fields = e.unwrittenFields;
  const fieldsMoved = fields !== undefined && !sameTypes(s.kubelet.unwrittenFields ?? [], fields);
  const published: Partial<KubeletView> = {
    ...(typesMoved && { conditionTypes: types }),
    ...(fieldsMoved && { unwrittenFields: fields.length === 0 ? undefined : fields }),
  };
  const shown = typesMoved || fieldsMoved ? withPublished(s, published, e.at) : s;
  const captured = withCapturedResources(withoutLastStates(withCapturedTimes(shown, e.conditions ?? []), e.withoutLastState ?? [], e.at), e.resources);
  // a capture that states no version (a kubelet's `/pods`) leaves the one the API server's showed
  const generationShown = withCapturedGeneration(captured, e.observedGeneration);
  const next = withNomination(e.resourceVersion === undefined ? generationShown : withVersion(generationShown, e.resourceVersion), e.nominatedNodeName);
  const { provenance } = next.kubelet;
  return withProvenance(next, { ...provenance, capturedAt: latestInstant(provenance?.capturedAt, e.at) });
};

/**
 * Records a later import superseded (`RecordsSuperseded`, stamped before them): the pod waits for them, `keys` more, and
 * passes over each (`met`) as if it were not there. An import's better records of the same facts come beside them.
 */
const superseding = (s: PodState, keys: readonly string[], met?: string): PodState => {
  const { superseded = [], ...rest } = s.kubelet.provenance ?? {};
  const waiting = [...superseded.filter((k) => k !== met), ...keys];
  return withProvenance(s, waiting.length === 0 ? rest : { ...rest, superseded: waiting });
};

/** `s` whose kubelet publishes as `patch` says (its condition types, its unwritten fields), its status (the published one, if it syncs) regenerated at `at`. */
const withPublished = (s: PodState, patch: Partial<KubeletView>, at: Instant): PodState => {
  const { published } = s.kubelet;
  const kubelet = kubeletView(s.kubelet, { ...patch, published: published === undefined ? undefined : kubeletView(published, patch) });
  const shown = kubelet.syncs ? kubelet.published : kubelet;
  const base = baseOf(s);
  return shown === undefined || !kubeletWrites(kubelet) ? podState(s, withSchedulerFields(base, kubelet), kubelet) : regenerated(base, shown, kubelet, apiTime(at), 'event');
};

/** A pod the kubelet does not write: its conditions (the scheduler's) without an `observedGeneration` that the view says is not written. */
const withSchedulerFields = (base: V1Pod, kubelet: KubeletView): V1Pod => {
  const conditions = base.status?.conditions;
  if (conditions === undefined || writes(kubelet, 'conditions[].observedGeneration')) return base;
  const written = withoutObservedGenerations(conditions);
  return written === conditions ? base : podWith(base, base.metadata, base.spec, withFields(base.status ?? {}, { conditions: [...written] }));
};

/** A captured reason or message: `''` is none; absent, not captured (an event imported before they were kept). */
const capturedText = (shown: string | undefined, folded: string | undefined): string | undefined =>
  shown === undefined ? folded : shown === '' ? undefined : shown;

/**
 * `s` whose conditions carry the transition times, reasons and messages a capture shows for the same type and
 * status. The kubelet stamps a transition when it generates the status that changes it (`status/generate.go`,
 * `kubelet_pods.go :: generateAPIPodStatus` keeping an unchanged condition's time), often a sync after the fact
 * the fold places it at (a start, an exit), and an older kubelet words some conditions otherwise (before the fix of
 * issues.k8s.io/108594 a failed pod's ContainersReady and Ready read `ContainersNotReady` and the unready list,
 * not `PodFailed`):
 * the capture is what the cluster showed, and later statuses keep its time while the status is unchanged.
 */
const withCapturedTimes = (s: PodState, captured: readonly CapturedCondition[]): PodState => {
  const base = baseOf(s);
  const conditions = base.status?.conditions;
  if (captured.length === 0 || conditions === undefined) return s;
  let moved = false;
  const timed = conditions.map((c) => {
    const shown = captured.find((x) => x.type === c.type && x.status === c.status);
    if (shown === undefined) return c;
    const time = apiTime(shown.lastTransitionTime) ?? c.lastTransitionTime;
    const reason = capturedText(shown.reason, c.reason);
    const message = capturedText(shown.message, c.message);
    if (time === c.lastTransitionTime && reason === c.reason && message === c.message) return c;
    moved = true;
    return sharedCondition(c.type, c.status, time, c.observedGeneration, reason, message);
  });
  const next = inCapturedOrder(timed, captured);
  return moved || next !== timed ? podState(s, podWith(base, base.metadata, base.spec, withFields(base.status ?? {}, { conditions: next })), s.kubelet) : s;
};

/**
 * `s` whose status shows the pod-level `resources` a capture shows (`pod-level-resources.ts`): whether a running pod's
 * were read from its cgroup depends on which of the kubelet's syncs wrote the status, which the capture alone tells.
 * The kubelet's next status reads them again by its rule.
 */
const withCapturedResources = (s: PodState, captured: ResourceRequirements | undefined): PodState => {
  const base = baseOf(s);
  const status = base.status;
  if (captured === undefined || status?.resources === undefined || sameRequirements(status.resources, captured)) return s;
  return podState(s, podWith(base, base.metadata, base.spec, withFields(status, { resources: captured })), s.kubelet);
};

/** `s` whose status nominates the node a capture shows, or none when it shows none. */
const withNomination = (s: PodState, node: string | undefined): PodState => {
  const base = baseOf(s);
  const status = base.status ?? {};
  const nominated = withNominatedNode(status, node);
  return nominated === status ? s : podState(s, podWith(base, base.metadata, base.spec, nominated), s.kubelet);
};

/**
 * `s` whose object shows `version` as its `metadata.resourceVersion`, or none: a capture's is the version the API
 * server served (until the pod next changes: a write whose version the import does not know).
 */
const withVersion = (s: PodState, version: string | undefined): PodState => {
  const base = baseOf(s);
  if (base.metadata.resourceVersion === version) return s;
  const { resourceVersion: _was, ...metadata } = base.metadata;
  return podState(s, podWith(base, version === undefined ? metadata : { ...metadata, resourceVersion: version }, base.spec, base.status), s.kubelet);
};

/**
 * `s` whose status and conditions show the `observedGeneration` a capture shows, or, without one, the generation
 * observed. A graceful deletion bumps the generation (`registry/rest/delete.go :: BeforeDelete`) in a write of the API
 * server, which keeps the status the kubelet last wrote: the deletion's own object shows the older generation observed
 * on the status and every condition (`status_manager.go :: syncPod` writes the newer one with the kubelet's next status,
 * `kubelet_pods.go :: generateAPIPodStatus`); the fold's status, regenerated at the deletion, shows the newer.
 * A status written without one (an older kubelet) stays without.
 */
const withCapturedGeneration = (s: PodState, captured: number | undefined): PodState => {
  const base = baseOf(s);
  const status = base.status;
  const shown = captured ?? base.metadata.generation;
  if (status?.observedGeneration === undefined || shown === undefined || status.observedGeneration === shown) return s;
  const conditions = status.conditions?.map((c) => (c.observedGeneration === undefined ? c : { ...c, observedGeneration: shown }));
  return podState(s, podWith(base, base.metadata, base.spec, withFields(status, { observedGeneration: shown, ...(conditions !== undefined && { conditions }) })), s.kubelet);
};

/**
 * The conditions in the order the capture shows them (`kubectl describe` and `-o yaml` print the list as stored):
 * the types both hold take the capture's order among the places they fill, the others keep theirs. Orders differ
 * across versions (PodReadyToStartContainers first since v1.29) and writers; the kubelet's next status follows its
 * own order again (`status_manager.go :: mergePodStatus`, the patch's `$setElementOrder`). Unchanged: the same array.
 */
const inCapturedOrder = (conditions: PodCondition[], captured: readonly CapturedCondition[]): PodCondition[] => {
  const rank = (c: PodCondition): number => captured.findIndex((x) => x.type === c.type);
  const shown = conditions.filter((c) => rank(c) >= 0);
  const sorted = [...shown].sort((a, b) => rank(a) - rank(b));
  if (sorted.every((c, i) => c === shown[i])) return conditions;
  let k = 0;
  return conditions.map((c) => (rank(c) >= 0 ? (sorted[k++] ?? c) : c));
};

/**
 * `s` without the last termination of the containers a capture shows restarted with none: the runtime no longer
 * lists the earlier instance, so the kubelet's status shows no `lastState` (`kubelet_pods.go ::
 * convertToAPIContainerStatuses` takes it from the runtime's list only) until the next exit. The earlier run's
 * end the import placed stays in the history. Imported journals only (`PodObserved`): their kubelet writes at once.
 */
const withoutLastStates = (s: PodState, names: readonly string[], at: Instant): PodState => {
  let containers = s.kubelet.containers;
  for (const name of names) {
    const v = containers[name];
    if (v?.previous !== undefined) containers = withEntry(containers, name, containerView(v, { previous: undefined }));
  }
  if (containers === s.kubelet.containers) return s;
  const kubelet = kubeletView(s.kubelet, { containers });
  return kubelet.syncs || !kubeletWrites(kubelet) ? podState(s, baseOf(s), kubelet) : afterView(s, undefined, baseOf(s), kubelet, at);
};

const sameTypes = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * `s` with a new view that only changes its provenance: the container statuses stay, and when they were
 * generated from the view itself, they are from the new one (which shows the same).
 */
const withProvenance = (s: PodState, provenance: ImportProvenance): PodState => {
  const was = s.kubelet.provenance;
  if (was !== undefined && was.capturedAt === provenance.capturedAt && was.changeAt === provenance.changeAt && was.runAt === provenance.runAt && was.superseded === provenance.superseded) return s;
  const kubelet = kubeletView(s.kubelet, { provenance });
  const base = baseOf(s);
  return (generatedFrom(s)?.view === s.kubelet ? withStatusesFrom(s, base, kubelet, kubelet) : undefined) ?? podState(s, base, kubelet);
};

/** Run facts: RESTARTS and its "(Xm ago)" count each run, so they rest on every one since the capture. */
const runFacts: ReadonlySet<PodEvent['type']> = new Set(['ContainerStarted', 'ContainerExited']);

/**
 * A pod `event` changed: whether the importer inferred that change. A recorded change supersedes an inferred
 * one, but not an inferred run, which the restart count still counts. A container's creation counts as
 * recorded: an object states a run's start (or end), never its creation, so the import places it there,
 * inferred in time only, and the start or exit placed with it says whether the run itself was recorded (else
 * `get pods -w`, which prints the row between the two, would note a row the capture showed). Journals without
 * inferred facts (the engine's, the generator's) pay the comparison of `from.inferred` and of an absent provenance.
 */
const changedBy = (changed: PodState, event: PodEvent): PodState => {
  // a capture sees every fact of its instant (a later import's fact of it is stored after it): its version stands
  const next = changed.kubelet.provenance?.capturedAt === event.at ? changed : withVersion(changed, undefined);
  const was = next.kubelet.provenance;
  if (event.from?.inferred !== true || event.type === 'ContainerCreated') return was?.changeAt === undefined ? next : withProvenance(next, { ...was, changeAt: undefined });
  return withProvenance(next, { ...was, changeAt: event.at, ...(runFacts.has(event.type) && { runAt: event.at }) });
};

const since = (at: Instant | undefined, capturedAt: Instant | undefined): boolean => at !== undefined && (capturedAt === undefined || at > capturedAt);

/**
 * Whether the pod's state rests on a fact the importer inferred after the last capture of its object: the
 * source showed the pod only at other instants (a run a restart count implies, its back-off). At a capture, and
 * after it until a change it did not record, the state is what the cluster showed; a restart count that counts
 * a run placed after the capture rests on it until the next capture.
 */
export const restsOnInferred = (s: PodState): boolean => {
  const p = s.kubelet.provenance;
  return p !== undefined && (since(p.changeAt, p.capturedAt) || since(p.runAt, p.capturedAt));
};

const latestInstant = (a: Instant | undefined, b: Instant): Instant => (a !== undefined && a > b ? a : b);

/** `next`, the state a concern made of `state`, with the status the kubelet writes after `event`. */
const settled = (state: PodState, next: PodState, event: PodEvent): PodState => {
  if (next === state || !kubeletWrites(next.kubelet)) return next;
  if (next.kubelet.syncs) return published(state, next, event);
  return afterView(state, next, baseOf(next), next.kubelet, event.at);
};

/**
 * The state after `state` with the object `base` and the view `kubelet` (already built as `next`, or not),
 * its status regenerated at `at` if it may show something else. The status is regenerated only when what it
 * is made of may have changed: most container events change only what the container statuses show (built
 * when the pod is read), the status stays, and the statuses are then generated from the new view.
 */
const afterView = (state: PodState, next: PodState | undefined, base: V1Pod, kubelet: KubeletView, at: Instant): PodState => {
  // the pod-level resources change once the status before showed the pod Running, whatever the event
  if (base === baseOf(state) && podLevelResourcesSettled(base, kubelet)) {
    if (!statusInputsChanged(state.kubelet, kubelet)) return next ?? podState(state, base, kubelet);
    if (!statusFactsChanged(base, state.kubelet, kubelet)) {
      const moved = withStatusesFrom(next ?? state, base, kubelet, kubelet);
      if (moved !== undefined) return moved;
    }
  }
  return regenerated(base, kubelet, kubelet, apiTime(at), 'event');
};

/** The state of `base` with the status `writer` generates from `view` at `now`, and `kubelet` as its view. */
const regenerated = (base: V1Pod, view: KubeletView, kubelet: KubeletView, now: string, writer: StatusWriter): PodState => {
  const generated = kubeletStatus(base, view, now, writer);
  const { status } = generated;
  const pod = status === base.status ? base : podWith(base, base.metadata, base.spec, status);
  return new FoldedPod(pod, shownAs(kubelet, view, generated.view), generated);
};

/**
 * The kubelet view once its status generated `view` as `shown` (removed containers no longer waiting
 * `RestartingAllContainers`: `restart-all.ts`), so that the statuses later built from it show the same.
 */
const shownAs = (kubelet: KubeletView, view: KubeletView, shown: KubeletView): KubeletView => {
  if (shown === view) return kubelet;
  if (kubelet === view) return shown;
  return kubelet.published === view ? kubeletView(kubelet, { published: shown }) : kubelet;
};

/**
 * A pod whose kubelet publishes at syncs: its status is generated only at a `PodSynced` (from everything the
 * kubelet knows then), or at a probe result, which the status manager writes into the published status at
 * once (`SetContainerReadiness`, `SetContainerStartup`) without anything else the kubelet learnt since.
 */
const published = (state: PodState, next: PodState, event: PodEvent): PodState => {
  const shown = state.kubelet.published ?? state.kubelet;
  const source = event.type === 'PodSynced' ? next.kubelet : event.type === 'ProbeResultChanged' ? withProbes(shown, next.kubelet, event.container) : undefined;
  if (source === undefined || writesNoMore(state)) return next;
  const view = kubeletView(source, { syncs: true, published: undefined });
  const base = baseOf(next);
  // A sync after a deletion generates the terminal status even when the kubelet learnt nothing new, and so does the
  // one after a status whose terminal phase mergePodStatus held back (`beforeKill`: an eviction's first terminating
  // status, a finished pod's SyncPod status), and SyncTerminatedPod's TerminatePod (`terminated`).
  const over = base.metadata.deletionTimestamp !== undefined || view.evicted !== undefined;
  const terminating = event.type === 'PodSynced' && ((over && !isTerminalPhase(base.status?.phase)) || terminalHeldBack(base.status) || event.terminated === true);
  // a kubelet back from a lost node writes its whole status over the controller's marking; a readiness gate's
  // condition, set by a controller since the last status, changes the Ready this sync generates (`GeneratePodReadyCondition`)
  const gated = (base.spec.readinessGates ?? []).length > 0;
  const unchanged = base === baseOf(state) && !terminating && !gated && !state.kubelet.nodeLost && !statusInputsChanged(shown, view) && podLevelResourcesSettled(base, view);
  const kubelet = kubeletView(next.kubelet, { published: view });
  return unchanged ? podState(next, base, kubelet) : regenerated(base, view, kubelet, apiTime(event.at), writerOf(state, event));
};

/**
 * The kubelet publishes at syncs and its last status was `SyncTerminatedPod`'s `TerminatePod` (its marks applied): it
 * writes the pod's status no more (kubelet.go :: SyncTerminatedPod, "Pod is terminated and will need no more status
 * updates"). Its pod worker is finished, so `pod_workers.go :: UpdatePod` starts no other sync of that uid, and
 * `SyncTerminatingPod`'s `probeManager.RemovePod` left no probe worker to call `SetContainerReadiness` or
 * `SetContainerStartup`: a later `PodSynced` or probe result leaves the status as TerminatePod wrote it (its
 * conditions those `generateAPIPodStatus` gave before it set Failed: `ContainersNotReady` for a pod that never ran).
 */
export const writesNoMore = (state: PodState): boolean => state.kubelet.syncs && state instanceof FoldedPod && state.terminatePodMarked;

/**
 * Who writes the status a `PodSynced` or a probe result publishes (`published`) on `state`. A pod's first `PodSynced`
 * with no `sync` number is an import's: a deleted pod's object showing a terminal phase, the publication of the
 * kubelet's `SyncTerminatedPod` (`importers/pod-differ.ts`). The engine's syncs are numbered and publish a pod from its
 * first, which for a pod deleted before it is `SyncTerminatingPod`'s status (still Pending), not TerminatePod's.
 */
export const writerOf = (state: PodState, event: Event): StatusWriter => {
  if (event.type !== 'PodSynced') return 'probe';
  if (event.beforeKill === true) return 'sync-before-kill';
  return event.terminated === true || (!state.kubelet.syncs && event.sync === undefined) ? 'sync-terminated' : 'sync';
};

/** The published view with one container's probe results as the kubelet now knows them, if it is still the same instance. */
const withProbes = (shown: KubeletView, live: KubeletView, name: string): KubeletView => {
  const was = shown.containers[name];
  const now = live.containers[name];
  if (was === undefined || now === undefined || !sameContainerID(was, now) || was.instances !== now.instances) return shown;
  return kubeletView(shown, { containers: withEntry(shown.containers, name, containerView(was, { probes: now.probes })) });
};
