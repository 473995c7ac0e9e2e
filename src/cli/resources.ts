/** The resource names podj knows, spelled the ways kubectl accepts them. */
import { BadInput } from './errors.js';

const podNames = new Set(['pods', 'pod', 'po']);

/** Refuses anything but pods: podjournal journals pods (and nodes as their context). */
export const podResource = (resource: string): void => {
  if (!podNames.has(resource)) throw new BadInput(`the server doesn't have a resource type "${resource}" (podj knows pods)`);
};
