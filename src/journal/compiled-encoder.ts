/**
 * Canonical JSON of an event, compiled per event type. The generic encoder (`canonical.ts`) lists and sorts
 * every object's keys at run time; an event's shape is known from its codec, so here each object's known
 * properties are written out in sorted order as literal `"key":` tokens. Every value is still tested
 * before it is written as its codec says (a string is quoted only if it is a string, …), and an object
 * with a key its codec does not name, or a value its codec does not expect, is handed to the generic
 * encoder: the answer is `canonical(u)` for any data (JSON values, objects of own enumerable properties),
 * only faster for events of the schema.
 */
import type * as t from 'io-ts';
import { Event } from '../events/index.js';
import { canonical, encode, flat, quote } from './canonical.js';

type Encoder = (u: unknown) => string;

interface Tagged {
  readonly _tag?: string;
}

/** An object codec's properties (an interface, a partial, an intersection or exact type of those), or undefined. */
const propsOf = (codec: t.Mixed): Record<string, t.Mixed> | undefined => {
  const c = codec as unknown as Tagged & Record<string, unknown>;
  switch (c._tag) {
    case 'InterfaceType':
    case 'PartialType':
      return c['props'] as Record<string, t.Mixed>;
    case 'ExactType':
    case 'RefinementType':
      return propsOf(c['type'] as t.Mixed);
    case 'IntersectionType': {
      const parts = (c['types'] as t.Mixed[]).map(propsOf);
      if (parts.some((p) => p === undefined)) return undefined;
      // A key in two parts is tested by both codecs; canonical JSON writes its one value once.
      return Object.assign({}, ...parts) as Record<string, t.Mixed>;
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
  private readonly names = new Map<unknown, string>();

  /** An expression writing `v` (an identifier) as canonical JSON, tested against what `codec` admits. */
  value(codec: t.Mixed, v: string): string {
    const c = codec as unknown as Tagged & Record<string, unknown>;
    if (onlyStrings(codec)) return `(typeof ${v} === 'string' ? quote(${v}) : encode(${v}))`;
    switch (c._tag) {
      case 'NumberType':
        return `(typeof ${v} === 'number' && Number.isFinite(${v}) ? '' + ${v} : encode(${v}))`;
      case 'BooleanType':
        return `(${v} === true ? 'true' : ${v} === false ? 'false' : encode(${v}))`;
      case 'RefinementType':
      case 'ExactType':
        return this.value(c['type'] as t.Mixed, v);
      case 'ArrayType':
        return `${this.named(codec, () => this.array(c['type'] as t.Mixed))}(${v})`;
      default: {
        const props = propsOf(codec);
        return props === undefined ? `encode(${v})` : `${this.named(codec, () => this.object(props))}(${v})`;
      }
    }
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

  private array(item: t.Mixed): string {
    return [
      `if (!Array.isArray(u)) return encode(u);`,
      `let out = '[';`,
      `for (let i = 0; i < u.length; i++) { const x = u[i]; out += (i === 0 ? '' : ',') + (x === undefined ? 'null' : ${this.value(item, 'x')}); }`,
      `return out + ']';`,
    ].join('\n');
  }

  /**
   * The known keys in sorted order (UTF-16 code units, as `canonical` sorts); a key left undefined is left
   * out, as `canonical` does. An object with any other key (counted with for-in, which allocates nothing)
   * is written by the generic encoder.
   */
  private object(props: Record<string, t.Mixed>): string {
    const keys = Object.keys(props).sort();
    const lines = keys.map((key, i) => {
      const codec = props[key] as t.Mixed;
      const token = JSON.stringify(`${JSON.stringify(key)}:`);
      return `const v${i} = u[${JSON.stringify(key)}]; if (v${i} !== undefined) { out += (n++ === 0 ? '' : ',') + ${token} + ${this.value(codec, `v${i}`)}; }`;
    });
    return [
      `if (u === null || typeof u !== 'object' || Array.isArray(u)) return encode(u);`,
      `let out = '{'; let n = 0;`,
      ...lines,
      `let keys = 0; for (const k in u) keys++;`,
      `return keys === n ? out + '}' : encode(u);`,
    ].join('\n');
  }
}

const compile = (codec: t.Mixed): Encoder => {
  const compiler = new EncoderCompiler();
  const entry = compiler.value(codec, 'u');
  const source = `${compiler.functions.join('\n')}\nreturn function encodeCompiled(u) { return ${entry}; };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the source is built from codecs, never from input
  return new Function('quote', 'encode', source)(quote, encode) as Encoder;
};

const memberByType = new Map(Event.types.map((m) => [m.name, m]));
const encoderByType = new Map<string, Encoder>();

/** The encoder of the member named `type`, compiled when an event of that type is first encoded. */
const encoderOf = (type: unknown): Encoder | undefined => {
  if (typeof type !== 'string') return undefined;
  const known = encoderByType.get(type);
  if (known !== undefined) return known;
  const member = memberByType.get(type);
  if (member === undefined) return undefined;
  const encoder = compile(member);
  encoderByType.set(type, encoder);
  return encoder;
};

/** `canonical(u)`, by the compiled encoder of `u.type` when it names an event type. */
export const canonicalEvent = (u: unknown): string => {
  const encoder = typeof u === 'object' && u !== null ? encoderOf((u as { type?: unknown }).type) : undefined;
  return encoder === undefined ? canonical(u) : flat(encoder(u));
};
