/**
 * kubectl's JSONPath templates (`k8s.io/client-go/util/jsonpath :: Parse, FindResults, PrintResults`): text
 * outside braces printed as it is, `{.path}` the values found (several joined by a space; strings raw, other
 * values as compact JSON), `{"literal"}`, and `{range .path}…{end}` repeating its body per value. The path
 * expressions themselves (`.a.b`, `[*]`, `[0]`, `[1:3]`, `..name`, `[?(@.type=="Ready")]`) are evaluated by
 * jsonpath-plus (v10: v11 needs Node 22). A missing key prints nothing, as kubectl's
 * `--allow-missing-template-keys` (default true) does.
 */
import * as E from 'fp-ts/lib/Either.js';
import { JSONPath } from 'jsonpath-plus';

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'range'; readonly path: string; readonly body: readonly Node[] };

/** The `{…}` actions and the text between them. */
const tokens = (template: string): E.Either<string, Array<{ readonly action: boolean; readonly text: string }>> => {
  const out: Array<{ action: boolean; text: string }> = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out.push({ action: false, text: template.slice(i) });
      break;
    }
    if (open > i) out.push({ action: false, text: template.slice(i, open) });
    const close = closingBrace(template, open);
    if (close < 0) return E.left(`unclosed action in template ${JSON.stringify(template)}`);
    out.push({ action: true, text: template.slice(open + 1, close).trim() });
    i = close + 1;
  }
  return E.right(out);
};

/** The `}` that closes the action opened at `open`, skipping quoted literals. */
const closingBrace = (s: string, open: number): number => {
  let quote: string | undefined;
  for (let i = open + 1; i < s.length; i++) {
    const ch = s[i];
    if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '}') return i;
  }
  return -1;
};

/** Parses a template into its nodes, or says what is wrong with it. */
export const parseJsonPathTemplate = (template: string): E.Either<string, Node[]> => {
  const toks = tokens(template);
  if (E.isLeft(toks)) return toks;
  const stack: Node[][] = [[]];
  const ranges: string[] = [];
  for (const tok of toks.right) {
    const top = stack[stack.length - 1] ?? [];
    if (!tok.action) top.push({ kind: 'text', text: tok.text });
    else if (tok.text.startsWith('range ')) {
      ranges.push(tok.text.slice('range '.length).trim());
      stack.push([]);
    } else if (tok.text === 'end') {
      const body = stack.pop();
      const path = ranges.pop();
      const parent = stack[stack.length - 1];
      if (body === undefined || path === undefined || parent === undefined) return E.left('not in range, nothing to end');
      parent.push({ kind: 'range', path, body });
    } else if (/^"(?:[^"\\]|\\.)*"$/.test(tok.text)) top.push({ kind: 'text', text: JSON.parse(tok.text) as string });
    else if (tok.text !== '') top.push({ kind: 'path', path: tok.text });
  }
  if (ranges.length > 0) return E.left('unclosed range, expected {end}');
  return E.right(stack[0] ?? []);
};

/** A field name with a backslash escape in it (`kubernetes\.io/hostname`), up to client-go's terminators. */
const escapedField = /\.((?:[^\\.,[\]$@{}\s=!<>()'"]|\\.)*\\.(?:[^\\.,[\]$@{}\s=!<>()'"]|\\.)*)/g;

/**
 * client-go parser.go :: parseField reads a field up to a terminator, a backslash escaping the character after
 * it, and drops the backslashes (`.metadata.labels.kubernetes\.io/hostname` is the label kubernetes.io/hostname):
 * such a field is given to jsonpath-plus in brackets, as `['kubernetes.io/hostname']`, in a filter too.
 */
const bracketEscapedFields = (path: string): string =>
  path.replace(escapedField, (field: string, escaped: string) => {
    const name = escaped.replace(/\\(.)/g, '$1');
    // a name a quoted bracket cannot hold as it is stays as written
    return /['\\]/.test(name) ? field : `['${name}']`;
  });

/**
 * The values a kubectl path finds in `json`: `.a` and `[0]` from the current object, `$` from the root. An empty
 * subscript is every element (`parser.go :: parseArray` reads `[]` as the slice with no bounds:
 * `--sort-by={.spec.containers[].resources.requests.cpu}` in kubectl's own tests), which jsonpath-plus spells `[*]`.
 */
export const findValues = (rawPath: string, json: unknown): unknown[] => {
  const path = bracketEscapedFields(rawPath.replace(/\[\s*\]/g, '[*]'));
  const expression = path.startsWith('$')
    ? path
    : path.startsWith('@')
      ? `$${path.slice(1)}`
      : `$${path.startsWith('.') || path.startsWith('[') ? '' : '.'}${path}`;
  if (json === null || typeof json !== 'object') return expression === '$' ? [json] : [];
  // A filter reading a key some items lack keeps the items that have it (client-go evaluates with missing keys
  // allowed, as kubectl asks: jsonpath_test.go :: TestFilterPartialMatchesSometimesMissingAnnotations), where
  // jsonpath-plus would throw on the first item without it.
  const found: unknown = JSONPath({ path: expression, json, wrap: true, ignoreEvalErrors: true });
  return Array.isArray(found) ? found : [];
};

/** customcolumn.go :: jsonRegexp: one path, in braces or not, its leading dot optional, no brace inside. */
const relaxedForm = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * customcolumn.go :: RelaxedJSONPathExpression (custom columns and `--sort-by`): `{.x}`, `{x}`, `.x` and `x`
 * all name the field x; unbalanced or nested braces are refused with kubectl's words. An empty path stays
 * the whole object, and a `$`-rooted one is kept as written.
 */
export const relaxedPath = (path: string): E.Either<string, string> => {
  const trimmed = path.trim();
  if (trimmed === '') return E.right('.');
  const match = relaxedForm.exec(trimmed);
  const inner = match?.[1] ?? match?.[2];
  if (inner === undefined) {
    return E.left("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return E.right(inner.startsWith('$') ? inner : `.${inner}`);
};

const textOf = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const render = (nodes: readonly Node[], json: unknown): string =>
  nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.text;
        case 'path':
          return findValues(node.path, json).map(textOf).join(' ');
        case 'range':
          return findValues(node.path, json)
            .map((item) => render(node.body, item))
            .join('');
        default: {
          const unreachable: never = node;
          return unreachable;
        }
      }
    })
    .join('');

/** `-o jsonpath=TEMPLATE` over a document (a Pod, or a v1 List). */
export const printJsonPath = (template: string, document: unknown): E.Either<string, string> =>
  E.map((nodes: Node[]) => render(nodes, document))(parseJsonPathTemplate(template));
