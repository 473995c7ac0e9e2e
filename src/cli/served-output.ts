/** The outputs every resource shares once it is a served object: json and yaml `List`s, name, jsonpath, custom-columns. */
import { printCustomColumns } from '../printers/index.js';
import { goJson } from '../printers/go-json.js';
import { unstructured } from '../printers/unstructured.js';
import { customColumnsOrBadInput, jsonPathText } from './jsonpath-output.js';
import type { Output } from './output-format.js';

const list = (items: readonly unknown[]): Record<string, unknown> => ({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });

/**
 * What the output prints for served objects, their keys sorted as kubectl prints them (`unstructured`); `table`
 * prints the kubectl table (plain or wide). `singleItem`: one
 * object was asked for by name, so json, yaml and jsonpath print it alone, not in a List (`get.go :: printGeneric`).
 */
export const printServed = async (
  output: Output,
  objects: ReadonlyArray<{ readonly kind: string; readonly metadata: { readonly name: string } }>,
  opts: { readonly headers: boolean; readonly singleItem: boolean },
  table: (wide: boolean) => string,
): Promise<string> => {
  const [only, ...others] = objects;
  const document = unstructured(opts.singleItem && only !== undefined && others.length === 0 ? only : list(objects));
  const headers = opts.headers;
  switch (output.kind) {
    case 'jsonpath':
      return jsonPathText(output.template, document);
    case 'custom-columns':
      return customColumnsOrBadInput(printCustomColumns(output.columns, objects.map(unstructured), headers));
    case 'named':
      switch (output.format) {
        case 'json':
          return `${goJson(document)}\n`;
        case 'yaml':
          // Loaded only when asked for: the YAML library is a large part of the CLI's code.
          return (await import('../printers/get-pods-yaml.js')).yamlOf(document);
        case 'name':
          return objects.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}\n`).join('');
        case 'table':
        case 'wide':
          return table(output.format === 'wide');
        default: {
          const unreachable: never = output.format;
          return unreachable;
        }
      }
    default: {
      const unreachable: never = output;
      return unreachable;
    }
  }
};
