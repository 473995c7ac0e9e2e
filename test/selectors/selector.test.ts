/** Label selectors: the cases of `apimachinery/pkg/labels/selector_test.go`, carried over as data. */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { formatLabelSelector, newRequirement, parseSelector, selectPods, selectorMatches, selectorString } from '../../src/selectors/index.js';
import type { LabelSelectorSpec, Labels, Operator, Requirement } from '../../src/selectors/index.js';
import { lex } from '../../src/selectors/lexer.js';
import type { V1Pod } from '../../src/k8s/pod.js';

const parsed = (s: string): readonly Requirement[] => {
  const r = parseSelector(s);
  if (E.isLeft(r)) throw new Error(`${s}: ${r.left}`);
  return r.right;
};
const req = (key: string, operator: Operator, values: string[] = []): Requirement => ({ key, operator, values });

describe('TestSelectorParse', () => {
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])(
    '"%s" parses and prints back without spaces',
    (s) => {
      expect(selectorString(parsed(s))).toBe(s.replaceAll(' ', ''));
    },
  );
  it.each(['x=a||y=b', 'x==a==b', '!x=a', 'x<a'])('"%s" is rejected', (s) => {
    expect(E.isLeft(parseSelector(s))).toBe(true);
  });
});

it('TestDeterministicParse: requirement order does not matter', () => {
  expect(selectorString(parsed('x=a,a=x'))).toBe(selectorString(parsed('a=x,x=a')));
});

describe('TestSelectorMatches', () => {
  const cases: [string, Labels, boolean][] = [
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true], // in and notin in exactMatch
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['foo=bar', { foo: 'bar', baz: 'blah' }, true],
    ['baz=blah', { foo: 'bar', baz: 'blah' }, true],
    ['foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }, true],
    ['foo=blah', { foo: 'bar', baz: 'blah' }, false],
    ['baz=bar', { foo: 'bar', baz: 'blah' }, false],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
  ];
  it.each(cases)('"%s" on %j matches: %s', (s, labels, want) => {
    expect(selectorMatches(parsed(s), labels)).toBe(want);
  });
});

describe('TestLexer', () => {
  it.each([
    ['', 'EndOfString'],
    [',', 'Comma'],
    ['notin', 'NotIn'],
    ['in', 'In'],
    ['=', 'Equals'],
    ['==', 'DoubleEquals'],
    ['>', 'GreaterThan'],
    ['<', 'LessThan'],
    ['!', 'DoesNotExist'], // Lex returns the longest valid token found
    ['!=', 'NotEquals'],
    ['(', 'OpenPar'],
    [')', 'ClosedPar'],
    ['~', 'Identifier'], // non-"special" characters are part of an identifier
    ['||', 'Identifier'],
  ])('"%s" is %s', (s, token) => {
    expect(lex(s)[0]).toEqual({ token, literal: s });
  });

  it.each([
    ['key in ( value )', ['Identifier', 'In', 'OpenPar', 'Identifier', 'ClosedPar']],
    ['key notin ( value )', ['Identifier', 'NotIn', 'OpenPar', 'Identifier', 'ClosedPar']],
    ['key in ( value1, value2 )', ['Identifier', 'In', 'OpenPar', 'Identifier', 'Comma', 'Identifier', 'ClosedPar']],
    ['key', ['Identifier']],
    ['!key', ['DoesNotExist', 'Identifier']],
    ['()', ['OpenPar', 'ClosedPar']],
    ['x in (),y', ['Identifier', 'In', 'OpenPar', 'ClosedPar', 'Comma', 'Identifier']],
    ['== != (), = notin', ['DoubleEquals', 'NotEquals', 'OpenPar', 'ClosedPar', 'Comma', 'Equals', 'NotIn']],
    ['key>2', ['Identifier', 'GreaterThan', 'Identifier']],
    ['key<1', ['Identifier', 'LessThan', 'Identifier']],
  ])('TestLexerSequence "%s"', (s, tokens) => {
    expect(lex(s).map((i) => i.token)).toEqual([...tokens, 'EndOfString']);
  });
});

describe('TestRequirementConstructor', () => {
  it.each<[string, Operator, string[], boolean]>([
    ['x', 'in', [], false],
    ['x', 'notin', [], false],
    ['x', 'in', ['foo'], true],
    ['x', 'notin', ['foo'], true],
    ['x', 'exists', [], true],
    ['x', '!', [], true],
    ['1foo', 'in', ['bar'], true],
    ['1234', 'in', ['bar'], true],
    ['y', 'gt', ['1'], true],
    ['z', 'lt', ['6'], true],
    ['foo', 'gt', ['bar'], false],
    ['barz', 'lt', ['blah'], false],
    ['a'.repeat(254), 'exists', [], false], // breaks DNS rule that len(key) <= 253
  ])('%s %s %j valid: %s', (key, op, values, ok) => {
    expect(E.isRight(newRequirement(key, op, values))).toBe(ok);
  });
});

describe('TestToString', () => {
  it.each<[Requirement[], string]>([
    [[req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')], 'x in (abc,def),y notin (jkl),z'],
    [[req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')], 'x notin (abc,def),y!=jkl,!z'],
    [[req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
    [[req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')], 'x=abc,y==jkl,z!=a,z'],
    [[req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], 'x>2,y<8,z'],
  ])('%j prints as %s', (selector, text) => {
    expect(selectorString(selector)).toBe(text);
  });
});

describe('TestRequirementSelectorMatching', () => {
  it.each<[Labels, Requirement[], boolean]>([
    [{ x: 'foo', y: 'baz' }, [req('x', 'in', ['foo']), req('y', 'notin', ['alpha'])], true],
    [{ x: 'foo', y: 'baz' }, [req('x', 'in', ['foo']), req('y', 'in', ['alpha'])], false],
    [{ y: '' }, [req('x', 'notin', ['']), req('y', 'exists')], true],
    [{ y: '' }, [req('x', '!'), req('y', 'exists')], true],
    [{ y: '' }, [req('x', 'notin', ['']), req('y', '!')], false],
    [{ y: 'baz' }, [req('x', 'in', [''])], false],
    [{ z: '2' }, [req('z', 'gt', ['1'])], true],
    [{ z: 'v2' }, [req('z', 'gt', ['1'])], false],
  ])('%j against %j matches: %s', (labels, selector, want) => {
    expect(selectorMatches(selector, labels)).toBe(want);
  });
});

describe('TestSetSelectorParser', () => {
  const valid: [string, Requirement[]][] = [
    ['', []],
    ['\rx', [req('x', 'exists')]],
    ['this-is-a-dns.domain.com/key-with-dash', [req('this-is-a-dns.domain.com/key-with-dash', 'exists')]],
    [
      'this-is-another-dns.domain.com/key-with-dash in (so,what)',
      [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])],
    ],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])]],
    ['foo  in\t (abc)', [req('foo', 'in', ['abc'])]],
    ['x notin\n (abc)', [req('x', 'notin', ['abc'])]],
    ['x  notin\t\t\t(abc,def)', [req('x', 'notin', ['abc', 'def'])]],
    ['x in (abc,def)', [req('x', 'in', ['abc', 'def'])]],
    ['x in (abc,)', [req('x', 'in', ['', 'abc'])]],
    ['x in ()', [req('x', 'in', [''])]],
    [
      'x notin (abc,,def),bar,z in (),w',
      [req('bar', 'exists'), req('w', 'exists'), req('x', 'notin', ['', 'abc', 'def']), req('z', 'in', [''])],
    ],
    ['x,y in (a)', [req('x', 'exists'), req('y', 'in', ['a'])]],
    ['x=a', [req('x', '=', ['a'])]],
    ['x>1', [req('x', 'gt', ['1'])]],
    ['x<7', [req('x', 'lt', ['7'])]],
    ['x=a,y!=b', [req('x', '=', ['a']), req('y', '!=', ['b'])]],
    ['x=a,y!=b,z in (h,i,j)', [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])]],
    ['x notin ( )', [req('x', 'notin', [''])]],
    ['x notin (, a)', [req('x', 'notin', ['', 'a'])]],
    ['a ', [req('a', 'exists')]],
    ['a in (x,y,notin, z,in)', [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])]], // operator 'in' inside list of identifiers
  ];
  it.each(valid)('"%s" parses', (s, want) => {
    expect(parsed(s)).toEqual(want);
  });

  it.each([
    'x=a||y=b',
    ',x,y',
    'x nott in (y)',
    'a in (xyz),',
    'a in (xyz)b notin ()',
    'a in (xyz abc)', // no comma
    'a notin(', // bad formed
    'a (', // cpar
    '(', // opar
  ])('"%s" is rejected', (s) => {
    expect(E.isLeft(parseSelector(s))).toBe(true);
  });
});

describe('error messages: one line naming the bad part', () => {
  it.each([
    ['x=a||y=b', "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x<a', "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['-a', "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
  ])('"%s"', (s, message) => {
    expect(parseSelector(s)).toEqual(E.left(message));
  });
});

describe('selectPods', () => {
  const pods: V1Pod[] = [
    { metadata: { name: 'a', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [] } },
    { metadata: { name: 'b', namespace: 'prod', labels: { app: 'web', tier: 'fe' } }, spec: { containers: [] } },
    { metadata: { name: 'c', labels: { app: 'db' } }, spec: { containers: [] } },
  ];
  const names = (ps: readonly V1Pod[]) => ps.map((p) => p.metadata.name);

  it('keeps the pods of one namespace (a pod without one is in "default")', () => {
    expect(names(selectPods(pods, { namespace: 'default' }))).toEqual(['a', 'c']);
  });
  it('keeps every namespace when none is given, and applies the selector', () => {
    expect(names(selectPods(pods, { selector: parsed('app=web,!tier') }))).toEqual(['a']);
    expect(names(selectPods(pods, { selector: parsed('app in (web,db)') }))).toEqual(['a', 'b', 'c']);
  });
});

describe('formatLabelSelector (metav1.FormatLabelSelector)', () => {
  it.each<[LabelSelectorSpec, string]>([
    [{}, '<none>'],
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }, { key: 'canary', operator: 'DoesNotExist' }] }, 'app=web,!canary,tier in (be,fe)'],
    [{ matchExpressions: [{ key: 'zone', operator: 'Exists' }, { key: 'env', operator: 'NotIn', values: ['dev'] }] }, 'env notin (dev),zone'],
    [{ matchExpressions: [{ key: 'x', operator: 'Gt', values: ['1'] }] }, '<error>'],
    [{ matchLabels: { 'bad key!': 'v' } }, '<error>'],
  ])('%j prints as %s', (spec, want) => {
    expect(formatLabelSelector(spec)).toBe(want);
  });
});
