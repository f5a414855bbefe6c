// The node-death run on demand (issue 21, point 4; needs `DUBAN_ENGINES=cluster bash
// infra/install-engines.sh` once): `DUBAN_TEST_STACK=<slot> tsx bench/src/chaos/node-death-main.ts`.
// Prints the stall of each outage and the checks; exit 1 if anything was lost or doubled.
import { nodeDeathLines, nodeDeathPassed, runNodeDeath } from './node-death';

const report = await runNodeDeath({
  slot: Number(process.env.DUBAN_TEST_STACK ?? '0'),
  flowEveryMs: Number(process.env.NODE_DEATH_FLOW_EVERY_MS ?? 2_000),
  settleMs: 20_000,
  downMs: 5_000,
  log: (line) => console.log(`  [${new Date().toISOString().slice(11, 19)}] ${line}`),
});
for (const line of nodeDeathLines(report)) console.log(line);
process.exit(nodeDeathPassed(report) ? 0 : 1);
