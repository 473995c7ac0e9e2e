/**
 * Container views, built only through `containerView`, so that every view has the same keys in the same order
 * (absent fields `undefined`): replay then touches two hidden classes of them, not dozens. Two things make a view
 * smaller than the literal it was (112 bytes, and at L 135,000 of them live):
 * - its four rare keys (the `image` and `user` an import stated, a cached `failure`, an imported `waiting`) are left
 *   to the prototype, which holds them as `undefined`, not enumerable, when all four are undefined; a view given one
 *   is built full, in the same key order (as kubelet views are, `kubelet-view.ts`);
 * - its `containerID` is an own enumerable accessor over the id as `container-id.ts` holds it (a digest, not a
 *   77-character string), or over the string its current termination holds when that is the same id.
 * To every reader (a field, its keys in order, a spread, `toEqual`, its JSON: a snapshot's bytes) a view is the
 * plain object it was (`bench/README.md`, "Replay memory at L: container ids held as their digests").
 */
import { containerIDText, heldContainerID, type HeldContainerID } from './container-id.js';
import type { ContainerView, InstanceState } from './kubelet-view.js';
import { patchedWithoutRare, undefinedKeys, type Writable } from './records.js';

const RARE_CONTAINER_KEYS = ['image', 'user', 'failure', 'waiting'] as const;
const rareContainerKeys: ReadonlySet<string> = new Set(RARE_CONTAINER_KEYS);

/**
 * The id a view holds: its current termination's own string when that is the id (the string is held there anyway),
 * else the compact form.
 */
const heldFor = (id: HeldContainerID, current: InstanceState | undefined): HeldContainerID => {
  if (current?.kind === 'terminated') {
    const shown = current.terminated.containerID;
    if (shown === id || (typeof id === 'bigint' && shown !== undefined && containerIDText(id) === shown)) return shown;
  }
  return typeof id === 'string' ? heldContainerID(id) : id;
};

/** A view without the rare keys (their `undefined` on the prototype); `FullContainerViewObject`'s have every key. */
class ContainerViewObject {
  #id: HeldContainerID;

  // `containerID` as an own property of every view, in its place among the keys; the setter takes a string
  static readonly #idProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: ContainerViewObject): string | undefined {
      return containerIDText(this.#id);
    },
    set(this: ContainerViewObject, id: string | undefined): void {
      this.#id = id;
    },
  };

  constructor(v: ContainerView, full: boolean) {
    const o = this as unknown as Writable<ContainerView>;
    o.instances = v.instances;
    o.current = v.current;
    o.previous = v.previous;
    Object.defineProperty(this, 'containerID', ContainerViewObject.#idProperty);
    o.imageID = v.imageID;
    if (full) for (const key of RARE_CONTAINER_KEYS) (o as Record<string, unknown>)[key] = v[key]; // rare: a loop is fast enough
    o.probes = v.probes;
    o.postStartDone = v.postStartDone;
    this.#id = ContainerViewObject.heldID(v);
  }

  /** What `v` holds for its id (a plain view, e.g. a snapshot's, its string). */
  static heldID(v: ContainerView): HeldContainerID {
    return #id in v ? (v as unknown as ContainerViewObject).#id : v.containerID;
  }

  /** The view once its patch is applied: its id held as `heldFor` says. */
  static settled(out: ContainerViewObject): ContainerView {
    const view = out as unknown as ContainerView;
    out.#id = heldFor(out.#id, view.current);
    return view;
  }
}

class FullContainerViewObject extends ContainerViewObject {}

// Plain objects to every reader: no `constructor` of their own (`Object`'s is found), and the rare keys' `undefined`
// below a full view's own keys, where it is never reached.
Object.setPrototypeOf(ContainerViewObject.prototype, undefinedKeys(RARE_CONTAINER_KEYS));
Reflect.deleteProperty(ContainerViewObject.prototype, 'constructor');
Reflect.deleteProperty(FullContainerViewObject.prototype, 'constructor');

const carriesRare = (v: ContainerView): boolean => v.image !== undefined || v.user !== undefined || v.failure !== undefined || v.waiting !== undefined;

/** A copy of `v` with `patch` applied; every key is present (undefined when absent, rare ones on the prototype), in one fixed order. */
export const containerView = (v: ContainerView, patch: Partial<ContainerView> = {}): ContainerView => {
  if (!carriesRare(v)) {
    const out = new ContainerViewObject(v, false);
    if (patchedWithoutRare(out as Partial<ContainerView>, patch, rareContainerKeys)) return ContainerViewObject.settled(out);
  }
  return ContainerViewObject.settled(Object.assign(new FullContainerViewObject(v, true), patch));
};

/** Whether two views name the same container instance, without building either's id text. */
export const sameContainerID = (a: ContainerView, b: ContainerView): boolean => {
  const x = ContainerViewObject.heldID(a);
  const y = ContainerViewObject.heldID(b);
  if (x === y) return true;
  return (typeof x === 'bigint' || typeof y === 'bigint') && containerIDText(x) === containerIDText(y);
};
