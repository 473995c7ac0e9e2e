/**
 * What a pod's spec fixes for its whole life, worked out once per spec object rather than on every event:
 * each container's list, position, role and restart policy, the lookup by name. Kept in a WeakMap keyed
 * by the (immutable) spec, outside the state, so that `PodState` stays plain data and the fold stays pure.
 */
import type { Container, PodSpec, RestartPolicy } from '../k8s/pod.js';
import { roleOf, type ContainerRole } from './restart.js';

/** One spec container; it is also the context the container reducer needs (`ContainerContext`). */
export interface ContainerFacts {
  readonly spec: Container;
  readonly name: string;
  readonly role: ContainerRole;
  readonly policy: RestartPolicy;
}

export interface SpecFacts {
  readonly inits: readonly ContainerFacts[];
  readonly regular: readonly ContainerFacts[];
  /** By name: the first init container of that name, else the first regular one (as the kubelet looks up). */
  readonly byName: ReadonlyMap<string, ContainerFacts>;
  /** Names of the init containers, in order (the Initialized condition's list). */
  readonly initNames: readonly string[];
  /** Names of the sidecars, then the regular containers (the ContainersReady condition's list). */
  readonly readyNames: readonly string[];
  /** Messages already built, by the key their builder gives (see conditions.ts). */
  readonly messages: Map<number, string>;
}

const cache = new WeakMap<PodSpec, SpecFacts>();

const factsOfList = (containers: readonly Container[], inInitList: boolean, policy: RestartPolicy): ContainerFacts[] =>
  containers.map((spec) => ({ spec, name: spec.name, role: roleOf(spec, inInitList), policy }));

const factsOf = (spec: PodSpec): SpecFacts => {
  const policy = spec.restartPolicy ?? 'Always';
  const inits = factsOfList(spec.initContainers ?? [], true, policy);
  const regular = factsOfList(spec.containers, false, policy);
  const byName = new Map<string, ContainerFacts>();
  for (const c of [...inits, ...regular]) if (!byName.has(c.name)) byName.set(c.name, c);
  const facts: SpecFacts = {
    inits,
    regular,
    byName,
    initNames: inits.map((c) => c.name),
    readyNames: [...inits.filter((c) => c.role === 'sidecar'), ...regular].map((c) => c.name),
    messages: new Map(),
  };
  cache.set(spec, facts);
  return facts;
};

// The last answer is kept too: an event asks for the same spec twice (its container, then the status).
let lastSpec: PodSpec | undefined;
let lastFacts: SpecFacts | undefined;

export const specFacts = (spec: PodSpec): SpecFacts => {
  if (spec === lastSpec && lastFacts !== undefined) return lastFacts;
  const facts = cache.get(spec) ?? factsOf(spec);
  lastSpec = spec;
  lastFacts = facts;
  return facts;
};
