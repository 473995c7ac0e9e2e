/** Importers of what real clusters emit: audit logs, watch streams, PodLists and Kubernetes Events. */
export { convertFiles, importFiles, readFileEvents, formatBadLine, UnknownFormat } from './import-files.js';
export type { BadLine, ConvertedFiles, FileChunk, FileSummary, FileImportOptions, ImportProgress, FileImportResult } from './import-files.js';
export { ImportBuffer, type KnownOf, type SpillOptions } from './spill.js';
export { subjectKeyOf } from './build.js';
export { detectFormat } from './detect.js';
export type { Format } from './detect.js';
export { documentsOf } from './documents.js';
export type { Doc } from './documents.js';
export { converterFor } from './convert.js';
export type { ConvertDocument } from './convert.js';
export { mergeImported } from './merge.js';
export { factKey } from './fact-identity.js';
export { expandCount } from './expand.js';
export { diffPod } from './pod-differ.js';
export type { Imported, Origin, Certainty, Converted } from './imported.js';
export { INFERRED_ANNOTATION, isKnownOnlyFromEvents } from './inferred-annotation.js';
export { countProgress, terminalProgress } from './progress.js';
export type { ProgressReporter, ProgressStream } from './progress.js';
