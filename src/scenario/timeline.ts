/**
 * A scenario's nodes and timeline compiled to the external events the engine injects: node registrations,
 * node conditions, and the API writes (create, metadata updates, deletion requests) with deterministic uids.
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Event, EventOf, PodRef } from '../events/index.js';
import { nodeStatusUnknown } from '../events/node-status-unknown.js';
import { type Instant, type StringMap, instantOf } from '../k8s/codecs.js';
import type { V1Pod } from '../k8s/pod.js';
import { isKubeletOwned } from '../k8s/pod-conditions.js';
import { isQualifiedName } from '../manifest/names.js';
import { type ScenarioError, errorAt } from './errors.js';
import type { MetadataChange, NodeSpec, ScenarioDoc, Step } from './format.js';
import { type AppliedPods, type LoadedPod, type ManifestLoader, type ReadFile, podsOfApply } from './manifests.js';
import type { Source } from './source.js';
import { podUid } from './uid.js';

/** `terminationGracePeriodSeconds` when neither the request nor the pod gives one. */
const DEFAULT_GRACE_SECONDS = 30;
const DEFAULT_NODE_CAPACITY = { cpu: '4', memory: '8Gi', pods: '110' };

export interface CompiledTimeline {
  readonly external: readonly Event[];
  /** `namespace/name` → the pods ever created under that name (every version applied). */
  readonly pods: ReadonlyMap<string, readonly V1Pod[]>;
  /** The manifest loader's warnings (unknown fields), one line each. */
  readonly warnings: readonly string[];
}

interface LivePod {
  readonly ref: PodRef;
  readonly labels: StringMap;
  readonly annotations: StringMap;
  readonly grace: number;
}

/** What the compiler knows while walking the timeline in time order. */
interface Walk {
  readonly events: Event[];
  readonly live: Map<string, LivePod>;
  /** Pods a `delete` step named, until applied again: a second request may still shorten their grace. */
  readonly deleting: Map<string, LivePod>;
  readonly created: Map<string, V1Pod[]>;
  readonly nodes: Set<string>;
  readonly warnings: string[];
}

const keyOf = (namespace: string | undefined, name: string): string => `${namespace ?? 'default'}/${name}`;

const nodeEvents = (node: NodeSpec, at: Instant, index: number): Event[] => {
  const capacity = { ...DEFAULT_NODE_CAPACITY, ...node.capacity };
  const thresholds = { ...(node.memoryEvictionThreshold === undefined ? {} : { 'memory.available': node.memoryEvictionThreshold }), ...node.evictionHard };
  const evictionHard = Object.keys(thresholds).length === 0 ? undefined : thresholds;
  return [
    {
      type: 'NodeRegistered',
      v: 1,
      at,
      source: 'node',
      node: node.name,
      capacity,
      allocatable: { ...capacity, ...node.allocatable },
      labels: { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux', ...node.labels },
      internalIP: node.internalIP ?? `10.0.0.${index + 10}`,
      ...(evictionHard === undefined ? {} : { evictionHard }),
      ...(node.images !== undefined ? { images: node.images } : {}),
    },
    {
      type: 'NodeConditionChanged',
      v: 1,
      at,
      source: 'node',
      node: node.name,
      conditionType: 'Ready',
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
    },
  ];
};

/** Creates the pod, or updates its labels and annotations when it already exists (`kubectl apply`). */
const applyPod = (
  walk: Walk,
  loaded: LoadedPod,
  at: Instant,
  source: Source,
  index: number,
): E.Either<ScenarioError, void> => {
  const { metadata, spec } = loaded.pod;
  if (metadata.name === undefined) {
    return E.left(
      errorAt(source, ['timeline', index, 'apply'], `a pod in ${loaded.file}:${loaded.line} has no metadata.name`),
    );
  }
  const key = keyOf(metadata.namespace, metadata.name);
  const labels = metadata.labels ?? {};
  const annotations = metadata.annotations ?? {};
  const existing = walk.live.get(key);
  if (existing !== undefined) {
    walk.live.set(key, { ...existing, labels, annotations });
    walk.events.push({ type: 'PodMetadataUpdated', v: 1, at, source: 'api', pod: existing.ref, labels, annotations });
    return E.right(undefined);
  }
  const versions = walk.created.get(key) ?? [];
  const ref = {
    namespace: metadata.namespace ?? 'default',
    name: metadata.name,
    uid: podUid(metadata.namespace ?? 'default', metadata.name, versions.length),
  };
  const manifest: V1Pod = {
    ...loaded.pod,
    metadata: { ...metadata, namespace: ref.namespace, uid: ref.uid, creationTimestamp: at },
  };
  walk.created.set(key, [...versions, manifest]);
  walk.deleting.delete(key);
  walk.live.set(key, { ref, labels, annotations, grace: spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS });
  walk.events.push({ type: 'PodCreated', v: 1, at, source: 'api', pod: ref, manifest });
  return E.right(undefined);
};

const changed = (current: StringMap, change: MetadataChange): StringMap => {
  const next: Record<string, string> = { ...current, ...change.set };
  for (const key of change.remove ?? []) delete next[key];
  return next;
};

/**
 * Why a controller may not set this condition type: the kubelet owns and regenerates it at its next status
 * (`kubetypes.PodConditionByKubelet`), or it is not a qualified name (`validation.go :: validatePodConditions`
 * accepts only known system types and qualified names).
 */
const conditionTypeRefused = (type: string): string | undefined => {
  if (isKubeletOwned(type)) return `"${type}" is the kubelet's own condition: it would replace it at its next status`;
  const errors = isQualifiedName(type);
  return errors.length === 0 ? undefined : `"${type}" is not a condition type a controller can set: ${errors.join('; ')}`;
};

const stepEvents = (
  walk: Walk,
  step: Step,
  index: number,
  at: Instant,
  source: Source,
  podsOf: (index: number, ref: Extract<Step, { kind: 'apply' }>['value']) => E.Either<ScenarioError, AppliedPods>,
): E.Either<ScenarioError, void> => {
  const livePod = (pod: string, namespace: string | undefined): E.Either<ScenarioError, LivePod> => {
    const live = walk.live.get(keyOf(namespace, pod));
    return live === undefined
      ? E.left(
          errorAt(
            source,
            ['timeline', index, step.kind, 'pod'],
            `no pod "${keyOf(namespace, pod)}" exists at this time (not applied yet, or deleted)`,
          ),
        )
      : E.right(live);
  };
  const knownNode = (node: string, field: string): E.Either<ScenarioError, string> =>
    walk.nodes.has(node)
      ? E.right(node)
      : E.left(errorAt(source, ['timeline', index, step.kind, ...(field === '' ? [] : [field])], `no node "${node}"`));

  switch (step.kind) {
    case 'apply':
      return E.flatMap(podsOf(index, step.value), ({ pods, warnings }) => {
        walk.warnings.push(...warnings);
        for (const loaded of pods) {
          const applied = applyPod(walk, loaded, at, source, index);
          if (E.isLeft(applied)) return applied;
        }
        return E.right(undefined);
      });
    case 'label':
    case 'annotate': {
      const change = step.value;
      return pipe(
        livePod(change.pod, change.namespace),
        E.map((live) => {
          const labels = step.kind === 'label' ? changed(live.labels, change) : live.labels;
          const annotations = step.kind === 'annotate' ? changed(live.annotations, change) : live.annotations;
          walk.live.set(keyOf(change.namespace, change.pod), { ...live, labels, annotations });
          walk.events.push({ type: 'PodMetadataUpdated', v: 1, at, source: 'api', pod: live.ref, labels, annotations });
        }),
      );
    }
    case 'delete': {
      const { pod, namespace, gracePeriodSeconds, force } = step.value;
      if (force === true && gracePeriodSeconds !== undefined && gracePeriodSeconds !== 0) {
        return E.left(
          errorAt(
            source,
            ['timeline', index, 'delete', 'force'],
            'force deletion needs gracePeriodSeconds 0 (or none)',
          ),
        );
      }
      // a pod already being deleted takes a second request (`rest/delete.go :: BeforeDelete`: a shorter grace
      // counts, `--grace-period=0 --force` removes it); one the cluster removed meanwhile is the engine's to drop
      const deleting = walk.deleting.get(keyOf(namespace, pod));
      return pipe(
        deleting === undefined ? livePod(pod, namespace) : E.right(deleting),
        E.map((live) => {
          walk.live.delete(keyOf(namespace, pod));
          walk.deleting.set(keyOf(namespace, pod), live);
          const grace = force === true ? 0 : (gracePeriodSeconds ?? live.grace);
          walk.events.push({
            type: 'PodDeletionRequested',
            v: 1,
            at,
            source: 'api',
            pod: live.ref,
            gracePeriodSeconds: grace,
          });
        }),
      );
    }
    case 'nodeCondition': {
      const { node, type, status, reason, message } = step.value;
      return pipe(
        knownNode(node, 'node'),
        E.map(() => {
          const event: EventOf<'NodeConditionChanged'> = {
            type: 'NodeConditionChanged',
            v: 1,
            at,
            source: 'node',
            node,
            conditionType: type,
            status,
          };
          walk.events.push({
            ...event,
            ...(reason !== undefined ? { reason } : {}),
            ...(message !== undefined ? { message } : {}),
          });
        }),
      );
    }
    case 'podCondition': {
      const { pod, namespace, type, status, reason, message } = step.value;
      const refused = conditionTypeRefused(type);
      if (refused !== undefined) return E.left(errorAt(source, ['timeline', index, 'podCondition', 'type'], refused));
      return pipe(
        livePod(pod, namespace),
        E.map((live) => {
          walk.events.push({
            type: 'PodConditionSet',
            v: 1,
            at,
            source: 'controller',
            pod: live.ref,
            conditionType: type,
            status,
            ...(reason !== undefined ? { reason } : {}),
            ...(message !== undefined ? { message } : {}),
          });
        }),
      );
    }
    case 'stopKubelet':
      return pipe(
        knownNode(step.value, ''),
        E.map((node) => {
          walk.events.push({ type: 'KubeletStopped', v: 1, at, source: 'node', node });
        }),
      );
    case 'loseNode':
      return pipe(
        knownNode(step.value, ''),
        E.map((node) => {
          walk.events.push(nodeStatusUnknown(at, node));
        }),
      );
    case 'addNode':
      if (walk.nodes.has(step.value.name)) {
        return E.left(
          errorAt(source, ['timeline', index, 'addNode', 'name'], `node "${step.value.name}" already exists`),
        );
      }
      walk.nodes.add(step.value.name);
      walk.events.push(...nodeEvents(step.value, at, walk.nodes.size - 1));
      return E.right(undefined);
  }
};

/** Compiles the nodes and the timeline; steps run in time order, ties in the order written. */
export const compileTimeline = (
  source: Source,
  doc: ScenarioDoc,
  startMs: number,
  readFile: ReadFile,
  load: ManifestLoader,
): E.Either<ScenarioError, CompiledTimeline> => {
  const walk: Walk = { events: [], live: new Map(), deleting: new Map(), created: new Map(), nodes: new Set(), warnings: [] };
  const start = instantOf(startMs);
  for (const [index, node] of (doc.nodes ?? []).entries()) {
    if (walk.nodes.has(node.name))
      return E.left(errorAt(source, ['nodes', index, 'name'], `node "${node.name}" is declared twice`));
    walk.nodes.add(node.name);
    walk.events.push(...nodeEvents(node, start, index));
  }
  const podsOf = (index: number, ref: Extract<Step, { kind: 'apply' }>['value']) =>
    podsOfApply(source, index, ref, readFile, load);
  const ordered = doc.timeline.map((step, index) => ({ step, index })).sort((a, b) => a.step.at - b.step.at);
  for (const { step, index } of ordered) {
    if (step.at > doc.until)
      return E.left(errorAt(source, ['timeline', index, 'at'], 'comes after until, so it would never happen'));
    const done = stepEvents(walk, step, index, instantOf(startMs + step.at), source, podsOf);
    if (E.isLeft(done)) return done;
  }
  return E.right({ external: walk.events, pods: walk.created, warnings: walk.warnings });
};
