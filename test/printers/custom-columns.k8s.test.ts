/**
 * Kubernetes' custom-columns cases as data: `staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn_test.go` at
 * kubectl v0.36.3 (`TestMassageJSONPath`, `TestNewColumnPrinterFromSpec`, `TestNewColumnPrinterFromTemplate`,
 * `TestColumnPrint`), put to `relaxedPath`, `parseCustomColumns`, `customColumnsFromTemplate` and `printCustomColumns`; a parsed path is upstream's field spec, `{.path}`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, test } from 'vitest';
import { customColumnsFromTemplate, parseCustomColumns, printCustomColumns, type CustomColumn } from '../../src/printers/custom-columns.js';
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

// customcolumn_test.go :: TestNewColumnPrinterFromTemplate (`-o custom-columns-file=FILE`)
describe('customcolumn_test.go (kubectl v0.36.3) :: TestNewColumnPrinterFromTemplate', () => {
  const columns: readonly (readonly [string, string])[] = [
    ['NAME', '{.metadata.name}'],
    ['API_VERSION', '{.apiVersion}'],
  ];
  const cases: ReadonlyArray<readonly [string, string, readonly (readonly [string, string])[] | string]> = [
    ['empty', '', 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['invalid1', 'invalid', 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['invalid2', 'invalid=foobar', 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['invalid3', 'invalid,foobar:blah', 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['ok', 'NAME               API_VERSION\n{metadata.name}    {apiVersion}', columns],
    ['ok-2', 'NAME               \t\tAPI_VERSION\n\t\t\t\t\t\t\t{metadata.name}    {apiVersion}', columns],
    // not upstream's: bufio.ScanLines ends a line at its newline, dropping a \r; a third line is not read
    ['a file as an editor writes it', 'NAME API_VERSION\r\n{metadata.name} {apiVersion}\r\n', columns],
    ['a header line alone, with its newline', 'NAME\n', 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['more headers than paths', 'NAME API_VERSION\n{metadata.name}\nkind', "number of headers (2) and field specifications (1) don't match"],
    ['a path RelaxedJSONPathExpression refuses', 'NAME\n{metadata.name', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
  ];
  test.each(cases)('%s', (_name, template, expected) => {
    const parsed = customColumnsFromTemplate(template);
    expect(E.isLeft(parsed) ? parsed.left : parsed.right.map((c) => [c.header, c.path])).toEqual(expected);
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
