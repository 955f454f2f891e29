import { readFileSync } from 'node:fs';

/*
 * Summarises a V8 .cpuprofile (node --cpu-prof) by hand: self time per
 * function and per package, and inclusive time of the frames that matter,
 * as shares of the busy (non-idle) time.
 *
 *   node dist/bench/cpu-profile.js <file.cpuprofile> [--top 30]
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...rest] = process.argv.slice(2);
const top = Number(rest[rest.indexOf('--top') + 1] ?? 30) || 30;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const IDLE = new Set(['(idle)', '(program)']);
const label = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const where = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 13).split('/').slice(0, url.includes('/@') ? 2 : 1).join('/')
    : url.replace(/.*\/(dist|src)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${where ? `[${where}${url.includes('node_modules/') ? '' : `:${n.callFrame.lineNumber + 1}`}]` : ''}`;
};
const packageOf = (n: ProfileNode) => {
  const url = n.callFrame.url;
  if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
  if (url.includes('node_modules/')) {
    const rest = url.slice(url.lastIndexOf('node_modules/') + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node:internal';
  return url.includes('/dist/') ? 'parley' : url;
};

let busy = 0;
let total = 0;
const selfByLabel = new Map<string, number>();
const selfByPackage = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  total += t;
  if (IDLE.has(n.callFrame.functionName)) continue;
  busy += t;
  selfByLabel.set(label(n), (selfByLabel.get(label(n)) ?? 0) + t);
  selfByPackage.set(packageOf(n), (selfByPackage.get(packageOf(n)) ?? 0) + t);
}

const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
const print = (title: string, rows: Map<string, number>, n = top) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, t] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, n)) process.stdout.write(`${pct(t)}  ${k}\n`);
};

process.stdout.write(`${file}: busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s sampled (${((100 * busy) / total).toFixed(0)}%)\n`);
print('self time by package', selfByPackage, 20);
print('self time by function', selfByLabel);

// Inclusive time: each sample counts once for every distinct function on its stack.
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const t = profile.timeDeltas[i] ?? 0;
  if (IDLE.has(byId.get(id)!.callFrame.functionName)) return;
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const key = label(byId.get(cur)!);
    if (!seen.has(key)) {
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    }
  }
});
print('inclusive time by function', inclusive, top);
