/**
 * Scenario errors: the manifest error shape (file, line, path, message), so a scenario and the manifests it
 * applies fail alike, as one line: `scenario.yaml:14: timeline[2].at: "5 minutes" is not a duration`.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { formatError, pathOf } from '../events/report.js';
import { type FieldPath, type ManifestError, formatManifestError, parsePath, renderPath } from '../manifest/errors.js';
import { type Source, lineOf } from './source.js';

export type ScenarioError = ManifestError;

export const renderScenarioError: (e: ScenarioError) => string = formatManifestError;

/** An error about `path` in the source, located at the line that wrote it. */
export const errorAt = (source: Source, path: FieldPath, message: string): ScenarioError => ({
  file: source.file,
  line: lineOf(source, path),
  path: renderPath(path),
  message,
});

/**
 * The first decoding error, at its line. Messages that read as a predicate (`is not a duration`) follow the
 * value found; others (`unknown key`, `needs exactly one of …`) stand alone.
 */
const fromValidation = (source: Source, errors: t.Errors): ScenarioError => {
  const [first] = errors;
  if (first === undefined) return { file: source.file, line: 1, path: '', message: 'invalid' };
  const path = pathOf(first.context);
  const predicate = first.message === undefined || first.message.startsWith('is ');
  const message = predicate ? formatError(first).slice(path === '' ? 0 : path.length + 2) : (first.message ?? '');
  return { file: source.file, line: lineOf(source, parsePath(path)), path, message };
};

/** Decodes the source's document with `codec`, errors located in the source. */
export const decodeIn = <A>(source: Source, codec: t.Decoder<unknown, A>): E.Either<ScenarioError, A> => {
  const result = codec.decode(source.doc.toJS());
  return E.isLeft(result) ? E.left(fromValidation(source, result.left)) : E.right(result.right);
};
