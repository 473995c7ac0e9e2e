import { describe, expect, it } from 'vitest';
import { documentsOf, type Doc } from '../../src/importers/index.js';

const docs = async (text: string): Promise<Doc[]> => {
  const out: Doc[] = [];
  for await (const d of documentsOf(text.split('\n'))) out.push(d);
  return out;
};

describe('documentsOf', () => {
  it('reads JSON lines, one document per line with its line number', async () => {
    expect(await docs('{"a":1}\n\n{"b":"}{"}\n')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { b: '}{' } },
    ]);
  });

  it('reads pretty-printed and concatenated JSON, starting lines included', async () => {
    expect(await docs('{\n  "a": [1,\n 2]\n}\n{"b": 1}{"c": 2}')).toEqual([
      { line: 1, value: { a: [1, 2] } },
      { line: 5, value: { b: 1 } },
      { line: 5, value: { c: 2 } },
    ]);
  });

  it('reads a top-level JSON array as one document per element', async () => {
    expect(await docs('[{"a":1},\n{"a":2}]')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 1, value: { a: 2 } },
    ]);
  });

  it('reads a YAML stream separated by ---, skipping empty documents', async () => {
    expect(await docs('# pods\napiVersion: v1\nkind: Pod\n---\n---\ntype: ADDED\nobject:\n  kind: Pod\n')).toEqual([
      { line: 2, value: { apiVersion: 'v1', kind: 'Pod' } },
      { line: 6, value: { type: 'ADDED', object: { kind: 'Pod' } } },
    ]);
  });

  it('reports a broken JSON line alone, and goes on with the next lines', async () => {
    const out = await docs('{"a":1}\n{"b":\n{"c":3}\nnot json\n');
    expect(out).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, error: 'invalid JSON: the line ends inside an object' },
      { line: 3, value: { c: 3 } },
      { line: 4, error: 'not JSON: unexpected "not json"' },
    ]);
  });

  it('reports a pretty-printed document cut short at its first line', async () => {
    expect(await docs('{\n "a": 1,\n')).toEqual([{ line: 1, error: 'invalid JSON: the input ends inside an object' }]);
  });

  it('reports a pretty-printed JSON document at the line and column of its fault, not at its first line', async () => {
    // a PodList missing a comma at the end of line 4: the parser stops at the next property, line 5 column 2
    expect(await docs('{\n "kind": "PodList",\n "items": [],\n "metadata": {}\n "apiVersion": "v1"\n}\n')).toEqual([
      { line: 5, error: "invalid JSON: Expected ',' or '}' after property value (column 2)" },
    ]);
  });

  it('a YAML error names its column, not the line within its document (the file:line is the file\'s)', async () => {
    // the parser said "at line 3, column 9:", its document's third line: the file's fifth
    const [, second] = await docs('a: 1\n---\nkind: Pod\nmetadata:\n  name: x\n   labels: y\n');
    expect(second).toEqual({ line: 5, error: 'invalid YAML: Nested mappings are not allowed in compact mappings (column 9)' });
  });

  it('reports YAML syntax errors at the line they are on', async () => {
    const [first, second] = await docs('a: 1\n---\nb: [1, 2\nc: 3\n');
    expect(first).toEqual({ line: 1, value: { a: 1 } });
    expect(second).toMatchObject({ line: 4 });
    expect(second !== undefined && 'error' in second && second.error.startsWith('invalid YAML: ')).toBe(true);
  });
});
