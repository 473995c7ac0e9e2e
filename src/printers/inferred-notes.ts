/**
 * The notes `get pods` prints on stderr under rows that are not what the cluster showed: pods known only from
 * their Events, and rows resting on facts an import inferred after the pod's last capture. One wording for
 * `get pods [--at]`, `get pods -w` and the report page's cursor table. And `describe`'s, for a start no source recorded.
 */

/** The notes for the listed pods (`namespace/name`) of each kind; empty when none needs one. */
export const inferredNotes = (eventsOnly: readonly string[], sinceCapture: readonly string[]): string =>
  (eventsOnly.length === 0 ? '' : `note: known only from their Events (pod objects never captured, rows inferred): ${eventsOnly.join(', ')}\n`) +
  (sinceCapture.length === 0 ? '' : `note: inferred on import (pod objects captured only at other instants, rows rest on placed facts): ${sinceCapture.join(', ')}\n`);

/**
 * `describe`'s note for pods whose status shows a start no source recorded: the kubelet's admission (its first
 * status write, `startTime`, `hostIP`, and the phase it moves) is missing from the import (a GKE audit log keeps
 * only some of a node's `pods/status` patches), so Start Time and Status are the fold's own, generated as the
 * kubelet would (`status_manager.go`'s startTime at the first status, `getPhase` from the containers).
 */
export const unadmittedNote = (pods: readonly string[]): string =>
  pods.length === 0 ? '' : `note: inferred on import (no source shows the kubelet's admission: Start Time and Status are podj's): ${pods.join(', ')}\n`;
