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

/** Tracks JSON nesting across lines, ignoring brackets inside strings, and counts the keys of the value it scans. */
class JsonScanner {
  depth = 0;
  /** The colons outside strings since the last `takeKeys`: in JSON, one after each key. */
  private keys = 0;
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
      else if (ch === ':') this.keys++;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.depth === 0) return i + 1;
      }
    }
    return -1;
  }

  /** The keys counted since the last call (the value just closed): what JSON.parse keeps of them tells a key given twice. */
  takeKeys(): number {
    const keys = this.keys;
    this.keys = 0;
    return keys;
  }

  reset(): void {
    this.depth = 0;
    this.keys = 0;
    this.inString = false;
    this.escaped = false;
  }
}

/** The keys of every object in a parsed JSON value. */
const keyCount = (value: unknown): number => {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) for (const item of value) n += keyCount(item);
  else for (const key in value) n += 1 + keyCount((value as Record<string, unknown>)[key]);
  return n;
};

/**
 * A YAML parser's failure as a document's error: the line in the file (the parser counts in the document, from
 * `line`) and the column, its message on one line.
 */
const yamlFailure = (e: unknown, line: number, kind: string): Doc => {
  const at = e instanceof YAMLParseError && e.linePos !== undefined ? line + e.linePos[0].line - 1 : line;
  // the parser's "at line N, column C:" counts in the document, not the file: the column is kept
  const first = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  return { line: at, error: `${kind}: ${errorText(first.replace(/ at line \d+, column (\d+):$/, ' (column $1)'))}` };
};

/**
 * A JSON text that holds `keys` keys parsed to `value`: JSON.parse keeps the last of a key given twice in an
 * object, without a word (`{"name":"a","name":"b"}` imported pod b), where the API server's strict decoding
 * refuses it. Counting is one walk of the value; only a text that lost keys is parsed again, by the YAML parser
 * (JSON is YAML), whose error names the key's line and column, as `apply`'s does: `Map keys must be unique`.
 */
const duplicateKey = (text: string, value: unknown, keys: number, line: number): Doc | undefined => {
  if (keyCount(value) === keys) return undefined;
  try {
    parseYaml(text, { logLevel: 'error' });
  } catch (e) {
    if (!(e instanceof YAMLParseError && e.code === 'DUPLICATE_KEY' && e.linePos !== undefined)) return yamlFailure(e, line, 'invalid JSON');
    // the error is placed at the key given again: name it, as JSON spells it
    const key = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(e.pos[0]))?.[0] ?? '';
    return { line: line + e.linePos[0].line - 1, error: `invalid JSON: duplicate key ${errorText(key)} (column ${e.linePos[0].col})` };
  }
  return { line, error: 'invalid JSON: a key is given twice in an object' };
};

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

function* parsedJson(text: string, line: number, keys: number): Generator<Doc> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield jsonFailure(text, line, e);
    return;
  }
  const twice = duplicateKey(text, value, keys, line);
  if (twice !== undefined) {
    yield twice;
    return;
  }
  // A top-level array (`[{...}, {...}]`) holds one document per element.
  if (Array.isArray(value)) for (const v of value) yield { line, value: v };
  else yield { line, value };
}

/**
 * One line's JSON value (`podj record -f`'s event), or why it is not one: not JSON, or a key given twice in an
 * object (JSON.parse kept the last), in the words `import` uses.
 */
export const jsonLine = (text: string, line: number): Doc => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return jsonFailure(text, line, e);
  }
  const scanner = new JsonScanner();
  scanner.closeIndex(text, 0);
  return duplicateKey(text, value, scanner.takeKeys(), line) ?? { line, value };
};

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
      yield* parsedJson(whole, bufferLine, scanner.takeKeys());
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
      yield yamlFailure(e, bufferLine, 'invalid YAML');
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
