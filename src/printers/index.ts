/** kubectl's views of pods: the get table and its output formats, describe, and the Events rows. */
export { humanDuration, ageOf } from './duration.js';
export { kubectlRow, kubectlRowCompleted, kubectlWideCells } from './pod-row.js';
export type { KubectlRow, KubectlWideCells } from './pod-row.js';
