/** The label-selector lexer: a port of `apimachinery/pkg/labels/selector.go :: Lexer`. */

export type Token =
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

export interface Scanned {
  readonly token: Token;
  readonly literal: string;
}

/** Literals that are tokens of their own (`string2token`). */
const literalTokens: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['in', 'In'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['notin', 'NotIn'],
  ['(', 'OpenPar'],
]);

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch);

/** The longest run of special symbols that is still a token (`scanSpecialSymbol`); every single symbol is one. */
const scanSpecialSymbol = (s: string, start: number): { readonly item: Scanned; readonly end: number } => {
  let item: Scanned = { token: literalTokens.get(s.charAt(start)) ?? 'Identifier', literal: s.charAt(start) };
  let end = start + 1;
  for (let pos = start + 1; pos < s.length && isSpecialSymbol(s.charAt(pos)); pos++) {
    const token = literalTokens.get(s.slice(start, pos + 1));
    if (token === undefined) break;
    item = { token, literal: s.slice(start, pos + 1) };
    end = pos + 1;
  }
  return { item, end };
};

/** Identifiers run to the next whitespace or special symbol; `in` and `notin` are keywords (`scanIDOrKeyword`). */
const scanIdOrKeyword = (s: string, start: number): { readonly item: Scanned; readonly end: number } => {
  let end = start;
  while (end < s.length && !isSpecialSymbol(s.charAt(end)) && !isWhitespace(s.charAt(end))) end++;
  const literal = s.slice(start, end);
  return { item: { token: literalTokens.get(literal) ?? 'Identifier', literal }, end };
};

/** Every token of `s`, ending with one `EndOfString` (the parser's `scan`). */
export const lex = (s: string): Scanned[] => {
  const items: Scanned[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s.charAt(pos))) pos++;
    if (pos >= s.length) {
      items.push({ token: 'EndOfString', literal: '' });
      return items;
    }
    const { item, end } = isSpecialSymbol(s.charAt(pos)) ? scanSpecialSymbol(s, pos) : scanIdOrKeyword(s, pos);
    items.push(item);
    pos = end;
  }
};
