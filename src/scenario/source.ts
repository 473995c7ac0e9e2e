/**
 * A scenario's YAML text parsed with its line positions kept, so any decoded path (`timeline[2].at`) can be
 * traced back to the line that wrote it.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Document, LineCounter, type Node, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

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
  return E.left({ line: first.linePos?.[0].line ?? 1, message });
};

/** `timeline[2].apply.spec` → `['timeline', 2, 'apply', 'spec']`. */
export const segmentsOf = (path: string): (string | number)[] =>
  [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) => (index !== undefined ? Number(index) : (key ?? '')));

const rangeStart = (node: unknown): number | undefined =>
  typeof node === 'object' && node !== null && 'range' in node ? (node as Node).range?.[0] : undefined;

/**
 * The 1-based line of the deepest node on `path` that exists: the key of a map entry (so an unknown or bad
 * key is named where it is written), an item of a sequence, or the document itself.
 */
export const lineOf = (source: Source, path: readonly (string | number)[]): number => {
  let node: unknown = source.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  return source.lines.linePos(offset).line;
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
