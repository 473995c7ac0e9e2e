/**
 * The label-selector parser: a port of `apimachinery/pkg/labels/selector.go :: Parser` (recursive
 * descent over the lexer's tokens), with its error messages.
 *
 *   <selector>    ::= <requirement> | <requirement> "," <selector>
 *   <requirement> ::= [!] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { lex, type Scanned, type Token } from './lexer.js';
import { keyError, newRequirement, sortedByKey, type Operator, type Requirement } from './requirement.js';

/** Where a token is read: in the Values context the keywords `in` and `notin` are plain identifiers. */
type Context = 'KeyAndOperator' | 'Values';

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

const operatorOf: Partial<Record<Token, Operator>> = {
  In: 'in',
  Equals: '=',
  DoubleEquals: '==',
  GreaterThan: 'gt',
  LessThan: 'lt',
  NotIn: 'notin',
  NotEquals: '!=',
};

class ParseError {
  constructor(readonly message: string) {}
}

/** The cursor over the scanned tokens (`lookahead`/`consume`). */
class Cursor {
  private position = 0;
  constructor(private readonly items: readonly Scanned[]) {}

  lookahead(context: Context): Scanned {
    // `lex` always ends with EndOfString and nothing reads past it.
    const item = this.items[Math.min(this.position, this.items.length - 1)] ?? { token: 'EndOfString', literal: '' };
    return context === 'Values' && (item.token === 'In' || item.token === 'NotIn') ? { ...item, token: 'Identifier' } : item;
  }

  consume(context: Context): Scanned {
    const item = this.lookahead(context);
    this.position++;
    return item;
  }
}

const fail = (message: string): never => {
  throw new ParseError(message);
};

/** A key, and `exists`/`!` when no binary operator follows (`parseKeyAndInferOperator`). */
const parseKeyAndInferOperator = (c: Cursor): { readonly key: string; readonly unary?: Operator } => {
  let item = c.consume('Values');
  const negated = item.token === 'DoesNotExist';
  if (negated) item = c.consume('Values');
  if (item.token !== 'Identifier') fail(`found '${item.literal}', expected: identifier`);
  const err = keyError(item.literal, undefined);
  if (err !== undefined) fail(err);
  const next = c.lookahead('Values').token;
  const bare = next === 'EndOfString' || next === 'Comma';
  return negated ? { key: item.literal, unary: '!' } : bare ? { key: item.literal, unary: 'exists' } : { key: item.literal };
};

const parseOperator = (c: Cursor): Operator => {
  const item = c.consume('KeyAndOperator');
  return operatorOf[item.token] ?? fail(`found '${item.literal}', expected: ${binaryOperators}`);
};

/** A (possibly empty) comma-separated list of (possibly empty) values (`parseIdentifiersList`). */
const parseIdentifiersList = (c: Cursor): Set<string> => {
  const s = new Set<string>();
  for (;;) {
    const item = c.consume('Values');
    switch (item.token) {
      case 'Identifier': {
        s.add(item.literal);
        const next = c.lookahead('Values');
        if (next.token === 'Comma') continue;
        if (next.token === 'ClosedPar') return s;
        return fail(`found '${next.literal}', expected: ',' or ')'`);
      }
      case 'Comma': {
        if (s.size === 0) s.add(''); // "(,"
        const next = c.lookahead('Values').token;
        if (next === 'ClosedPar') {
          s.add(''); // ",)"
          return s;
        }
        if (next === 'Comma') {
          c.consume('Values');
          s.add(''); // ",,"
        }
        continue;
      }
      default:
        return fail(`found '${item.literal}', expected: ',', or identifier`);
    }
  }
};

/** `(a,b)` after `in`/`notin` (`parseValues`). */
const parseValues = (c: Cursor): Set<string> => {
  const open = c.consume('Values');
  if (open.token !== 'OpenPar') fail(`found '${open.literal}' expected: '('`);
  const first = c.lookahead('Values');
  switch (first.token) {
    case 'Identifier':
    case 'Comma': {
      const s = parseIdentifiersList(c);
      if (c.consume('Values').token !== 'ClosedPar') fail(`found '${first.literal}', expected: ')'`);
      return s;
    }
    case 'ClosedPar':
      c.consume('Values');
      return new Set(['']); // "()"
    default:
      return fail(`found '${first.literal}', expected: ',', ')' or identifier`);
  }
};

/** The single value after `=`, `==`, `!=`, `>` or `<`; nothing at all is the empty value (`parseExactValue`). */
const parseExactValue = (c: Cursor): Set<string> => {
  const next = c.lookahead('Values').token;
  if (next === 'EndOfString' || next === 'Comma') return new Set(['']);
  const item = c.consume('Values');
  return item.token === 'Identifier' ? new Set([item.literal]) : fail(`found '${item.literal}', expected: identifier`);
};

const parseRequirement = (c: Cursor): Requirement => {
  const { key, unary } = parseKeyAndInferOperator(c);
  const operator = unary ?? parseOperator(c);
  const values =
    unary !== undefined ? new Set<string>() : operator === 'in' || operator === 'notin' ? parseValues(c) : parseExactValue(c);
  // sets.String.List(): sorted, without duplicates
  return pipe(
    newRequirement(key, operator, [...values].sort()),
    E.getOrElse((message): Requirement => fail(message)),
  );
};

const parseAll = (c: Cursor): Requirement[] => {
  const requirements: Requirement[] = [];
  for (;;) {
    const item = c.lookahead('Values');
    switch (item.token) {
      case 'Identifier':
      case 'DoesNotExist': {
        try {
          requirements.push(parseRequirement(c));
        } catch (e) {
          if (e instanceof ParseError) fail(`unable to parse requirement: ${e.message}`);
          throw e;
        }
        const after = c.consume('Values');
        if (after.token === 'EndOfString') return requirements;
        if (after.token !== 'Comma') fail(`found '${after.literal}', expected: ',' or 'end of string'`);
        const next = c.lookahead('Values');
        if (next.token !== 'Identifier' && next.token !== 'DoesNotExist') {
          fail(`found '${next.literal}', expected: identifier after ','`);
        }
        continue;
      }
      case 'EndOfString':
        return requirements;
      default:
        return fail(`found '${item.literal}', expected: !, identifier, or 'end of string'`);
    }
  }
};

/**
 * Parses a label selector (`labels.Parse`). Right: the requirements sorted by key (the empty selector
 * matches everything); Left: kubectl's one-line error.
 */
export const parseSelector = (selector: string): E.Either<string, readonly Requirement[]> => {
  try {
    const requirements = parseAll(new Cursor(lex(selector)));
    return E.right(sortedByKey(requirements));
  } catch (e) {
    if (e instanceof ParseError) return E.left(e.message);
    throw e;
  }
};
