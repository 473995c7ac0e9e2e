/**
 * Splits text, line by line, into the documents it holds, each with the line it starts on: JSON lines,
 * concatenated or pretty-printed JSON, a top-level JSON array, or a YAML stream separated by `---`.
 * Only the current document is held in memory.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';

export type Doc = { readonly line: number; readonly value: unknown } | { readonly line: number; readonly error: string };

const MAX_MESSAGE = 160;

/**
 * A parser's message as one line: a parse error may quote the bad text, newlines, control characters and
 * megabytes included, so control characters are escaped and the message is cut at MAX_MESSAGE characters.
 */
const errorText = (e: unknown): string => {
  const escaped = (e instanceof Error ? e.message : String(e)).replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > MAX_MESSAGE ? `${escaped.slice(0, MAX_MESSAGE - 3)}...` : escaped;
};

/** Tracks JSON nesting across lines, ignoring brackets inside strings. */
class JsonScanner {
  depth = 0;
  private inString = false;
  private escaped = false;

  /** Index just past the character that closes the top-level value, scanning `text` from `from`; -1 if none. */
  closeIndex(text: string, from: number): number {
    for (let i = from; i < text.length; i++) {
      const ch = text[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
      } else if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.depth === 0) return i + 1;
      }
    }
    return -1;
  }

  reset(): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }
}

/**
 * A JSON.parse failure at the line and column it names: V8 says `… in JSON at position N` (newer V8 adds
 * `(line L column C)`, counted in the document), and a pretty-printed document starts lines before the fault.
 */
const jsonFailure = (text: string, line: number, e: unknown): Doc => {
  const message = e instanceof Error ? e.message : String(e);
  const at = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (at === null) return { line, error: `invalid JSON: ${errorText(message)}` };
  const before = text.slice(0, Number(at[1]));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: line + before.split('\n').length - 1, error: `invalid JSON: ${errorText(message.replace(at[0], ''))} (column ${before.length - lineStart + 1})` };
};

function* parsedJson(text: string, line: number): Generator<Doc> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield jsonFailure(text, line, e);
    return;
  }
  // A top-level array (`[{...}, {...}]`) holds one document per element.
  if (Array.isArray(value)) for (const v of value) yield { line, value: v };
  else yield { line, value };
}

async function* jsonDocuments(first: { text: string; line: number }, rest: AsyncIterator<string>): AsyncGenerator<Doc> {
  const scanner = new JsonScanner();
  let buffer = '';
  let bufferLine = 0;
  /** Once a document has started and ended on one line, each line is a document (JSON lines): a broken line is then reported alone. */
  let jsonLines: boolean | undefined;
  let lineNo = first.line;
  let pending: string | undefined = first.text;
  while (true) {
    const text: string | undefined = pending ?? (await rest.next().then((r) => (r.done === true ? undefined : r.value)));
    if (pending === undefined) lineNo++;
    pending = undefined;
    if (text === undefined) break;
    let pos = 0;
    while (pos < text.length) {
      if (scanner.depth === 0 && buffer === '') {
        const start = text.slice(pos).search(/\S/);
        if (start === -1) break;
        pos += start;
        const ch = text[pos];
        if (ch !== '{' && ch !== '[') {
          yield { line: lineNo, error: `not JSON: unexpected ${JSON.stringify(text.slice(pos, pos + 20))}` };
          break;
        }
        bufferLine = lineNo;
      }
      const end = scanner.closeIndex(text, pos);
      if (end === -1) {
        buffer += `${text.slice(pos)}\n`;
        break;
      }
      const whole = buffer + text.slice(pos, end);
      jsonLines ??= bufferLine === lineNo;
      yield* parsedJson(whole, bufferLine);
      buffer = '';
      pos = end;
    }
    if (jsonLines === true && scanner.depth !== 0) {
      yield { line: bufferLine, error: 'invalid JSON: the line ends inside an object' };
      scanner.reset();
      buffer = '';
    }
  }
  if (buffer.trim() !== '') yield { line: bufferLine, error: 'invalid JSON: the input ends inside an object' };
}

async function* yamlDocuments(first: { text: string; line: number }, rest: AsyncIterator<string>): AsyncGenerator<Doc> {
  let buffer: string[] = [];
  let bufferLine = first.line;
  let lineNo = first.line;
  const flush = function* (): Generator<Doc> {
    const text = buffer.join('\n');
    buffer = [];
    if (text.replace(/#.*$/gm, '').trim() === '') return;
    try {
      // logLevel 'error': the parser's warnings (an ambiguous alias in a must-gather's config file) went to Node's
      // process warnings, several lines each on stderr; what matters here is whether the document parses
      const value: unknown = parseYaml(text, { logLevel: 'error' });
      if (value !== null && value !== undefined) yield { line: bufferLine, value };
    } catch (e) {
      const at = e instanceof YAMLParseError && e.linePos !== undefined ? bufferLine + e.linePos[0].line - 1 : bufferLine;
      // the parser's "at line N, column C:" counts in the document, not the file: the column is kept
      const first = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
      yield { line: at, error: `invalid YAML: ${errorText(first.replace(/ at line \d+, column (\d+):$/, ' (column $1)'))}` };
    }
  };
  let text: string | undefined = first.text;
  while (text !== undefined) {
    if (/^(---|\.\.\.)(\s|$)/.test(text)) {
      yield* flush();
      bufferLine = lineNo + 1;
    } else {
      if (buffer.length === 0 && text.trim() === '') bufferLine = lineNo + 1;
      else buffer.push(text);
    }
    const r = await rest.next();
    text = r.done === true ? undefined : r.value;
    lineNo++;
  }
  yield* flush();
}

/** The documents of a text given as lines (without their line ends). */
export async function* documentsOf(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Doc> {
  const it: AsyncIterator<string> = (async function* () {
    yield* lines;
  })();
  let lineNo = 0;
  while (true) {
    const r = await it.next();
    if (r.done === true) return;
    lineNo++;
    const text = r.value;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---') continue;
    const first = { text, line: lineNo };
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) yield* jsonDocuments(first, it);
    else yield* yamlDocuments(first, it);
    return;
  }
}
