/** kubectl's views of pods: the get table and its output formats, describe, and the Events rows. */
export { humanDuration, ageOf } from './duration.js';
export { kubectlRow, kubectlRowCompleted, kubectlRowFacts, kubectlWideCells, rowAt } from './pod-row.js';
export type { KubectlRow, KubectlRowFacts, KubectlWideCells } from './pod-row.js';
export { podColumns, columnsFor, formatLabels, tableRows, tableRowsOf } from './pod-columns.js';
export type { Column, PodCells, TableOptions } from './pod-columns.js';
export { getPods, podList, servedPod, sortPods } from './get-pods.js';
export type { GetPodsOptions, OutputFormat, Printed } from './get-pods.js';
export { renderTable } from './tabwriter.js';
export { kubeEventsFor, coreReasonsByEventType, eventsOfPod, journalTypesForReason } from './kube-events.js';
export type { InvolvedObject, KubeEventRow, KubeEventType } from './kube-events.js';
export { describePod } from './describe-pod.js';
export { describeProbe } from './describe-containers.js';
export { tabwrite } from './tabwriter.js';
export type { TabwriterConfig } from './tabwriter.js';
