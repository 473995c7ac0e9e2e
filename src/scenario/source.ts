/**
 * A scenario's YAML text parsed with its line positions kept, so any decoded path (`timeline[2].at`) can be
 * traced back to the line that wrote it.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { FieldPath } from '../manifest/errors.js';
import { lineOfPath } from '../manifest/lines.js';

export interface Source {
  readonly file: string;
  readonly text: string;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** A syntax error with its line. */
export interface SyntaxFault {
  readonly line: number;
  readonly message: string;
}

/** Parses one YAML document; the first syntax error (yaml's message, without its excerpt) on failure. */
export const parseSource = (text: string, file: string): E.Either<SyntaxFault, Source> => {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const [first] = [...doc.errors, ...doc.warnings];
  if (first === undefined) return E.right({ file, text, doc, lines });
  const message = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? first.code;
  const at = first.linePos?.[0];
  return E.left({ line: at?.line ?? 1, message: at === undefined ? message : `${message} (column ${at.col})` });
};

/**
 * The 1-based line of the deepest node on `path` that exists: the key of a map entry (so an unknown or bad
 * key is named where it is written), an item of a sequence, or the document's first line.
 */
export const lineOf = (source: Source, path: FieldPath): number => {
  const root = source.doc.contents;
  return lineOfPath(root, path, source.lines, source.lines.linePos(root?.range?.[0] ?? 0).line);
};

/** The header comment: the `#` lines before the first content line, without their `#` and one space. */
export const headerComment = (text: string): string => {
  const header: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) header.push(line.replace(/^# ?/, ''));
    else if (line.trim() !== '' || header.length > 0) break;
  }
  return header.join('\n').trimEnd();
};
