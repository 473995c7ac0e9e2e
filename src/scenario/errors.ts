/** Scenario errors: one line naming the file, the line and the path, as `scenario.yaml:14: timeline[2].at: …`. */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { formatError, pathOf } from '../events/report.js';
import { type Source, lineOf, segmentsOf } from './source.js';

export interface ScenarioError {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

export const scenarioError = (file: string, line: number, message: string): ScenarioError => ({ file, line, message });

/** `journal/x.yaml:14: timeline[2].at: "5 minutes" is not a duration`. */
export const renderScenarioError = (e: ScenarioError): string => `${e.file}:${e.line}: ${e.message}`;

/** A document path as the errors print it: `timeline[2].apply`. */
export type DocPath = readonly (string | number)[];
const printPath = (path: DocPath): string =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** An error about `path` in the source (segments, or as printed), located at the line that wrote it. */
export const errorAt = (source: Source, path: DocPath | string, message: string): ScenarioError => {
  const segments = typeof path === 'string' ? segmentsOf(path) : path;
  const printed = typeof path === 'string' ? path : printPath(path);
  return scenarioError(source.file, lineOf(source, segments), printed === '' ? message : `${printed}: ${message}`);
};

/**
 * The first decoding error, at its line. Messages that read as a predicate (`is not a duration`) follow the
 * value found; others (`unknown key`, `needs exactly one of …`) stand alone.
 */
const fromValidation = (source: Source, errors: t.Errors): ScenarioError => {
  const [first] = errors;
  if (first === undefined) return scenarioError(source.file, 1, 'invalid');
  const path = pathOf(first.context);
  return first.message === undefined || first.message.startsWith('is ')
    ? scenarioError(source.file, lineOf(source, segmentsOf(path)), formatError(first))
    : errorAt(source, path, first.message);
};

/** Decodes `value` (a part of the source's document) with `codec`, errors located in the source. */
export const decodeIn = <A>(source: Source, codec: t.Decoder<unknown, A>, value: unknown): E.Either<ScenarioError, A> => {
  const result = codec.decode(value);
  return E.isLeft(result) ? E.left(fromValidation(source, result.left)) : E.right(result.right);
};
