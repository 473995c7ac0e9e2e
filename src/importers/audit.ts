/**
 * audit.k8s.io Events (JSON lines or an EventList) as journal events. Only `ResponseComplete` lines of pod
 * writes (and node status) count, once per auditID, stamped with `stageTimestamp` (older API servers:
 * `requestReceivedTimestamp` or `timestamp`). Other lines are skipped on their head alone. Writes the API
 * server refused (code >= 400) become `PodWriteRejected` and change nothing. Pod objects in responses go
 * through the same differ as watch streams.
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Event, PodRef } from '../events/index.js';
import { Integer, type Instant } from '../k8s/codecs.js';
import { V1Pod } from '../k8s/pod.js';
import { AuditEvent, AuditHead, auditTimeOf } from './codecs/audit.js';
import { ObjectList } from './codecs/watch.js';
import { envelopeAt, isRecord, podRefOf } from './build.js';
import { decodeAt } from './decode.js';
import { type Converted, converted, concatConverted, ignoredOnly, type Imported } from './imported.js';
import { convertNodeStatus, type NodeTracker } from './node-status.js';
import { observePod, type PodTracker } from './pod-tracker.js';
import { withStatusPatch } from './status-patch.js';

export interface AuditState {
  readonly pods: PodTracker;
  readonly nodes: NodeTracker;
  /** Pods by `namespace/name`: subresource writes (binding, eviction) name the pod but may not carry its uid. */
  readonly refs: Map<string, PodRef>;
  readonly auditIDs: Set<string>;
}

export const newAuditState = (pods: PodTracker, nodes: NodeTracker): AuditState => ({ pods, nodes, refs: new Map(), auditIDs: new Set() });

const DeleteOptions = t.partial({ gracePeriodSeconds: Integer });
const Binding = t.type({ target: t.type({ name: t.string }) }, 'Binding');
const Eviction = t.partial({ deleteOptions: t.union([DeleteOptions, t.null]) }, 'Eviction');
const isPodObject = (u: unknown): boolean => isRecord(u) && u['kind'] === 'Pod';

/** The API default grace (`terminationGracePeriodSeconds`) when neither the request nor the pod says. */
const DEFAULT_GRACE_SECONDS = 30;

const audited = (events: readonly Event[]): Converted => converted(events.map((event): Imported => ({ event, origin: 'audit', certainty: 'exact' })));

/**
 * A status patch audited without the object (level Request, as GKE's policy logs the kubelet's): the pod the log
 * showed last with the patch applied, which is what the API server stored.
 */
const patchedStatus = (state: AuditState, a: AuditEvent): Record<string, unknown> | undefined => {
  const ref = a.verb === 'patch' ? refOf(state, a, false) : undefined;
  const known = ref === undefined ? undefined : state.pods.pods.get(ref.uid);
  if (known === undefined) return undefined;
  // A node writes only the status of pods bound to it (`plugin/pkg/admission/noderestriction/admission.go ::
  // admitPodStatus`): its write shows the binding a log without the binding line (or before it) does not.
  const writer = a.user?.username?.startsWith(NODE_USER) === true ? a.user.username.slice(NODE_USER.length) : undefined;
  return withStatusPatch(known.spec.nodeName === undefined && writer !== undefined ? boundTo(known, writer, undefined) : known, a.requestObject);
};

/**
 * The pod as a binding stores it: `spec.nodeName`, and PodScheduled True (`pkg/registry/core/pod/storage/storage.go
 * :: setPodNodeAndMetadata`), stamped with the binding's time when a line shows it, else with none.
 */
const boundTo = (pod: V1Pod, node: string, at: Instant | undefined): V1Pod => {
  const conditions = pod.status?.conditions ?? [];
  const scheduled = { type: 'PodScheduled', status: 'True' as const, ...(at !== undefined && { lastTransitionTime: at }) };
  const next = conditions.some((c) => c.type === 'PodScheduled')
    ? conditions.map((c) => (c.type === 'PodScheduled' && c.status !== 'True' ? scheduled : c))
    : [...conditions, scheduled];
  return { ...pod, spec: { ...pod.spec, nodeName: node }, status: { ...pod.status, conditions: next } };
};

const NODE_USER = 'system:node:';

const sightResponse = (state: AuditState, a: AuditEvent, at: Instant, creates: boolean): E.Either<string, Converted> => {
  const patched = isPodObject(a.responseObject) || a.objectRef?.subresource !== 'status' ? undefined : patchedStatus(state, a);
  if (patched === undefined && !isPodObject(a.responseObject)) return E.right(ignoredOnly('pod writes audited without the object (level below RequestResponse)'));
  return pipe(
    patched === undefined ? decodeAt(V1Pod, 'responseObject')(a.responseObject) : decodeAt(V1Pod, 'requestObject (applied to the pod)')(patched),
    E.chain((pod) => {
      const ref = podRefOf(pod);
      if (ref !== undefined) state.refs.set(`${ref.namespace}/${ref.name}`, ref);
      return pipe(
        observePod(state.pods, { pod, origin: 'audit', at, creates }),
        E.mapLeft((why) => `responseObject.${why}`),
      );
    }),
    E.map((events) => converted(events)),
  );
};

const NamedRequest = t.type({ metadata: t.partial({ name: t.string, generateName: t.string }) });

/**
 * The pod a write names. A refused write may concern a pod that never existed (a create rejected by
 * admission): it is still recorded, named as the request named it, with an empty uid.
 */
const refOf = (state: AuditState, a: AuditEvent, refused: boolean): PodRef | undefined => {
  const { namespace = 'default', uid } = a.objectRef ?? {};
  const request = NamedRequest.decode(a.requestObject);
  const requested = E.isRight(request) ? (request.right.metadata.name ?? request.right.metadata.generateName) : undefined;
  const name = a.objectRef?.name ?? requested;
  if (name === undefined) return undefined;
  const known = state.refs.get(`${namespace}/${name}`);
  if (known !== undefined) return known;
  if (uid !== undefined) return { namespace, name, uid };
  return refused ? { namespace, name, uid: '' } : undefined;
};

/** A delete: a deletion request with its grace, or, with grace 0 (forced, or the kubelet's final delete), the removal. */
const deletion = (state: AuditState, a: AuditEvent, pod: PodRef, at: Instant, grace: number): Event[] => {
  const known = state.pods.pods.get(pod.uid);
  const requested = known?.metadata.deletionTimestamp !== undefined;
  if (grace > 0) {
    // The object stays, now carrying deletionTimestamp: later status patches are diffed against it.
    const decoded = V1Pod.decode(a.responseObject);
    if (E.isRight(decoded)) state.pods.pods.set(pod.uid, decoded.right);
    return [{ type: 'PodDeletionRequested', ...envelopeAt(at, 'api'), pod, gracePeriodSeconds: grace }];
  }
  state.pods.pods.delete(pod.uid);
  const removed: Event = { type: 'PodRemoved', ...envelopeAt(at, 'api'), pod };
  return requested ? [removed] : [{ type: 'PodDeletionRequested', ...envelopeAt(at, 'api'), pod, gracePeriodSeconds: 0 }, removed];
};

const graceOf = (state: AuditState, pod: PodRef, requested: number | undefined, response: unknown): number => {
  if (requested !== undefined) return Math.max(requested, 0);
  const decoded = V1Pod.decode(response);
  const fromResponse = E.isRight(decoded) ? decoded.right.metadata.deletionGracePeriodSeconds : undefined;
  return fromResponse ?? state.pods.pods.get(pod.uid)?.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
};

const podWrite = (state: AuditState, a: AuditEvent, at: Instant): E.Either<string, Converted> => {
  const sub = a.objectRef?.subresource ?? '';
  const code = a.responseStatus?.code ?? 200;
  if (code < 400 && sub === '' && (a.verb === 'create' || a.verb === 'update' || a.verb === 'patch')) return sightResponse(state, a, at, a.verb === 'create');
  // a status write, or `kubectl debug`'s write of the ephemeral containers (the only write that grows a spec)
  if (code < 400 && (sub === 'status' || sub === 'ephemeralcontainers') && (a.verb === 'update' || a.verb === 'patch')) return sightResponse(state, a, at, false);
  const pod = refOf(state, a, code >= 400);
  if (pod === undefined) return E.right(ignoredOnly('writes to pods whose uid the log never showed'));
  if (code >= 400) {
    const message = a.responseStatus?.message ?? a.responseStatus?.reason ?? '';
    return E.right(audited([{ type: 'PodWriteRejected', ...envelopeAt(at, 'api'), pod, verb: sub === '' ? a.verb : `${a.verb} ${sub}`, code, message }]));
  }
  switch (sub) {
    case '':
      if (a.verb !== 'delete') return E.right(ignoredOnly(`pod ${a.verb} requests`));
      return pipe(
        decodeAt(t.union([DeleteOptions, t.undefined, t.null]), 'requestObject')(a.requestObject),
        E.map((opts) => audited(deletion(state, a, pod, at, graceOf(state, pod, opts?.gracePeriodSeconds, a.responseObject)))),
      );
    case 'binding':
      return pipe(
        decodeAt(Binding, 'requestObject')(a.requestObject),
        E.map((b) => {
          const known = state.pods.pods.get(pod.uid);
          if (known !== undefined) state.pods.pods.set(pod.uid, boundTo(known, b.target.name, at));
          return audited([{ type: 'PodBound', ...envelopeAt(at, 'scheduler'), pod, node: b.target.name }]);
        }),
      );
    case 'eviction':
      return pipe(
        decodeAt(t.union([Eviction, t.undefined, t.null]), 'requestObject')(a.requestObject),
        E.map((ev) => {
          const grace = graceOf(state, pod, ev?.deleteOptions?.gracePeriodSeconds, undefined);
          const condition: Event = {
            type: 'PodConditionSet',
            ...envelopeAt(at, 'api'),
            pod,
            conditionType: 'DisruptionTarget',
            status: 'True',
            reason: 'EvictionByEvictionAPI',
            message: 'Eviction API: evicting',
          };
          return audited([condition, ...deletion(state, a, pod, at, grace)]);
        }),
      );
    default:
      return E.right(ignoredOnly(`pods/${sub} requests`));
  }
};

/** Verbs that change nothing: their lines are skipped without reading their objects. */
const READ_VERBS = new Set(['get', 'list', 'watch']);

const NO_TIME = 'stageTimestamp: is required (nor requestReceivedTimestamp, timestamp or metadata.creationTimestamp is given: the line has no time)';

/** Why a line does not matter (skipped on its head alone), or undefined when it is a pod write or node status. */
const skipReason = (h: AuditHead): string | undefined => {
  if (h.stage !== 'ResponseComplete') return `audit stage ${h.stage}`;
  if (READ_VERBS.has(h.verb)) return 'audit reads (get, list, watch)';
  const resource = h.objectRef?.resource;
  if (resource === 'pods') return undefined;
  if (resource === 'nodes' && h.objectRef?.subresource === 'status') return undefined;
  return `audit lines about ${resource ?? 'non-resources'}`;
};

const convertAuditEvent = (state: AuditState, u: unknown, prefix: string): E.Either<string, Converted> =>
  pipe(
    decodeAt(AuditHead, prefix)(u),
    E.chain((head) => {
      const skip = skipReason(head);
      if (skip !== undefined) return E.right(ignoredOnly(skip));
      if (state.auditIDs.has(head.auditID)) return E.right(ignoredOnly('audit lines repeating an auditID'));
      return pipe(
        decodeAt(AuditEvent, prefix)(u),
        E.chain((a) => {
          const at = auditTimeOf(a);
          if (at === undefined) return E.left(prefix === '' ? NO_TIME : `${prefix}.${NO_TIME}`);
          state.auditIDs.add(a.auditID);
          return a.objectRef?.resource === 'pods' ? podWrite(state, a, at) : convertNodeStatus(state.nodes, a.responseObject, at);
        }),
      );
    }),
  );

/** One document: an audit Event, or an EventList of them. */
export const convertAuditDocument = (state: AuditState, doc: unknown): E.Either<string, Converted> => {
  if (isRecord(doc) && 'items' in doc) {
    return pipe(
      decodeAt(ObjectList)(doc),
      E.chain((list) => pipe(list.items.map((item, i) => convertAuditEvent(state, item, `items[${i}]`)), E.sequenceArray, E.map(concatConverted))),
    );
  }
  return convertAuditEvent(state, doc, '');
};
