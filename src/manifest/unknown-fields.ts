/**
 * Fields a manifest sets that the v1 Pod does not have, found by walking the io-ts codecs themselves,
 * so the list of known fields can never drift from the types.
 */
import * as t from 'io-ts';
import type { FieldPath } from './errors.js';

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** The properties an object codec declares, looking through intersections (`struct`). */
const propsOf = (codec: t.Mixed): t.Props | undefined => {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) return codec.props;
  if (codec instanceof t.IntersectionType) {
    const members: readonly t.Mixed[] = codec.types;
    return members.reduce<t.Props | undefined>((all, member) => {
      const props = propsOf(member);
      return props === undefined ? all : { ...all, ...props };
    }, undefined);
  }
  return undefined;
};

/** Every path in `value` that `codec` does not declare; open records (`t.UnknownRecord`) accept anything. */
export const unknownFields = (codec: t.Mixed, value: unknown, path: FieldPath = []): FieldPath[] => {
  if (codec instanceof t.RefinementType || codec instanceof t.ExactType || codec instanceof t.ReadonlyType) {
    const inner: t.Mixed = codec.type;
    return unknownFields(inner, value, path);
  }
  if (codec instanceof t.ArrayType) {
    const item: t.Mixed = codec.type;
    return Array.isArray(value) ? value.flatMap((v, i) => unknownFields(item, v, [...path, i])) : [];
  }
  if (codec instanceof t.DictionaryType) {
    const codomain: t.Mixed = codec.codomain;
    return isRecord(value) ? Object.entries(value).flatMap(([k, v]) => unknownFields(codomain, v, [...path, k])) : [];
  }
  const props = propsOf(codec);
  if (props === undefined || !isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const field = props[key];
    return field === undefined ? [[...path, key]] : unknownFields(field, v, [...path, key]);
  });
};
