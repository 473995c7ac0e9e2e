/** The resource names podj knows, spelled the ways kubectl accepts them. */
import { BadInput } from './errors.js';

export type ResourceKind = 'pods' | 'nodes' | 'events';

const kinds: Readonly<Record<string, ResourceKind>> = {
  pods: 'pods',
  pod: 'pods',
  po: 'pods',
  node: 'nodes',
  nodes: 'nodes',
  no: 'nodes',
  event: 'events',
  events: 'events',
  ev: 'events',
};

const unknownResource = (resource: string): BadInput => new BadInput(`the server doesn't have a resource type "${resource}" (podj knows pods, nodes and events)`);

/** Refuses anything but pods: verbs that name a pod (podjournal journals pods, and nodes as their context). */
export const podResource = (resource: string): void => {
  if (kinds[resource] !== 'pods') throw new BadInput(`the server doesn't have a resource type "${resource}" (podj knows pods)`);
};

/** The kind `get` lists, from its first argument: `pods`, `nodes`, `events` in kubectl's spellings, or `TYPE/NAME`. */
export const resourceKind = (resource: string): ResourceKind => {
  const type = resource.split('/')[0] ?? resource;
  const kind = kinds[type];
  if (kind === undefined) throw unknownResource(type);
  return kind;
};

/** `TYPE/NAME` → NAME, after checking TYPE is a spelling of `kind`; a bare NAME as it is. */
const nameOf = (kind: ResourceKind, arg: string): string => {
  const slash = arg.indexOf('/');
  if (slash < 0) return arg;
  const type = arg.slice(0, slash);
  if (kinds[type] !== kind) throw kinds[type] === undefined ? unknownResource(type) : new BadInput(`${arg}: podj gets one resource type at a time (here ${kind})`);
  return arg.slice(slash + 1);
};

/** The names of kubectl's forms: `pods a b`, `pod/a pod/b`, `pods pod/a` (nodes and events alike). */
export const namesOf = (kind: ResourceKind, resource: string, args: readonly string[]): string[] =>
  (resource.includes('/') ? [resource, ...args] : args).map((arg) => nameOf(kind, arg));

/**
 * cli-runtime's `builder.go :: visitByName`: with `--all-namespaces` the builder's namespace is empty, and a
 * namespaced object cannot be fetched by name without one (nodes are cluster-scoped: their names are fine).
 */
export const refuseNamesAcrossNamespaces = (kind: ResourceKind, names: readonly string[], allNamespaces: boolean | undefined): void => {
  if (allNamespaces === true && kind !== 'nodes' && names.length > 0) throw new BadInput('a resource cannot be retrieved by name across all namespaces');
};
