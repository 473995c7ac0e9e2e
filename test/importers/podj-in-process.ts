/** `podj` run in this process (the same `run` the binary calls) with its output captured, and its tables read back. */
import { run } from '../../src/cli/main.js';
import { processIO } from '../../src/cli/io.js';

export interface Out {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One `podj` invocation, its output captured. */
export const podj = async (...argv: string[]): Promise<Out> => {
  let stdout = '';
  let stderr = '';
  const io = { ...processIO(), out: (s: string) => void (stdout += s), err: (s: string) => void (stderr += s), errIsTTY: false };
  const code = await run(argv, io);
  return { code, stdout, stderr };
};

/** A kubectl table as rows of cells, cut at the header's column starts. */
export const tableRows = (text: string): Array<Record<string, string>> => {
  const [header = '', ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index }));
  return lines.map((line) =>
    Object.fromEntries(starts.map((col, i) => [col.name, line.slice(col.at, starts[i + 1]?.at ?? line.length).trim()])),
  );
};
