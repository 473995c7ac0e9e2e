/** The resource names podj knows, spelled the ways kubectl accepts them. */
import { BadInput } from './errors.js';

const podNames = new Set(['pods', 'pod', 'po']);

/** Refuses anything but pods: podjournal journals pods (and nodes as their context). */
export const podResource = (resource: string): void => {
  if (!podNames.has(resource)) throw new BadInput(`the server doesn't have a resource type "${resource}" (podj knows pods)`);
};

/** `pod/NAME` → NAME, after checking its resource type; a bare NAME as it is. */
const nameOf = (arg: string): string => {
  const slash = arg.indexOf('/');
  if (slash < 0) return arg;
  podResource(arg.slice(0, slash));
  return arg.slice(slash + 1);
};

/** The pod names of kubectl's forms: `pods a b`, `pod/a pod/b`, `pods pod/a`. */
export const podNamesOf = (resource: string, args: readonly string[]): string[] => {
  if (!resource.includes('/')) {
    podResource(resource);
    return args.map(nameOf);
  }
  return [resource, ...args].map(nameOf);
};

export type ResourceKind = 'pods' | 'nodes' | 'events';

const kinds: Readonly<Record<string, ResourceKind>> = { node: 'nodes', nodes: 'nodes', no: 'nodes', event: 'events', events: 'events', ev: 'events' };

/** The kind `get` lists: nodes and events by their kubectl spellings, else pods (checked by `podNamesOf`). */
export const resourceKind = (resource: string): ResourceKind => kinds[resource] ?? 'pods';
