/**
 * kubectl's `--chunk-size`, an int64 (`cmdutil.AddChunkSizeFlag`, on `get` and `events`): a journal is read in
 * pages of its own, so the size changes nothing, as a size of 0 or below asks the API server for no paging (its
 * list is whole when the limit is not positive); a value that is no integer is still bad input.
 */
import { BadInput } from './errors.js';

const chunkSizeOf = (raw: string): number => {
  if (!/^-?\d+$/.test(raw.trim())) throw new BadInput(`--chunk-size: "${raw}" is not an integer`);
  return Number(raw);
};

export const CHUNK_SIZE_OPTION = ['--chunk-size <n>', "accepted for kubectl's sake: a journal is read in pages of its own, whatever the size", chunkSizeOf] as const;
