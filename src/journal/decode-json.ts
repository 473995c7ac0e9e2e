/** Parses JSON text and decodes it with a codec; Left is one line naming the first bad field. */
import type * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { formatErrors } from '../events/index.js';

/** The Left of a text that does not parse. */
export const NOT_JSON = 'is not JSON';

export const decodeJson = <A>(codec: t.Decoder<unknown, A>, text: string): E.Either<string, A> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return E.left(NOT_JSON);
  }
  const decoded = codec.decode(json);
  return E.isLeft(decoded) ? E.left(formatErrors(decoded.left)) : E.right(decoded.right);
};
