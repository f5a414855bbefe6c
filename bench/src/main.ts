// `pnpm bench [roundtrip|publish|import ...] [actions=300]`: runs the named benchmarks (all when
// none is named) one after the other, each on a stack or server of its own, then prints one table
// of ratios against their bare baselines measured in the same run.
import { actionRoundtrip } from './action-roundtrip';
import { eventPublishRatio } from './event-publish';
import { importRatio } from './import';

interface Row {
  what: string;
  figure: string;
  ratio: string;
  goal: string;
}

const BENCHMARKS: Record<string, (actions: number) => Promise<Row[]>> = {
  roundtrip: async (actions) => {
    const { bare, api } = await actionRoundtrip(actions);
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
};

const args = process.argv.slice(2);
const actions = Number(args.find((a) => /^\d+$/.test(a)) ?? 300);
const named = args.filter((a) => !/^\d+$/.test(a));
const unknown = named.filter((n) => !(n in BENCHMARKS));
if (unknown.length)
  throw new Error(`unknown benchmark ${unknown.join(', ')}: ${Object.keys(BENCHMARKS).join(', ')}`);
const rows: Row[] = [];
for (const name of named.length ? named : Object.keys(BENCHMARKS))
  rows.push(...(await BENCHMARKS[name]!(actions)));

const widths = [48, 24, 7];
console.log('\nratios against the bare baseline of the same run');
for (const r of rows)
  console.log(
    `${r.what.padEnd(widths[0]!)} ${r.figure.padStart(widths[1]!)} ${r.ratio.padStart(widths[2]!)}  goal ${r.goal}`,
  );
