/**
 * The notes `get pods` prints on stderr under rows that are not what the cluster showed: pods known only from
 * their Events, and rows resting on facts an import inferred after the pod's last capture. One wording for
 * `get pods [--at]`, `get pods -w` and the report page's cursor table.
 */

/** The notes for the listed pods (`namespace/name`) of each kind; empty when none needs one. */
export const inferredNotes = (eventsOnly: readonly string[], sinceCapture: readonly string[]): string =>
  (eventsOnly.length === 0 ? '' : `note: known only from their Events (pod objects never captured, rows inferred): ${eventsOnly.join(', ')}\n`) +
  (sinceCapture.length === 0 ? '' : `note: inferred on import (pod objects captured only at other instants, rows rest on placed facts): ${sinceCapture.join(', ')}\n`);
