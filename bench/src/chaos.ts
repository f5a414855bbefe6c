// Chaos run (not a test): `pnpm chaos [flows=1000] [cases=100] [seed]` drives supervision flows
// and kindergarten cases through the API of a stack of its own while SIGKILLing its parts at
// random, then checks that nothing was lost, doubled or left unfinished. Exit 1 if anything was.
import { chaosEnv } from './chaos/stack';
import { passed, reportLines, runChaos } from './chaos/run';

const flows = Number(process.argv[2] ?? 1000);
const cases = Number(process.argv[3] ?? 100);
const seed = process.argv[4] === undefined ? Date.now() : Number(process.argv[4]);
// Ports 2500 above the defaults: apart from a developer's stack, the tests' and `pnpm bench`'s.
const env = chaosEnv('chaos', 2500, process.env.NATS_SYNC ?? 'always');

console.log(`chaos run: ${flows} supervision flows, ${cases} kindergarten cases, seed ${seed}`);
const report = await runChaos({
  env,
  flows,
  cases,
  concurrency: 16,
  killGapMs: [3_000, 15_000],
  downMs: [500, 5_000],
  minKillsPerPart: 1,
  seed,
  log: (line) => console.log(`  [${new Date().toISOString().slice(11, 19)}] ${line}`),
});
for (const line of reportLines(report, flows, cases)) console.log(line);
process.exit(passed(report) ? 0 : 1);
