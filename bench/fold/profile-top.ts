/**
 * The top self-time functions of a V8 `.cpuprofile` (from `node --cpu-prof`), optionally only under a
 * function named by `--under NAME` (inclusive time of the subtree). `npx tsx bench/fold/profile-top.ts FILE [--under foldCluster] [--top 30]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: profile-top.ts FILE [--under NAME] [--top N]');
const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const under = flag('under');
const top = Number(flag('top') ?? '30');

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n: ProfileNode): string => {
  const f = n.callFrame;
  const where = f.url.replace(/^.*\/work\/main\//, '');
  return `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
};

/** Whether a node lies under a frame named `under` (any ancestor, itself included). */
const isUnder = (id: number): boolean => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    if (byId.get(at)?.callFrame.functionName === under) return true;
  }
  return false;
};

const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  if (n === undefined || (under !== undefined && !isUnder(id))) return;
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
});

console.log(`${(total / 1000).toFixed(0)} ms sampled${under !== undefined ? ` under ${under}` : ''}`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
}
