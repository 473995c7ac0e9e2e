/**
 * kubectl's JSONPath parser, client-go `util/jsonpath/parser.go` (v0.36.3) read rune by rune as `Parser` reads
 * it: a template is text and `{…}` actions, each action a list of nodes (`node.go`). `@` and `$` are skipped
 * (every path starts from the current object), `[…]` is a slice, an index, a quoted key or a union of paths,
 * `[?(…)]` a filter, `..` recursive descent, bare words are identifiers (`range`, `end`) or booleans.
 */
import * as E from 'fp-ts/lib/Either.js';

/** node.go :: ParamsEntry: a slice bound; `derived` marks the end of a single index (`[i]` is `[i:i+1]`). */
export interface SliceBound {
  readonly value: number;
  readonly known: boolean;
  readonly derived: boolean;
}

export type PathNode =
  | { readonly kind: 'list'; readonly nodes: readonly PathNode[] }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'array'; readonly bounds: readonly [SliceBound, SliceBound, SliceBound] }
  | { readonly kind: 'filter'; readonly left: PathList; readonly right: PathList; readonly operator: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'recursive' }
  | { readonly kind: 'union'; readonly members: readonly PathList[] };

export type PathList = Extract<PathNode, { kind: 'list' }>;

const dictKey = /^'([^']*)'$/;
const sliceOperator = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const comparison = /^([^!<>=]+)([!<>=]+)(.+?)$/;

const isSpace = (r: string): boolean => r === ' ' || r === '\t';
const isEndOfLine = (r: string): boolean => r === '\r' || r === '\n';
const isAlphaNumeric = (r: string): boolean => /^[\p{L}\p{Nd}_]$/u.test(r);
const isDigit = (r: string): boolean => /^\p{Nd}$/u.test(r);
/** parser.go :: isTerminator: what may follow an identifier or a field name (EOF is ''). */
const isTerminator = (r: string): boolean => r === '' || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(r);

/** Go's strconv.Atoi: an optional sign and decimal digits, within int64. */
const goAtoi = (s: string): number | undefined => (/^[+-]?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : undefined);

/** Go's strconv.ParseFloat over what parseNumber scans (signs, digits, dots). */
const goParseFloat = (s: string): number | undefined => (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : undefined);

/** parser.go :: UnquoteExtend: strconv.Unquote, single quotes allowed around a string. */
const unquoteExtend = (quoted: string): E.Either<string, string> => {
  const quote = quoted[0];
  if (quoted.length < 2 || quoted[quoted.length - 1] !== quote) return E.left('invalid syntax');
  const inner = quoted.slice(1, -1);
  if (!inner.includes('\\') && !inner.includes(quote ?? '')) return E.right(inner);
  const escapes: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] ?? '';
    if (ch === quote) return E.left('invalid syntax');
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const code = inner[i + 1] ?? '';
    const hex = { x: 2, u: 4, U: 8 }[code];
    if (hex !== undefined) {
      const digits = inner.slice(i + 2, i + 2 + hex);
      if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) return E.left('invalid syntax');
      out += String.fromCodePoint(parseInt(digits, 16));
      i += 1 + hex;
    } else if (/^[0-7]$/.test(code)) {
      const digits = inner.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(digits)) return E.left('invalid syntax');
      out += String.fromCodePoint(parseInt(digits, 8));
      i += 3;
    } else {
      const escaped = escapes[code];
      // strconv.UnquoteChar: \' only inside single quotes, \" only inside double ones
      if (escaped === undefined || ((code === "'" || code === '"') && code !== quote)) return E.left('invalid syntax');
      out += escaped;
      i += 1;
    }
  }
  return E.right(out);
};

class ParseError extends Error {}

/** One parse of one text, as parser.go :: Parser: input, position, start of the pending text, last rune's width. */
class Scanner {
  pos = 0;
  start = 0;
  private width = 0;
  readonly root: PathNode[] = [];

  constructor(private readonly input: string) {}

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return '';
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  /** parseText: text up to the next `{`, then the action; the template's top level. */
  parseText(): void {
    for (;;) {
      const open = this.input.indexOf('{', this.pos);
      if (open < 0) break;
      this.pos = open;
      if (this.pos > this.start) this.root.push({ kind: 'text', text: this.consumeText() });
      this.pos += 1;
      this.consumeText();
      const action: PathNode[] = [];
      this.root.push({ kind: 'list', nodes: action });
      this.parseInsideAction(action);
    }
    this.pos = this.input.length;
    if (this.pos > this.start) this.root.push({ kind: 'text', text: this.consumeText() });
  }

  /** parseInsideAction: the nodes of one action, up to its `}`. */
  private parseInsideAction(cur: PathNode[]): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (rest.startsWith('[?(')) this.parseFilter(cur);
      else if (rest.startsWith('..')) this.parseRecursive(cur);
      else this.parseStep(cur);
    }
  }

  private parseStep(cur: PathNode[]): void {
    const r = this.next();
    if (r === '' || isEndOfLine(r)) throw new ParseError('unclosed action');
    if (r === ' ' || r === '@' || r === '$') this.consumeText();
    else if (r === '[') this.parseArray(cur);
    else if (r === '"' || r === "'") this.parseQuote(cur, r);
    else if (r === '.') this.parseField(cur);
    else if (r === '+' || r === '-' || isDigit(r)) {
      this.backup();
      this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      this.parseIdentifier(cur);
    } else {
      // Go's %#U: the code point, and the character itself when it prints
      const code = `U+${(r.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      throw new ParseError(`unrecognized character in action: ${/^[\p{C}\p{Z}]$/u.test(r) && r !== ' ' ? code : `${code} '${r}'`}`);
    }
  }

  private parseIdentifier(cur: PathNode[]): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consumeText();
    cur.push(value === 'true' || value === 'false' ? { kind: 'bool', value: value === 'true' } : { kind: 'identifier', name: value });
  }

  private parseRecursive(cur: PathNode[]): void {
    if (cur[cur.length - 1]?.kind === 'recursive') throw new ParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.push({ kind: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: PathNode[]): void {
    const sign = this.peek();
    if (sign === '+' || sign === '-') this.next();
    for (;;) {
      const r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const int = goAtoi(value);
    if (int !== undefined) {
      cur.push({ kind: 'int', value: int });
      return;
    }
    const float = goParseFloat(value);
    if (float === undefined) throw new ParseError(`cannot parse number ${value}`);
    cur.push({ kind: 'float', value: float });
  }

  private parseArray(cur: PathNode[]): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new ParseError('unterminated array');
      if (r === ']') break;
    }
    const raw = this.consumeText().slice(1, -1);
    const text = raw === '*' ? ':' : raw;
    const members = text.split(',');
    if (members.length > 1) {
      cur.push({ kind: 'union', members: members.map((m) => parseAction(`[${m.replace(/^ +| +$/g, '')}]`)) });
      return;
    }
    const key = dictKey.exec(text);
    if (key !== null) {
      cur.push(...parseAction(`.${key[1] ?? ''}`).nodes);
      return;
    }
    const slice = sliceOperator.exec(text);
    if (slice === null) throw new ParseError(`invalid array index ${text}`);
    const bounds: SliceBound[] = [];
    for (let i = 0; i < 3; i++) {
      const part = slice[i + 1] ?? '';
      const digits = i > 0 ? part.slice(1) : part;
      if (part !== '' && !(i > 0 && digits === '')) {
        const value = goAtoi(digits);
        if (value === undefined) throw new ParseError(`array index ${digits} is not a number`);
        bounds.push({ value, known: true, derived: false });
      } else if (part === '' && i === 1) bounds.push({ value: (bounds[0]?.value ?? 0) + 1, known: true, derived: true });
      else bounds.push({ value: 0, known: false, derived: false });
    }
    const [first, second, third] = bounds;
    if (first === undefined || second === undefined || third === undefined) throw new ParseError(`invalid array index ${text}`);
    cur.push({ kind: 'array', bounds: [first, second, third] });
  }

  /** parseFilter: up to the `)` outside quotes, then `]`; `left op right` or an existence test. */
  private parseFilter(cur: PathNode[]): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new ParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
        } else if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new ParseError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const parts = comparison.exec(text);
    if (parts === null) cur.push({ kind: 'filter', left: parseAction(text), right: { kind: 'list', nodes: [] }, operator: 'exists' });
    else cur.push({ kind: 'filter', left: parseAction(parts[1] ?? ''), right: parseAction(parts[3] ?? ''), operator: parts[2] ?? '' });
  }

  private parseQuote(cur: PathNode[], end: string): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new ParseError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    const text = unquoteExtend(value);
    if (E.isLeft(text)) throw new ParseError(`unquote string ${value} error ${text.left}`);
    cur.push({ kind: 'text', text: text.right });
  }

  /** parseField: a name up to an unescaped terminator, its backslashes dropped; `*` is every member. */
  private parseField(cur: PathNode[]): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    cur.push(value === '*' ? { kind: 'wildcard' } : { kind: 'field', name: value.replaceAll('\\', '') });
  }
}

const parseWith = (text: string): PathNode[] => {
  const scanner = new Scanner(text);
  scanner.parseText();
  return scanner.root;
};

/** parser.go :: parseAction: the one action of `{text}`. */
const parseAction = (text: string): PathList => {
  const [action] = parseWith(`{${text}}`);
  return action?.kind === 'list' ? action : { kind: 'list', nodes: [] };
};

/** parser.go :: Parse: a template's top-level nodes (text and actions), or the parser's error. */
export const parseJsonPath = (template: string): E.Either<string, PathNode[]> => {
  try {
    return E.right(parseWith(template));
  } catch (error) {
    if (error instanceof ParseError) return E.left(error.message);
    throw error;
  }
};
