/**
 * Kubernetes' custom-columns cases as data: `staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn_test.go` at
 * kubectl v0.36.3 (`TestMassageJSONPath`, `TestNewColumnPrinterFromSpec`, `TestColumnPrint`), put to
 * `relaxedPath`, `parseCustomColumns` and `printCustomColumns`; a parsed path is upstream's field spec, `{.path}`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, test } from 'vitest';
import { parseCustomColumns, printCustomColumns, type CustomColumn } from '../../src/printers/custom-columns.js';
import { relaxedPath } from '../../src/printers/jsonpath.js';

/** A parse result as upstream compares it: the field spec, or an error. */
const braced = (r: E.Either<string, string>): string | 'error' => (E.isLeft(r) ? 'error' : r.right);

// customcolumn_test.go :: TestMassageJSONPath
describe('customcolumn_test.go (kubectl v0.36.3) :: TestMassageJSONPath', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['', ''],
    ['foo.bar', '{.foo.bar}'],
    ['{foo.bar}', '{.foo.bar}'],
    ['.foo.bar', '{.foo.bar}'],
    ['{.foo.bar}', '{.foo.bar}'],
    ['{foo.bar', 'error'],
    ['foo.bar}', 'error'],
    ['{foo.bar}}', 'error'],
    ['{{foo.bar}', 'error'],
  ];
  test.each(cases)('%s', (input, expected) => {
    expect(braced(relaxedPath(input))).toBe(expected);
  });
});

// customcolumn_test.go :: TestNewColumnPrinterFromSpec
describe('customcolumn_test.go (kubectl v0.36.3) :: TestNewColumnPrinterFromSpec', () => {
  const cases: ReadonlyArray<readonly [string, string, readonly (readonly [string, string])[] | 'error']> = [
    ['empty', '', 'error'],
    ['invalid1', 'invalid', 'error'],
    ['invalid2', 'invalid=foobar', 'error'],
    ['invalid3', 'invalid,foobar:blah', 'error'],
    [
      'ok',
      'NAME:metadata.name,API_VERSION:apiVersion',
      [
        ['NAME', '{.metadata.name}'],
        ['API_VERSION', '{.apiVersion}'],
      ],
    ],
    ['no-headers', 'API_VERSION:apiVersion', [['API_VERSION', '{.apiVersion}']]],
    // not upstream's: SplitN(part, ":", 2) leaves an empty header, which kubectl prints as such
    ['an empty header', ':metadata.name', [['', '{.metadata.name}']]],
    ['a blank spec is a spec without a colon', ' ', 'error'],
  ];
  test.each(cases)('%s', (_name, spec, expected) => {
    const parsed = parseCustomColumns(spec);
    expect(E.isLeft(parsed) ? 'error' : parsed.right.map((c) => [c.header, c.path])).toEqual(expected);
  });
});

// customcolumn_test.go :: TestColumnPrint (a single object is a list of one here: podj prints lists of pods)
describe('customcolumn_test.go (kubectl v0.36.3) :: TestColumnPrint', () => {
  const name: CustomColumn = { header: 'NAME', path: '{.metadata.name}' };
  const apiVersion: CustomColumn = { header: 'API_VERSION', path: '{.apiVersion}' };
  const notFound: CustomColumn = { header: 'NOT_FOUND', path: '{.notFound}' };
  const pod = (podName: string, version?: string) => ({ metadata: { name: podName }, ...(version !== undefined && { apiVersion: version }) });
  const cases: ReadonlyArray<readonly [string, readonly CustomColumn[], readonly unknown[], string]> = [
    ['one pod', [name], [pod('foo')], 'NAME\nfoo\n'],
    ['a list of two', [name], [pod('foo'), pod('bar')], 'NAME\nfoo\nbar\n'],
    ['two columns', [name, apiVersion], [pod('foo', 'baz')], 'NAME   API_VERSION\nfoo    baz\n'],
    ['a field not found', [name, apiVersion, notFound], [pod('foo', 'baz')], 'NAME   API_VERSION   NOT_FOUND\nfoo    baz           <none>\n'],
    ['terminal escapes', [name], [pod('\x1b \r')], 'NAME\n^[ \\r\n'],
  ];
  test.each(cases)('%s', (_what, columns, objects, expected) => {
    expect(printCustomColumns(columns, objects, true)).toEqual({ text: expected });
  });
});

// customcolumn.go :: printOneObject over client-go's jsonpath: values as fmt's %v, an error stops the printing
describe('custom-columns cells as printOneObject prints them', () => {
  const column = (path: string): CustomColumn => ({ header: 'X', path });
  test('a float64 as %v, an int64 as its digits, a map as map[k:v]', () => {
    const object = { a: 1234567.5, b: 12, c: { z: 1, y: 0.25 } };
    expect(printCustomColumns([column('{.a}'), column('{.b}'), column('{.c}')], [object], false)).toEqual({ text: '1.2345675e+06   12    map[y:0.25 z:1]\n' });
  });
  test('an index past the end is client-go\'s error, not <none>, after the headers and the rows before it (PrintObj\'s deferred Flush)', () => {
    expect(printCustomColumns([column('{.items[1]}')], [{ items: [1, 2] }, { items: [1] }, { items: [1, 2] }], true)).toEqual({ text: 'X\n2\n', error: 'array index out of bounds: index 1, length 1' });
  });
  test('a template the parser refuses stops the printer after the headers, over no object too (PrintObj parses each column after writing them)', () => {
    const unterminated = { text: 'NAME   X\n', error: 'unterminated array' };
    expect(printCustomColumns([{ header: 'NAME', path: '{.metadata.name}' }, column('{.items[}')], [], true)).toEqual(unterminated);
    expect(printCustomColumns([{ header: 'NAME', path: '{.metadata.name}' }, column('{.items[}')], [{ metadata: { name: 'p' } }], true)).toEqual(unterminated);
    expect(printCustomColumns([column('{.items[}')], [], false)).toEqual({ text: '', error: 'unterminated array' });
  });
  test('a $-rooted path is {.$.x}, a field with no name, so it finds nothing (parser.go :: parseField stops at $)', () => {
    const path = relaxedPath('$.metadata.name');
    expect(path).toEqual(E.right('{.$.metadata.name}'));
    expect(printCustomColumns([column(E.isRight(path) ? path.right : '')], [{ metadata: { name: 'p' } }], false)).toEqual({ text: '<none>\n' });
  });
  test('the empty expression finds nothing', () => {
    expect(printCustomColumns([column('')], [{ a: 1 }], false)).toEqual({ text: '<none>\n' });
  });
});
