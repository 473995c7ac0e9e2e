/**
 * The pods an `apply` step names: a manifest file inside the scenario's folder, or a manifest written inline,
 * read by the manifest loader so that its errors name the line in the file that holds them.
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { posix } from 'node:path';
import type { V1Pod } from '../k8s/pod.js';
import type { LoadedManifests } from '../manifest/index.js';
import { type ScenarioError, errorAt } from './errors.js';
import type { ManifestRef } from './format.js';
import type { Source } from './source.js';

export interface LoadedPod {
  readonly pod: V1Pod;
  /** Line of the pod's document in `file`. */
  readonly line: number;
  readonly file: string;
}

/** Decodes, defaults and validates the manifests in `text` (`loadManifests`), errors naming file and line. */
export type ManifestLoader = (text: string, file: string) => E.Either<ScenarioError, LoadedManifests>;

/** The pods of one `apply`, and the loader's warnings (unknown fields) for them. */
export interface AppliedPods {
  readonly pods: readonly LoadedPod[];
  readonly warnings: readonly string[];
}

/** Reads a file by its path relative to the scenario's folder. */
export type ReadFile = (relativePath: string) => E.Either<string, string>;

/** The path as given, normalized, when it stays inside the scenario's folder. */
const insideFolder = (path: string): string | undefined => {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return undefined;
  const normal = posix.normalize(path.replaceAll('\\', '/'));
  return normal === '..' || normal.startsWith('../') ? undefined : normal;
};

/**
 * The inline manifest's own text, padded with blank lines and spaces so that it sits at the same line and
 * column as in the scenario: the loader's line numbers are then the scenario's.
 */
const inlineText = (source: Source, path: readonly (string | number)[]): string => {
  const node = source.doc.getIn(path, true);
  const range =
    typeof node === 'object' && node !== null && 'range' in node ? (node as { range?: number[] }).range : undefined;
  const [start = 0, end = source.text.length] = range ?? [];
  const { line, col } = source.lines.linePos(start);
  return `${'\n'.repeat(line - 1)}${' '.repeat(col - 1)}${source.text.slice(start, end)}`;
};

/** The pods of the `apply` of step `index`. */
export const podsOfApply = (
  source: Source,
  index: number,
  ref: ManifestRef,
  readFile: ReadFile,
  load: ManifestLoader,
): E.Either<ScenarioError, AppliedPods> => {
  const where = ['timeline', index, 'apply'];
  if (typeof ref !== 'string') {
    return pipe(
      load(inlineText(source, where), source.file),
      E.map(({ pods, warnings }) => ({ pods: pods.map((p) => ({ ...p, file: source.file })), warnings })),
    );
  }
  const relative = insideFolder(ref);
  if (relative === undefined) return E.left(errorAt(source, where, `"${ref}" is outside the scenario's folder`));
  const file = posix.join(posix.dirname(source.file), relative);
  return pipe(
    readFile(relative),
    E.mapLeft((why) => errorAt(source, where, `cannot read "${ref}": ${why}`)),
    E.chain((text) => load(text, file)),
    E.map(({ pods, warnings }) => ({ pods: pods.map((p) => ({ ...p, file })), warnings })),
  );
};
