/**
 * Canonical JSON of an event, compiled per event type, in two modes generated from the codecs.
 *
 * - `canonicalEvent` only encodes: the generic encoder (`canonical.ts`) lists and sorts every object's keys at
 *   run time; an event's shape is known from its codec, so here each object's known properties are written
 *   out in sorted order as literal `"key":` tokens. Every value is still tested before it is written as its
 *   codec says, and one its codec does not expect (or an object with a key the codec does not name) is handed
 *   to the generic encoder: the answer is `canonical(u)` for any data, only faster for events of the schema.
 * - `checkedCanonicalEvent` checks as it encodes, in the same one walk: where the encoder hands a value off,
 *   it refuses (undefined), and it also tests what the member's guard tests (`compiled-guard.ts`: literals,
 *   keys of, refinements, custom codecs' `is`, required keys), allows no top-level key outside the schema,
 *   then checks the numbers' ranges. So it answers exactly when `checkEvent` (`event-guard.ts`) would store
 *   the event as given, and its answer is `canonical(u)`; on anything odd (an undefined property, a value
 *   JSON cannot carry) it answers undefined too, and the caller takes `checkEvent`, which names the bad field.
 *   The append's main thread walks each event once where it walked it twice (`bench/README.md`).
 */
import type * as t from 'io-ts';
import { Event } from '../events/index.js';
import { eventRangeError } from '../events/ranges.js';
import { canonical, encode, flat, quote } from './canonical.js';

type Encoder = (u: unknown) => string | undefined;

interface Tagged {
  readonly _tag?: string;
  readonly is: (u: unknown) => boolean;
}

/** A property of an object codec: its codecs (one per part of an intersection that names it), whether one requires it. */
interface Prop {
  readonly codecs: readonly t.Mixed[];
  readonly required: boolean;
}

/** An object codec's properties (an interface, a partial, an intersection or exact type of those), or undefined. */
const propsOf = (codec: t.Mixed): Map<string, Prop> | undefined => {
  const c = codec as unknown as Tagged & Record<string, unknown>;
  switch (c._tag) {
    case 'InterfaceType':
    case 'PartialType': {
      const required = c._tag === 'InterfaceType';
      return new Map(Object.entries(c['props'] as t.Props).map(([key, type]) => [key, { codecs: [type], required }]));
    }
    case 'ExactType':
      return propsOf(c['type'] as t.Mixed);
    case 'IntersectionType': {
      const parts = (c['types'] as t.Mixed[]).map(propsOf);
      const merged = new Map<string, Prop>();
      for (const part of parts) {
        if (part === undefined) return undefined;
        // A key in two parts is tested by both codecs; canonical JSON writes its one value once.
        for (const [key, prop] of part) {
          const known = merged.get(key);
          merged.set(key, known === undefined ? prop : { codecs: [...known.codecs, ...prop.codecs], required: known.required || prop.required });
        }
      }
      return merged;
    }
    default:
      return undefined;
  }
};

/** Whether every value `codec` admits is a string (a string, a string literal, a key of, a union of those). */
const onlyStrings = (codec: t.Mixed): boolean => {
  const c = codec as unknown as Tagged & Record<string, unknown>;
  switch (c._tag) {
    case 'StringType':
    case 'KeyofType':
      return true;
    case 'LiteralType':
      return typeof c['value'] === 'string';
    case 'RefinementType':
    case 'ExactType':
      return onlyStrings(c['type'] as t.Mixed);
    case 'UnionType':
      return (c['types'] as t.Mixed[]).every(onlyStrings);
    default:
      return false;
  }
};

class EncoderCompiler {
  readonly functions: string[] = [];
  /** Values the generated code refers to by index: codecs whose own `is` is called, predicates, key sets. */
  readonly refs: unknown[] = [];
  private readonly names = new Map<unknown, string>();

  /** `checking`: refuse (undefined) what the codec does not admit, instead of handing it to the generic encoder. */
  constructor(private readonly checking: boolean) {}

  /** What a value its codec does not admit becomes: refused when checking, else written by the generic encoder. */
  private miss(v: string): string {
    return this.checking ? 'undefined' : `encode(${v})`;
  }

  private ref(value: unknown): string {
    this.refs.push(value);
    return `r[${this.refs.length - 1}]`;
  }

  /** An expression writing `v` (an identifier) as canonical JSON, tested against what `codec` admits (undefined: refused). */
  value(codec: t.Mixed, v: string): string {
    const c = codec as unknown as Tagged & Record<string, unknown>;
    if (!this.checking && onlyStrings(codec)) return `(typeof ${v} === 'string' ? quote(${v}) : encode(${v}))`;
    switch (c._tag) {
      case 'StringType':
        return `(typeof ${v} === 'string' ? quote(${v}) : undefined)`;
      case 'NumberType':
        return `(typeof ${v} === 'number' && Number.isFinite(${v}) ? '' + ${v} : ${this.miss(v)})`;
      case 'BooleanType':
        return `(${v} === true ? 'true' : ${v} === false ? 'false' : ${this.miss(v)})`;
      case 'NullType':
        return `(${v} === null ? 'null' : ${this.miss(v)})`;
      case 'LiteralType':
        return `(${v} === ${JSON.stringify(c['value'])} ? ${JSON.stringify(JSON.stringify(c['value']))} : ${this.miss(v)})`;
      case 'KeyofType':
        return `(typeof ${v} === 'string' && hop.call(${this.ref(c['keys'])}, ${v}) ? quote(${v}) : undefined)`;
      case 'ExactType':
        return this.value(c['type'] as t.Mixed, v);
      case 'RefinementType':
        return this.checking ? `${this.named(codec, () => this.refinement(c['type'] as t.Mixed, this.ref(c['predicate'])))}(${v})` : this.value(c['type'] as t.Mixed, v);
      case 'UnionType':
        return this.checking ? `${this.named(codec, () => this.union(c['types'] as t.Mixed[]))}(${v})` : `encode(${v})`;
      case 'ArrayType':
        return `${this.named(codec, () => this.array(c['type'] as t.Mixed))}(${v})`;
      case 'DictionaryType':
        return (c['domain'] as Tagged)._tag === 'StringType' ? `${this.named(codec, () => this.dictionary(c['codomain'] as t.Mixed))}(${v})` : this.opaque(codec, v);
      default: {
        const props = propsOf(codec);
        return props === undefined ? this.opaque(codec, v) : `${this.named(codec, () => this.object(props, false))}(${v})`;
      }
    }
  }

  /** The entry point's function: the member's object, refused when it has a key the schema does not name. */
  entry(codec: t.Mixed): string {
    const props = propsOf(codec);
    if (props === undefined) throw new TypeError(`event member ${codec.name} is not an object codec`);
    this.functions.push(`function entry(u) {\n${this.object(props, true)}\n}`);
    return 'entry';
  }

  /** A codec with no known shape (unknown, a custom type, a record over other keys): its own `is`, then the generic encoder. */
  private opaque(codec: t.Mixed, v: string): string {
    return this.checking ? `(${this.ref(codec)}.is(${v}) ? encode(${v}) : undefined)` : `encode(${v})`;
  }

  /** The name of the generated function for `codec`, made once (shared where the codec recurs). */
  private named(codec: t.Mixed, body: () => string): string {
    const known = this.names.get(codec);
    if (known !== undefined) return known;
    const name = `w${this.names.size}`;
    this.names.set(codec, name);
    this.functions.push(`function ${name}(u) {\n${body()}\n}`);
    return name;
  }

  // The base type is tested first: a predicate may assume it (an instant's pattern reads a string).
  private refinement(type: t.Mixed, predicate: string): string {
    return `const s = ${this.value(type, 'u')};\nreturn s !== undefined && ${predicate}(u) ? s : undefined;`;
  }

  // Whichever member admits `u`, its canonical JSON is the same.
  private union(members: readonly t.Mixed[]): string {
    return [...members.map((m, i) => `const s${i} = ${this.value(m, 'u')}; if (s${i} !== undefined) return s${i};`), 'return undefined;'].join('\n');
  }

  private array(item: t.Mixed): string {
    const hole = this.checking ? 'return undefined;' : `out += (i === 0 ? '' : ',') + 'null'; continue;`;
    return [
      `if (!Array.isArray(u)) return ${this.miss('u')};`,
      `let out = '[';`,
      `for (let i = 0; i < u.length; i++) { const x = u[i]; if (x === undefined) { ${hole} } const s = ${this.value(item, 'x')}; if (s === undefined) return undefined; out += (i === 0 ? '' : ',') + s; }`,
      `return out + ']';`,
    ].join('\n');
  }

  /** A record over strings: every value tested (`t.record`'s `is`), written in sorted key order. */
  private dictionary(codomain: t.Mixed): string {
    const absent = this.checking ? 'return undefined;' : 'continue;';
    return [
      `if (u === null || typeof u !== 'object' || Array.isArray(u)) return ${this.miss('u')};`,
      `const keys = Object.keys(u).sort(); let out = '{'; let n = 0;`,
      `for (const k of keys) { const x = u[k]; if (x === undefined) { ${absent} } const s = ${this.value(codomain, 'x')}; if (s === undefined) return undefined; out += (n++ === 0 ? '' : ',') + quote(k) + ':' + s; }`,
      `return out + '}';`,
    ].join('\n');
  }

  /**
   * The known keys in sorted order (UTF-16 code units, as `canonical` sorts); a key left undefined is left
   * out, as `canonical` does (when checking, a required one is refused: the check decides it). An object with
   * any other key (counted with for-in, which allocates nothing) is written by the generic encoder, or, when
   * `closed` (an event's top level: decoding would drop the key), refused.
   */
  private object(props: Map<string, Prop>, closed: boolean): string {
    const keys = [...props.keys()].sort();
    const lines = keys.map((key, i) => {
      const { codecs, required } = props.get(key) as Prop;
      const [first, ...others] = codecs as [t.Mixed, ...t.Mixed[]];
      const token = JSON.stringify(`${JSON.stringify(key)}:`);
      const absent = this.checking && required ? ' else return undefined;' : '';
      const alsoTested = this.checking ? others.map((other) => `if (!${this.ref(other)}.is(v${i})) return undefined; `).join('') : '';
      return `const v${i} = u[${JSON.stringify(key)}]; if (v${i} !== undefined) { ${alsoTested}const s = ${this.value(first, `v${i}`)}; if (s === undefined) return undefined; out += (n++ === 0 ? '' : ',') + ${token} + s; }${absent}`;
    });
    return [
      `if (u === null || typeof u !== 'object' || Array.isArray(u)) return ${this.miss('u')};`,
      `let out = '{'; let n = 0;`,
      ...lines,
      `let keys = 0; for (const k in u) keys++;`,
      `return keys === n ? out + '}' : ${closed && this.checking ? 'undefined' : 'encode(u)'};`,
    ].join('\n');
  }
}

const compile = (codec: t.Mixed, checking: boolean): Encoder => {
  const compiler = new EncoderCompiler(checking);
  const entry = compiler.entry(codec);
  const source = `${compiler.functions.join('\n')}\nreturn ${entry};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the source is built from codecs, never from input
  return new Function('r', 'hop', 'quote', 'encode', source)(compiler.refs, Object.prototype.hasOwnProperty, quote, encode) as Encoder;
};

const memberByType = new Map(Event.types.map((m) => [m.name, m]));

/** The mode's encoder of the member named `type`, compiled when an event of that type is first encoded. */
const compiledBy = (checking: boolean): ((type: unknown) => Encoder | undefined) => {
  const byType = new Map<string, Encoder>();
  return (type) => {
    if (typeof type !== 'string') return undefined;
    const known = byType.get(type);
    if (known !== undefined) return known;
    const member = memberByType.get(type);
    if (member === undefined) return undefined;
    const encoder = compile(member, checking);
    byType.set(type, encoder);
    return encoder;
  };
};

const encoderOf = compiledBy(false);
const checkerOf = compiledBy(true);

const typeOf = (u: unknown): unknown => (typeof u === 'object' && u !== null ? (u as { type?: unknown }).type : undefined);

/** `canonical(u)`, by the compiled encoder of `u.type` when it names an event type. */
export const canonicalEvent = (u: unknown): string => {
  const encoder = encoderOf(typeOf(u));
  const json = encoder === undefined ? undefined : encoder(u);
  return json === undefined ? canonical(u) : flat(json);
};

/**
 * `canonical(u)` when `u` is an event `checkEvent` stores as given (of the current schema, no key outside it,
 * every number in range), checked in the walk that encodes it; undefined for anything else, and for what
 * this walk leaves to `checkEvent` (an undefined property, a value JSON cannot carry).
 */
export const checkedCanonicalEvent = (u: unknown): string | undefined => {
  const checker = checkerOf(typeOf(u));
  if (checker === undefined) return undefined;
  let json: string | undefined;
  try {
    json = checker(u);
  } catch {
    return undefined; // the generic encoder's refusal (a cycle, a BigInt) inside an opaque value: the check names it
  }
  return json !== undefined && eventRangeError(u as Event) === undefined ? flat(json) : undefined;
};
