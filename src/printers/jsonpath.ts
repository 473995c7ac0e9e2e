/**
 * kubectl's JSONPath templates (`k8s.io/client-go/util/jsonpath`, v0.36.3): text outside braces printed as it
 * is, each `{…}` action the values its path finds (`jsonpath-parse.ts`, `jsonpath-eval.ts`), and
 * `{range PATH}…{end}` repeating its body per value found. A missing key prints nothing, as kubectl's
 * `--allow-missing-template-keys` (default true) does.
 */
import * as E from 'fp-ts/lib/Either.js';
import { goFloatText, GoFloat, goNumberText } from './go-fmt.js';
import { goJsonLine } from './go-json.js';
import { evaluatePath } from './jsonpath-eval.js';
import { parseJsonPath, type PathList, type PathNode } from './jsonpath-parse.js';

type TemplateNode =
  | { readonly kind: 'path'; readonly path: PathList }
  | { readonly kind: 'range'; readonly path: PathList; readonly body: readonly TemplateNode[]; readonly closed: boolean };

const isIdentifier = (node: PathNode | undefined, name: string): boolean => node?.kind === 'identifier' && node.name === name;

/**
 * The template as ranges and paths. jsonpath.go :: FindResults runs a `{range …}` action's following actions once
 * per value up to its `{end}`; a range never closed runs them to the template's end, and then once more over the
 * object it ranged in (FindResults finds no end node to skip to and carries on after the range).
 */
const structure = (nodes: readonly PathNode[]): E.Either<string, TemplateNode[]> => {
  const stack: Array<{ readonly path: PathList; readonly body: TemplateNode[] }> = [];
  const top: TemplateNode[] = [];
  const current = (): TemplateNode[] => stack[stack.length - 1]?.body ?? top;
  for (const node of nodes) {
    const action: PathList = node.kind === 'list' ? node : { kind: 'list', nodes: [node] };
    if (isIdentifier(action.nodes[0], 'range')) stack.push({ path: { kind: 'list', nodes: action.nodes.slice(1) }, body: [] });
    else if (action.nodes.length === 1 && isIdentifier(action.nodes[0], 'end')) {
      const range = stack.pop();
      if (range === undefined) return E.left('not in range, nothing to end');
      current().push({ kind: 'range', ...range, closed: true });
    } else current().push({ kind: 'path', path: action });
  }
  for (let range = stack.pop(); range !== undefined; range = stack.pop()) current().push({ kind: 'range', ...range, closed: false });
  return E.right(top);
};

/** cli-runtime `JSONPathPrinter.PrintObj`'s words for a template that fails on an object (kubectl's first line of them). */
const executionError = (template: string, message: string): string => `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${message}`;

/**
 * A parsed template, or kubectl's words for what is wrong with it (cli-runtime `jsonpath_flags.go :: ToPrinter`;
 * an `{end}` outside a range fails when the template runs, `jsonpath.go :: evalIdentifier`).
 */
export const parseJsonPathTemplate = (template: string): E.Either<string, TemplateNode[]> => {
  const nodes = parseJsonPath(template);
  if (E.isLeft(nodes)) return E.left(`error parsing jsonpath ${template}, ${nodes.left}`);
  return E.mapLeft((message: string) => executionError(template, message))(structure(nodes.right));
};

/**
 * jsonpath.go :: PrintResults: a map or list as compact JSON (`json.Marshal`; a served object's keys are sorted
 * already, `unstructured.ts`), null as `null`, anything else as fmt prints it.
 */
const textOf = (value: unknown): string => {
  if (value instanceof GoFloat) return goFloatText(value.value);
  if (typeof value === 'number') return goNumberText(value);
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return goJsonLine(value);
  return String(value);
};

/** FindResults over a template's nodes: each action's values joined by a space, a range's body per value. */
const render = (nodes: readonly TemplateNode[], json: unknown): E.Either<string, string> => {
  let out = '';
  for (const node of nodes) {
    const found = evaluatePath(node.path, json);
    if (E.isLeft(found)) return found;
    if (node.kind === 'path') {
      out += found.right.map(textOf).join(' ');
      continue;
    }
    const passes = node.closed ? found.right : [...found.right, json];
    for (const item of passes) {
      const body = render(node.body, item);
      if (E.isLeft(body)) return body;
      out += body.right;
    }
  }
  return E.right(out);
};

/**
 * The values the first action of a relaxed template (`relaxedPath`'s `{.a.b}`) finds in `json`, as custom
 * columns and `--sort-by` read them (`values[0]` of FindResults), or client-go's error; no action finds nothing.
 */
export const findValues = (template: string, json: unknown): E.Either<string, unknown[]> => E.chain((find: ValueFinder) => find(json))(valueFinder(template));

export type ValueFinder = (json: unknown) => E.Either<string, unknown[]>;

/** `findValues` parsed once: the parser's error, or what finds the values in each object. */
export const valueFinder = (template: string): E.Either<string, ValueFinder> =>
  E.map((nodes: PathNode[]): ValueFinder => {
    const [action] = nodes;
    return (json) => (action === undefined ? E.right([]) : evaluatePath(action.kind === 'list' ? action : { kind: 'list', nodes: [action] }, json));
  })(parseJsonPath(template));

/** customcolumn.go :: jsonRegexp: one path, in braces or not, its leading dot optional, no brace inside. */
const relaxedForm = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * customcolumn.go :: RelaxedJSONPathExpression (custom columns and `--sort-by`): `{.x}`, `{x}`, `.x` and `x`
 * all become the template `{.x}`; unbalanced or nested braces are refused with kubectl's words, and the empty
 * expression is handed on unchanged (a template with no action, which finds nothing).
 */
export const relaxedPath = (path: string): E.Either<string, string> => {
  if (path === '') return E.right('');
  const match = relaxedForm.exec(path);
  const inner = match?.[1] ?? match?.[2];
  if (inner === undefined) {
    return E.left("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return E.right(`{.${inner}}`);
};

/** `-o jsonpath=TEMPLATE` over a document (a Pod, or a v1 List), or kubectl's words for why it cannot. */
export const printJsonPath = (template: string, document: unknown): E.Either<string, string> => {
  const nodes = parseJsonPathTemplate(template);
  if (E.isLeft(nodes)) return nodes;
  const text = render(nodes.right, document);
  return E.mapLeft((message: string) => executionError(template, message))(text);
};
