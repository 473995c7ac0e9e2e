/** io-ts decoding to a one-line reason naming the path of the first bad field. */
import type * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { formatError, pathOf } from '../events/report.js';

/** Decodes `u`; a failure reads `prefix.path: value is not a X` (prefix names where `u` sits in the document). */
export const decodeAt =
  <A, O>(codec: t.Type<A, O, unknown>, prefix = '') =>
  (u: unknown): E.Either<string, A> =>
    pipe(
      codec.decode(u),
      E.mapLeft((errors) => {
        const first = errors[0];
        if (first === undefined) return `${prefix === '' ? '' : `${prefix}: `}invalid`;
        const why = formatError(first);
        if (prefix === '') return why;
        return pathOf(first.context) === '' ? `${prefix}: ${why}` : `${prefix}.${why}`;
      }),
    );
