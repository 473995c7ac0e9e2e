/**
 * A codec's type guard compiled to one JavaScript function per object shape. io-ts's `is` walks the codec
 * tree through generic closures (a property read by a variable key, a call per field); replay runs the
 * guard on every record, so here the same checks are written out with literal keys and inline leaf tests.
 * Each io-ts combinator is translated as io-ts defines its `is`, and anything else (a custom `t.Type`, a
 * refinement's predicate) calls the codec's own code, so it accepts what `codec.is` accepts (on JSON
 * values; an array with holes, which JSON cannot write, it rejects where io-ts skips the holes).
 */
import type * as t from 'io-ts';

/** What every codec has: its tag says which combinator made it (absent on a custom `new t.Type`). */
interface Tagged {
  readonly _tag?: string;
  readonly is: (u: unknown) => boolean;
}

type Guard = (u: unknown) => boolean;

class Compiler {
  /** Generated functions, `function gN(u) {…}`, the last one the entry point. */
  readonly functions: string[] = [];
  /** Values the generated code refers to by index: codecs whose own `is` is called, predicates, key sets. */
  readonly refs: unknown[] = [];
  private readonly done = new Map<unknown, string>();

  ref(value: unknown): string {
    this.refs.push(value);
    return `r[${this.refs.length - 1}]`;
  }

  /** A boolean expression testing `v` (an identifier) against `codec`. */
  test(codec: t.Mixed, v: string): string {
    const c = codec as unknown as Tagged & Record<string, unknown>;
    switch (c._tag) {
      case 'StringType':
        return `typeof ${v} === 'string'`;
      case 'NumberType':
        return `typeof ${v} === 'number'`;
      case 'BooleanType':
        return `typeof ${v} === 'boolean'`;
      case 'NullType':
        return `${v} === null`;
      case 'UnknownType':
        return 'true';
      case 'AnyDictionaryType':
        return `(${v} !== null && typeof ${v} === 'object' && !Array.isArray(${v}))`;
      case 'LiteralType':
        return `${v} === ${literal(c['value'])}`;
      case 'KeyofType':
        return `(typeof ${v} === 'string' && hop.call(${this.ref(c['keys'])}, ${v}))`;
      case 'RefinementType':
        return `(${this.test(c['type'] as t.Mixed, v)} && ${this.ref(c['predicate'])}(${v}))`;
      case 'ExactType':
        return this.test(c['type'] as t.Mixed, v);
      case 'IntersectionType':
        return `(${(c['types'] as t.Mixed[]).map((x) => this.test(x, v)).join(' && ')})`;
      case 'UnionType':
        return `(${(c['types'] as t.Mixed[]).map((x) => this.test(x, v)).join(' || ')})`;
      case 'InterfaceType':
      case 'PartialType':
      case 'ArrayType':
      case 'DictionaryType':
        return `${this.function(codec)}(${v})`;
      default:
        return `${this.ref(codec)}.is(${v})`;
    }
  }

  /** The name of a generated function testing `codec` (one per codec object, shared where it recurs). */
  private function(codec: t.Mixed): string {
    const known = this.done.get(codec);
    if (known !== undefined) return known;
    const name = `g${this.done.size}`;
    this.done.set(codec, name);
    const c = codec as unknown as Tagged & Record<string, unknown>;
    const record = `if (u === null || typeof u !== 'object' || Array.isArray(u)) return false;`;
    let body: string;
    switch (c._tag) {
      case 'InterfaceType':
      case 'PartialType': {
        const optional = c._tag === 'PartialType';
        const props = Object.entries(c['props'] as t.Props);
        const lines = props.map(([key, type], i) => {
          const k = literal(key);
          const absent = optional ? `v${i} !== undefined && ` : `(v${i} === undefined && !hop.call(u, ${k})) || `;
          return `const v${i} = u[${k}]; if (${absent}!(${this.test(type, `v${i}`)})) return false;`;
        });
        body = [record, ...lines, 'return true;'].join('\n');
        break;
      }
      case 'ArrayType':
        body = `if (!Array.isArray(u)) return false;\nfor (let i = 0; i < u.length; i++) { const x = u[i]; if (!(${this.test(c['type'] as t.Mixed, 'x')})) return false; }\nreturn true;`;
        break;
      default: {
        // `t.record` over strings tests every value (another domain only the keys it admits); io-ts builds
        // records over finite domains as exact interfaces, and those keep their own guard.
        const domain = c['domain'] as Tagged;
        const keyTest = domain._tag === 'StringType' ? '' : `!${this.ref(domain)}.is(k) || `;
        body = isNonEnumerableRecord(domain)
          ? `${record}\nfor (const k of Object.keys(u)) { const x = u[k]; if (!(${keyTest}${this.test(c['codomain'] as t.Mixed, 'x')})) return false; }\nreturn true;`
          : `return ${this.ref(codec)}.is(u);`;
      }
    }
    this.functions.push(`function ${name}(u) {\n${body}\n}`);
    return name;
  }
}

/** A JavaScript literal for a string, number, boolean or null. */
const literal = (value: unknown): string => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value));

/** A record's domain without finite keys (`t.string`): its `is` tests keys and values, not named properties. */
const isNonEnumerableRecord = (domain: Tagged): boolean => domain._tag !== 'LiteralType' && domain._tag !== 'KeyofType' && domain._tag !== 'UnionType';

/** `codec.is`, compiled: the same answers, faster on every call after the first. */
export const compileGuard = <C extends t.Mixed>(codec: C): t.Is<t.TypeOf<C>> => {
  const compiler = new Compiler();
  const entry = compiler.test(codec, 'u');
  const source = `${compiler.functions.join('\n')}\nreturn function guard(u) { return ${entry}; };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the source is built from codecs, never from input
  const guard = new Function('r', 'hop', source)(compiler.refs, Object.prototype.hasOwnProperty) as Guard;
  return guard as t.Is<t.TypeOf<C>>;
};

/**
 * How many times a guard made by `compiledWhenUsed` answers with the codec's own `is` before it compiles. A
 * compile costs ≈ 0.2 ms for a small event member and ≈ 15 ms for PodCreated's (its pod spec), while io-ts's
 * `is` checks an event in ≈ 1–30 µs: one M pod's 155 events (12 types) took 30 ms of CPU with their guards
 * compiled and 2.5 ms with `is` in a fresh process (bench/README.md, "The CLI's one-pod verbs"). A read of one
 * pod, or a `podj record` of a few events, never earns a compile back; a replay checks thousands of each type.
 */
export const CHECKS_BEFORE_COMPILING = 256;

/**
 * `codec.is`, compiled once it has been asked `CHECKS_BEFORE_COMPILING` times: the same answers throughout
 * (`compileGuard`'s), and the compile paid only by a process that checks enough values to earn it back.
 */
export const compiledWhenUsed = <C extends t.Mixed>(codec: C, compile: (codec: C) => t.Is<t.TypeOf<C>> = compileGuard): t.Is<t.TypeOf<C>> => {
  let checks = 0;
  let compiled: t.Is<t.TypeOf<C>> | undefined;
  return (u: unknown): u is t.TypeOf<C> => {
    if (compiled === undefined && ++checks > CHECKS_BEFORE_COMPILING) compiled = compile(codec);
    return compiled === undefined ? codec.is(u) : compiled(u);
  };
};
