/**
 * The API-server concern: writes that users, the scheduler and controllers make to the pod object
 * (creation, metadata, deletion, binding, scheduling failures, conditions the kubelet does not own).
 */
import { isInferred, type EventOf } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import type { PodCondition, PodSpec, PodStatus, QOSClass, V1Pod } from '../k8s/pod.js';
import { qosClassOf } from '../k8s/qos.js';
import { conditionOf, settle, type ConditionDraft } from './conditions.js';
import { isKubeletOwned } from '../k8s/pod-conditions.js';
import { kubeletView, type KubeletView } from './kubelet-view.js';
import type { PodState } from './state.js';
import { apiTime, apiTimePlus } from './time.js';
import { gracefulDeleteGrace } from './grace.js';
import { boundSpec, sharedSpec, withSharedParts } from './shared-values.js';
import { baseOf, podState } from './folded-pod.js';
import { podWith } from './pod-object.js';
import { withFields } from './records.js';
import { withNominatedNode } from './nominated-node.js';
import { ephemeralContainersUpdated } from './ephemeral-containers.js';
import { isKnownOnlyFromEvents } from '../k8s/inferred-annotation.js';
import { listedByKubelet } from '../k8s/static-pods.js';
import { conditionGeneration } from './unwritten-fields.js';

export type ApiEvent = EventOf<
  'PodCreated' | 'PodMetadataUpdated' | 'PodEphemeralContainersUpdated' | 'PodDeletionRequested' | 'PodWriteRejected' | 'PodConditionSet' | 'PodBound' | 'PodUnschedulable'
>;

export const initialKubeletView = (node: string | undefined): KubeletView =>
  kubeletView({ node, admitted: false, sandboxReady: false, podHasInitialized: false, nodeLost: false, containers: {}, syncs: false });

/** Replaces (or appends) one condition, its `lastTransitionTime` moving only on a status flip. */
export const upsertCondition = (status: PodStatus, d: ConditionDraft, at: Instant, generation?: number): PodStatus => {
  const conditions = status.conditions ?? [];
  const next = settle(d, conditionOf(conditions, d.type), apiTime(at), generation);
  const i = conditions.findIndex((c) => c.type === d.type);
  if (i >= 0 && conditions[i] === next) return status;
  const updated: PodCondition[] = i >= 0 ? conditions.map((c, j) => (j === i ? next : c)) : [...conditions, next];
  return withFields(status, { conditions: updated });
};

// The QoS class depends on the spec alone: computed once per shared spec.
const qosBySpec = new WeakMap<PodSpec, QOSClass>();
const specQos = (spec: PodSpec): QOSClass => {
  const known = qosBySpec.get(spec);
  if (known !== undefined) return known;
  const qos = qosClassOf({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec });
  qosBySpec.set(spec, qos);
  return qos;
};

/** The pod as the API server stores it at creation: defaults from the manifest, phase Pending, its QoS class. */
/**
 * The object's `creationTimestamp`: the event's instant, unless the importer placed the creation earlier than
 * the object says (inferred): a static pod's mirror object is written after the kubelet ran the pod
 * (kubelet pod/mirror_client.go :: CreateMirrorPod), and kubectl's AGE reads the object's own creation. An
 * object that states none (a kubelet's own `/pods` lists a static pod, which has no API object, with a zero
 * time) keeps none when its creation was placed: kubectl's AGE reads `<unknown>` (printers.go ::
 * translateTimestampSince). `apply`'s events are never inferred, so its `creationTimestamp: null` is stamped.
 */
const creationTimestampOf = (e: EventOf<'PodCreated'>): string | null => {
  const stated = e.manifest.metadata.creationTimestamp;
  if (stated === null && isInferred(e)) return null;
  const ms = typeof stated === 'string' ? Date.parse(stated) : NaN;
  return isInferred(e) && ms > Date.parse(e.at) ? apiTimePlus(e.at, (ms - Date.parse(e.at)) / 1000) : apiTime(e.at);
};

export const createdPod = (e: EventOf<'PodCreated'>): PodState => {
  const { manifest } = e;
  const { generation: stated, ...own } = manifest.metadata;
  const metadata = withSharedParts({
    ...own,
    name: e.pod.name,
    namespace: e.pod.namespace,
    uid: e.pod.uid,
    // The pod registry's `PrepareForCreate` starts every pod at generation 1 (an imported pod keeps its own); an
    // imported object an API server before v1.33 wrote states none (0, which the API leaves out).
    ...(stated !== 0 && { generation: stated ?? 1 }),
    creationTimestamp: creationTimestampOf(e),
  });
  const spec = sharedSpec(manifest.spec);
  // An imported object's class is the one its API server computed at its creation (`importers/pod-differ.ts :: manifestOf`).
  let status: PodStatus = { phase: 'Pending', qosClass: manifest.status?.qosClass ?? specQos(spec) };
  if ((manifest.spec.schedulingGates?.length ?? 0) > 0) {
    const gated: ConditionDraft = {
      type: 'PodScheduled',
      status: 'False',
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
    };
    status = upsertCondition(status, gated, e.at, e.unwrittenFields?.includes('conditions[].observedGeneration') === true ? undefined : metadata.generation);
  }
  const pod: V1Pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec, status };
  const kubelet = initialKubeletView(manifest.spec.nodeName);
  // An imported object's kubelet and scheduler, which did not write these fields, wrote its statuses from the start.
  return { pod, kubelet: e.unwrittenFields === undefined || e.unwrittenFields.length === 0 ? kubelet : kubeletView(kubelet, { unwrittenFields: e.unwrittenFields }) };
};

const withMetadata = (s: PodState, metadata: V1Pod['metadata']): PodState => {
  const pod = baseOf(s);
  return podState(s, podWith(pod, metadata, pod.spec, pod.status), s.kubelet);
};
const withStatus = (s: PodState, status: PodStatus): PodState => {
  const pod = baseOf(s);
  return status === pod.status ? s : podState(s, podWith(pod, pod.metadata, pod.spec, status), s.kubelet);
};

/**
 * Whether `manifest`, the API server's object, replaces the held pod `pod`'s metadata and spec: `pod` is one its
 * Events implied (imported before its object: `importers/events-only-pods.ts`), or a kubelet's own copy from its
 * `/pods` (imported before the API server's objects: its `kubernetes.io/config.seen` and `config.source`
 * annotations are the kubelet's, `pkg/kubelet/config/config.go :: podStorage.merge`, never the API server's).
 */
const replacedByObject = (pod: V1Pod, manifest: EventOf<'PodCreated'>['manifest']): boolean =>
  (isKnownOnlyFromEvents(pod) && !isKnownOnlyFromEvents(manifest)) ||
  (listedByKubelet(pod.metadata.annotations) && !listedByKubelet(manifest.metadata.annotations) && !isKnownOnlyFromEvents(manifest));

/**
 * A pod a source other than the API server gave (its Events, a kubelet's `/pods`) meeting the API server's object's
 * creation (same uid, an Event's `involvedObject.uid`): the object's metadata and spec replace the held ones; what
 * the journal folded since (binding, deletion, status) stays. Any other second creation changes nothing.
 */
const objectOverInferred = (s: PodState, e: EventOf<'PodCreated'>): PodState => {
  const pod = baseOf(s);
  if (!replacedByObject(pod, e.manifest)) return s;
  const created = baseOf(createdPod(e));
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  const metadata = deletionTimestamp === undefined ? created.metadata : withFields(created.metadata, { deletionTimestamp, deletionGracePeriodSeconds });
  const spec = pod.spec.nodeName === undefined ? created.spec : boundSpec(created.spec, pod.spec.nodeName);
  return podState(s, podWith(pod, metadata, spec, withFields(pod.status ?? {}, { qosClass: created.status?.qosClass })), s.kubelet);
};

/** A later request may only bring the deletion timestamp forward. */
const deletionRequested = (s: PodState, e: EventOf<'PodDeletionRequested'>): PodState => {
  const pod = baseOf(s);
  const grace = gracefulDeleteGrace(pod, e.gracePeriodSeconds);
  const deletionTimestamp = apiTimePlus(e.at, grace);
  const existing = pod.metadata.deletionTimestamp;
  if (existing !== undefined && existing <= deletionTimestamp) return s;
  // v1.36 writes no `NodeLost` reason for a pod on an unreachable node (the old `SetPodTerminationReason` is gone).
  // The first graceful deletion bumps the generation (apiserver registry/rest/delete.go :: BeforeDelete): the
  // kubelet's next status shows it observed (status and conditions' `observedGeneration`).
  const generation = existing === undefined && (pod.metadata.generation ?? 0) > 0 ? (pod.metadata.generation ?? 0) + 1 : pod.metadata.generation;
  return withMetadata(s, withFields(pod.metadata, { generation, deletionTimestamp, deletionGracePeriodSeconds: grace }));
};

const bound = (s: PodState, e: EventOf<'PodBound'>): PodState => {
  const pod = baseOf(s);
  if (pod.spec.nodeName !== undefined) return s; // a binding is final: a second one is refused
  // the binding clears the scheduler's nomination (storage.go :: setPodNodeAndMetadata, v1.35+)
  const status = withNominatedNode(upsertCondition(pod.status ?? {}, { type: 'PodScheduled', status: 'True' }, e.at, conditionGeneration(s.kubelet, pod)), undefined);
  return podState(s, podWith(pod, pod.metadata, boundSpec(pod.spec, e.node), status), kubeletView(s.kubelet, { node: e.node }));
};

export const reduceApi = (s: PodState, e: ApiEvent): PodState => {
  switch (e.type) {
    case 'PodCreated':
      // the uid exists already: a second creation is refused, but for an imported object's over its Events' stand-in
      // or over a kubelet's own copy
      return objectOverInferred(s, e);
    case 'PodMetadataUpdated': {
      // Empty maps are dropped, as the API serializes them.
      const metadata: V1Pod['metadata'] = withFields(baseOf(s).metadata, { labels: e.labels, annotations: e.annotations });
      if (Object.keys(e.labels).length === 0) delete metadata.labels;
      if (Object.keys(e.annotations).length === 0) delete metadata.annotations;
      return withMetadata(s, withSharedParts(metadata));
    }
    case 'PodEphemeralContainersUpdated':
      return ephemeralContainersUpdated(s, e);
    case 'PodDeletionRequested':
      return deletionRequested(s, e);
    case 'PodWriteRejected':
      return s;
    case 'PodConditionSet':
      if (isKubeletOwned(e.conditionType)) return s; // derived by the kubelet, never set from outside
      return withStatus(
        s,
        upsertCondition(baseOf(s).status ?? {}, { type: e.conditionType, status: e.status, reason: e.reason, message: e.message }, e.at),
      );
    case 'PodBound':
      return bound(s, e);
    case 'PodUnschedulable':
      if (baseOf(s).spec.nodeName !== undefined) return s;
      return withStatus(
        s,
        upsertCondition(
          baseOf(s).status ?? {},
          { type: 'PodScheduled', status: 'False', reason: e.reason, message: e.message },
          e.at,
          conditionGeneration(s.kubelet, baseOf(s)),
        ),
      );
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
};
