/**
 * A pod as the fold keeps it: the v1 Pod without its container statuses (`base`), what the kubelet knows,
 * and what the statuses were generated from (`statuses`). Container statuses are the largest part of a
 * status and a pure function of the kubelet view they were generated from, so the fold does not hold them:
 * `pod` builds them when the pod is read, once per state object. The v1 Pod stays the only public answer:
 * to a reader (its keys, a spread, a comparison, its JSON) a folded pod is `{ pod, kubelet }`.
 */
import type { V1Pod } from '../k8s/pod.js';
import type { KubeletView } from './kubelet-view.js';
import type { PodState } from './state.js';
import { withContainerStatuses, type GeneratedFrom } from './status.js';

// `pod` is an own enumerable property, as in a plain state, built on first read (one getter for every state).
const podProperty: PropertyDescriptor = {
  enumerable: true,
  get(this: FoldedPod): V1Pod {
    return FoldedPod.read(this);
  },
};

const DELETED = 1;
const TERMINATED = 2;

export class FoldedPod implements PodState {
  declare readonly pod: V1Pod;
  declare readonly kubelet: KubeletView;
  readonly #base: V1Pod;
  // What the statuses were generated from (`GeneratedFrom`), held in the state itself: one object less for
  // every pod the fold holds, and for every event that moves the statuses to a new view.
  readonly #view: KubeletView;
  // `deleted` and `terminated` as the bits of one small integer: 8 bytes less a pod than a field each
  readonly #marks: number;
  #pod: V1Pod | undefined;

  /**
   * `base`: the v1 Pod, its status without `initContainerStatuses` and `containerStatuses`. `statuses` may be
   * another folded pod, whose marks this one keeps (its statuses generated from `view`, else from its view):
   * the reducers then build no `GeneratedFrom` object for a state that moves on.
   */
  constructor(base: V1Pod, kubelet: KubeletView, statuses: GeneratedFrom | FoldedPod, view?: KubeletView) {
    this.#base = base;
    if (statuses instanceof FoldedPod) {
      this.#view = view ?? statuses.#view;
      this.#marks = statuses.#marks;
    } else {
      this.#view = statuses.view;
      this.#marks = (statuses.deleted ? DELETED : 0) | (statuses.terminated ? TERMINATED : 0);
    }
    Object.defineProperty(this, 'pod', podProperty);
    (this as { kubelet: KubeletView }).kubelet = kubelet;
  }

  static read(p: FoldedPod): V1Pod {
    p.#pod ??= FoldedPod.peek(p);
    return p.#pod;
  }

  /** The v1 Pod, built without being kept (when it was not built already). */
  static peek(p: FoldedPod): V1Pod {
    return p.#pod ?? withContainerStatuses(p.#base, p.statuses);
  }

  get base(): V1Pod {
    return this.#base;
  }

  /** TerminatePod marked the statuses (`GeneratedFrom.terminated`), read without building `statuses`. */
  get terminatePodMarked(): boolean {
    return (this.#marks & TERMINATED) !== 0;
  }

  get statuses(): GeneratedFrom {
    return { view: this.#view, deleted: (this.#marks & DELETED) !== 0, terminated: (this.#marks & TERMINATED) !== 0 };
  }

  toJSON(): PodState {
    return { pod: this.pod, kubelet: this.kubelet };
  }
}

/** The pod's object as the reducers read it (all but the container statuses), without building them. */
export const baseOf = (s: PodState): V1Pod => (s instanceof FoldedPod ? s.base : s.pod);

/** The state's v1 Pod, for a read over many pods that should not keep each one's statuses built (a snapshot's rows). */
export const podOf = (s: PodState): V1Pod => (s instanceof FoldedPod ? FoldedPod.peek(s) : s.pod);

/** What a state's container statuses were generated from; undefined when it holds them (or has none). */
export const generatedFrom = (s: PodState): GeneratedFrom | undefined => (s instanceof FoldedPod ? s.statuses : undefined);

/**
 * A state with a new object and view that keeps the container statuses of `s` (an API write, the node's
 * loss, a view that shows nothing new), or takes `statuses` (a regeneration).
 */
export const podState = (s: PodState, base: V1Pod, kubelet: KubeletView, statuses?: GeneratedFrom): PodState => {
  if (statuses !== undefined) return new FoldedPod(base, kubelet, statuses);
  return s instanceof FoldedPod ? new FoldedPod(base, kubelet, s) : { pod: base, kubelet };
};

/**
 * `s` (a state holding what its statuses were generated from) with a new object and view, its statuses
 * generated from `view` (a view that moved without changing the status's facts): no `GeneratedFrom` object.
 */
export const withStatusesFrom = (s: PodState, base: V1Pod, kubelet: KubeletView, view: KubeletView): PodState | undefined =>
  s instanceof FoldedPod ? new FoldedPod(base, kubelet, s, view) : undefined;
