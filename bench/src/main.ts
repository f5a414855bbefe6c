// `pnpm bench [roundtrip|publish|import|readmodels|throughput|memory ...] [n]`: runs the named
// benchmarks (all when none is named) one after the other, each on a stack or server of its own,
// then prints one table of ratios against their bare baselines measured in the same run. `n`, when
// given, is each one's size: actions (roundtrip, 300), items seeded (readmodels, 100,000), cached
// workflows (memory, 10,000); publish and import take none; throughput's passes last
// BENCH_THROUGHPUT_SECONDS (30).
import { actionRoundtrip } from './action-roundtrip';
import { eventPublishRatio } from './event-publish';
import { importRatio } from './import';
import { memoryRatio } from './memory';
import { readModelRatios } from './read-models/main';
import { throughputRatio } from './throughput';

interface Row {
  what: string;
  figure: string;
  ratio: string;
  goal: string;
}

const BENCHMARKS: Record<string, (n: number | undefined) => Promise<Row[]>> = {
  roundtrip: async (n) => {
    const { bare, api } = await actionRoundtrip(n ?? 300);
    return [
      {
        what: 'API action until read model / bare Update (p99)',
        figure: `${api.p99.toFixed(0)} / ${bare.p99.toFixed(0)} ms`,
        ratio: (api.p99 / bare.p99).toFixed(2),
        goal: '≤ 1.5',
      },
      {
        what: 'API action until read model / bare Update (p50)',
        figure: `${api.p50.toFixed(0)} / ${bare.p50.toFixed(0)} ms`,
        ratio: (api.p50 / bare.p50).toFixed(2),
        goal: '—',
      },
    ];
  },
  publish: async () => {
    const { raw, checked } = await eventPublishRatio();
    return raw.map((r, i) => ({
      what: `event publish (schema, id) / raw JetStream publish, pass ${i + 1}`,
      figure: `${checked[i]!.toFixed(0)} / ${r.toFixed(0)} per s`,
      ratio: (checked[i]! / r).toFixed(2),
      goal: '≥ 0.5',
    }));
  },
  import: async () => {
    const { items, importMs, bareMs } = await importRatio();
    const bare = (bareMs[0]! + bareMs[1]!) / 2;
    return [
      {
        what: `gazette import until projected / ${items} empty workflows`,
        figure: `${importMs.toFixed(0)} / ${bare.toFixed(0)} ms`,
        ratio: (importMs / bare).toFixed(2),
        goal: '≤ 3',
      },
    ];
  },
  readmodels: async (n) => {
    const { baseline, paths } = await readModelRatios(n ?? 100_000);
    return paths.map((p) => ({
      what: `${p.what} / find by _id, p95 (${n ?? 100_000} items)`,
      figure: `${p.p95.toFixed(0)} / ${baseline.p95.toFixed(1)} ms`,
      ratio: (p.p95 / baseline.p95).toFixed(1),
      goal: '≤ 2',
    }));
  },
  throughput: async () => {
    const { cores, bare, api } = await throughputRatio(Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 30));
    const bareMean = (bare[0]! + bare[1]!) / 2;
    return [
      {
        what: `API steps / bare Updates per s per core (${cores})`,
        figure: `${(api / cores).toFixed(1)} / ${(bareMean / cores).toFixed(1)}`,
        ratio: (api / bareMean).toFixed(2),
        goal: '18 steps/s/core',
      },
    ];
  },
  memory: async (n) => {
    const { n: count, empty, item } = await memoryRatio(n ?? 10_000);
    return [
      {
        what: `heap per cached open item / idle workflow (${count})`,
        figure: `${(item / 1024).toFixed(0)} / ${(empty / 1024).toFixed(0)} KiB`,
        ratio: (item / empty).toFixed(1),
        goal: '≤ 1',
      },
    ];
  },
};

const args = process.argv.slice(2);
const sized = args.find((a) => /^\d+$/.test(a));
const n = sized === undefined ? undefined : Number(sized);
const named = args.filter((a) => !/^\d+$/.test(a));
const unknown = named.filter((n) => !(n in BENCHMARKS));
if (unknown.length)
  throw new Error(`unknown benchmark ${unknown.join(', ')}: ${Object.keys(BENCHMARKS).join(', ')}`);
const rows: Row[] = [];
for (const name of named.length ? named : Object.keys(BENCHMARKS)) rows.push(...(await BENCHMARKS[name]!(n)));

const widths = [48, 24, 7];
console.log('\nratios against the bare baseline of the same run');
for (const r of rows)
  console.log(
    `${r.what.padEnd(widths[0]!)} ${r.figure.padStart(widths[1]!)} ${r.ratio.padStart(widths[2]!)}  goal ${r.goal}`,
  );
