/** Journal events for printer tests, written as JSON and decoded with the project's event codec. */
import * as E from 'fp-ts/lib/Either.js';
import { decodeEvent, type Event } from '../../src/events/index.js';
import { NOW } from './fixtures.js';

export const POD = { namespace: 'default', name: 'web', uid: '9f1c2d3e-0000-4000-8000-000000000001' };

/** An event `secondsAgo` before NOW about POD (and `container`, when given). */
export const ev = (secondsAgo: number, type: string, source: string, fields: Record<string, unknown>): Event => {
  const decoded = decodeEvent({
    v: 1,
    type,
    at: new Date(NOW.getTime() - secondsAgo * 1000).toISOString(),
    source,
    pod: POD,
    ...fields,
  });
  if (E.isLeft(decoded)) throw new Error(decoded.left);
  return decoded.right;
};
