/** Reading the head table (`head-table.ts`): the rows at the journal's head, without loading the fold. */
import type { Journal } from '../journal/index.js';
import { isRowLine, type RowLine } from '../printers/row-line.js';
import { namespaceOrDefault } from '../k8s/namespace.js';

/**
 * The rows at the head in `namespace` (in every namespace without it), from the head table; undefined
 * when the table is not there for this head or does not pass its checks (then fold from the events).
 */
export const rowsAtHead = async (journal: Journal, namespace?: string): Promise<RowLine[] | undefined> => {
  const table = await journal.headTable(namespace === undefined ? undefined : [namespace]);
  if (table === undefined || 'rejected' in table) return undefined;
  // The parts are this code's own lines of rows, bound to the head and to their SHA-256.
  const rows = [...table.parts.values()].flatMap((blob) => blob.split('\n'));
  return rows.every(isRowLine) ? rows : undefined;
};

/** The namespaces holding pods at the head, from the head table's part names (no pod read); undefined without one. */
export const namespacesAtHead = async (journal: Journal): Promise<string[] | undefined> =>
  (await journal.headTableParts())?.map(namespaceOrDefault);
