/**
 * kubectl's JSONPath templates (`k8s.io/client-go/util/jsonpath`, v0.36.3): text outside braces printed as it
 * is, each `{…}` action the values its path finds (`jsonpath-parse.ts`, `jsonpath-eval.ts`), and
 * `{range PATH}…{end}` repeating its body per value found. A missing key prints nothing, as kubectl's
 * `--allow-missing-template-keys` (default true) does.
 */
import * as E from 'fp-ts/lib/Either.js';
import { goFloatText, GoFloat, goNumberText } from './go-fmt.js';
import { goJsonLine } from './go-json.js';
import { evaluatePath, pathEvaluator } from './jsonpath-eval.js';
import { parseJsonPath, type PathNode } from './jsonpath-parse.js';

/** cli-runtime `JSONPathPrinter.PrintObj`'s words for a template that fails on an object (kubectl's first line of them). */
const executionError = (template: string, message: string): string => `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${message}`;

/** A parsed template, or kubectl's words for what is wrong with it (cli-runtime `jsonpath_flags.go :: ToPrinter`). */
export const parseJsonPathTemplate = (template: string): E.Either<string, PathNode[]> =>
  E.mapLeft((message: string) => `error parsing jsonpath ${template}, ${message}`)(parseJsonPath(template));

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

/**
 * client-go's JSONPath after Parse, as cli-runtime's JSONPathPrinter holds one for all the objects it prints (a
 * watch's, one by one): jsonpath.go :: FindResults, with the state it keeps between calls. A range re-points the
 * parser's root at the nodes after it (`j.parser.Root.Nodes = nodes[i+1:]`) and never restores it: the next object
 * is read from there, so `{range .items[*]}…{end}` finds nothing in a first pod (no items) and fails on the
 * second at its `{end}` ("not in range, nothing to end"). Every slice of the root being a suffix of the parsed
 * nodes, the root is the index it starts at, and the last `{end}` met is an index too.
 */
const templateRun = (nodes: readonly PathNode[]): ((json: unknown) => E.Either<string, unknown[][]>) => {
  let rootStart = 0;
  let beginRange = 0;
  let inRange = 0;
  let endRange = 0;
  let lastEnd: number | undefined;
  // evalIdentifier: `range` passes its input on, `end` finds nothing.
  const evaluate = pathEvaluator((input, name) => {
    if (name === 'range') {
      beginRange += 1;
      return E.right([...input]);
    }
    if (name !== 'end') return E.left(`unrecognized identifier ${name}`);
    if (inRange === 0) return E.left('not in range, nothing to end');
    endRange += 1;
    return E.right([]);
  });
  const findResults = (data: unknown): E.Either<string, unknown[][]> => {
    const full: unknown[][] = [];
    for (let i = rootStart; i < nodes.length; i++) {
      const node = nodes[i];
      const results = evaluate(node?.kind === 'list' ? node : { kind: 'list', nodes: node === undefined ? [] : [node] }, data);
      if (E.isLeft(results)) return results;
      // an end node breaks the current block
      if (endRange > 0 && endRange <= inRange) {
        endRange -= 1;
        lastEnd = i;
        break;
      }
      if (beginRange === 0) {
        full.push(results.right);
        continue;
      }
      beginRange -= 1;
      inRange += 1;
      // a range with nothing to range over still runs its body once (over nil), to reach its end node
      for (const value of results.right.length > 0 ? results.right : [null]) {
        rootStart = i + 1;
        const next = findResults(value);
        if (E.isLeft(next)) return next;
        if (results.right.length > 0) full.push(...next.right);
      }
      inRange -= 1;
      // resume after the end node met last, if it is ahead
      if (lastEnd !== undefined && lastEnd > i) i = lastEnd;
    }
    return E.right(full);
  };
  return findResults;
};

/** jsonpath.go :: Execute: each result group's values, joined by a space. */
const printed = (groups: readonly unknown[][]): string => groups.map((values) => values.map(textOf).join(' ')).join('');

/** A `-o jsonpath=TEMPLATE` printer: each object's text, or kubectl's words for why not, one template run for all the objects it prints. */
export type JsonPathPrinter = (document: unknown) => E.Either<string, string>;

export const jsonPathPrinter = (template: string): E.Either<string, JsonPathPrinter> =>
  E.map((nodes: PathNode[]): JsonPathPrinter => {
    const run = templateRun(nodes);
    return (document) => E.bimap((message: string) => executionError(template, message), printed)(run(document));
  })(parseJsonPathTemplate(template));

/** What finds the values one relaxed path finds in each object. */
export type ValueFinder = (json: unknown) => E.Either<string, unknown[]>;

/**
 * A relaxed template (`relaxedPath`'s `{.a.b}`) parsed once: the parser's error, or what finds the values its first
 * action finds in each object, as custom columns and `--sort-by` read them (`values[0]` of FindResults), or
 * client-go's error; no action finds nothing.
 */
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

/** `-o jsonpath=TEMPLATE` over one document (a Pod, or a v1 List), or kubectl's words for why it cannot. */
export const printJsonPath = (template: string, document: unknown): E.Either<string, string> =>
  E.chain((print: JsonPathPrinter) => print(document))(jsonPathPrinter(template));
