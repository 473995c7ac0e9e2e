/** What a check reports: which rule, which pod, a sentence, and the records that show it. */
import { summarize } from '../events/summary.js';
import type { Entry, Observed } from './observed.js';

export interface Violation {
  /** The check's name (`restart-count-decreased`). */
  readonly check: string;
  /** `namespace/name` of the pod, or the node. */
  readonly subject: string;
  readonly message: string;
  /** The records that show it, in journal order. */
  readonly evidence: readonly Entry[];
}

/** A check: a name and the violations it finds in an observed journal. */
export interface Check {
  readonly name: string;
  /** The rule, in one sentence (for `podj check --help` and the docs). */
  readonly rule: string;
  readonly run: (observed: Observed) => Violation[];
}

/** Where an imported record came from (`file:line`), so the source that contradicts the rule can be opened. */
const sourceOf = ({ from }: Entry['event']): string =>
  from?.file === undefined ? '' : ` (${from.file}${from.line === undefined ? '' : `:${from.line}`})`;

const evidenceLine = ({ seq, event }: Entry): string =>
  `  #${seq} ${event.at} ${event.type}${'container' in event ? ` ${event.container}` : ''}: ${summarize(event)}${sourceOf(event)}`;

/** A violation as text: the rule and subject on one line, then one line per record. */
export const renderViolation = (v: Violation): string =>
  [`${v.check}: ${v.subject}: ${v.message}`, ...v.evidence.map(evidenceLine)].join('\n');
