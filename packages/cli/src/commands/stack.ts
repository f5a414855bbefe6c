import type { Command } from 'commander';
import { loadConfig } from '@duban/config';
import {
  planFromConfig,
  readSupervision,
  stackDown,
  stackStatus,
  stackUp,
  stopSupervisor,
  type EngineStatus,
  type SupervisionState,
} from '@duban/stack';

// `--profile cluster` is DUBAN_PROFILE=cluster for this command (the services take the variable).
const profileOption = [
  '--profile <profile>',
  'single (embedded engines) or cluster (infra/production)',
] as const;
const configOf = (options: { profile?: string }) =>
  loadConfig(options.profile ? { ...process.env, DUBAN_PROFILE: options.profile } : process.env);

export function registerStackCommands(program: Command): void {
  const stack = program
    .command('stack')
    .description('the embedded engines: Temporal, NATS JetStream, FerretDB');

  stack
    .command('up')
    .description('start the engines in the background and wait until they are healthy')
    .option(...profileOption)
    .action(async (options: { profile?: string }) => {
      const plan = planFromConfig(configOf(options));
      const statuses = await stackUp(plan, { log: (line) => console.log(`  ${line}`) });
      printStatuses(statuses);
    });

  stack
    .command('down')
    .description('stop the engines (and a running `duban start`, which would restart them)')
    .option(...profileOption)
    .action(async (options: { profile?: string }) => {
      const plan = planFromConfig(configOf(options));
      if (await stopSupervisor(plan.dataDir)) console.log('  duban start stopped');
      await stackDown(plan, { log: (line) => console.log(`  ${line}`) });
    });

  stack
    .command('status')
    .description('show whether each engine runs and is healthy')
    .option(...profileOption)
    .action(async (options: { profile?: string }) => {
      const plan = planFromConfig(configOf(options));
      const statuses = await stackStatus(plan);
      printStatuses(statuses);
      const supervision = readSupervision(plan.dataDir);
      if (supervision) for (const line of supervisionLines(supervision)) console.log(line);
      if (!statuses.every((s) => s.healthy)) process.exitCode = 1;
    });
}

export function printStatuses(statuses: EngineStatus[]): void {
  for (const s of statuses) {
    const state = s.healthy ? 'healthy' : s.running ? 'running, not healthy' : 'stopped';
    const pid = s.pid === null ? '' : ` pid ${s.pid}`;
    console.log(`${s.name.padEnd(9)} ${state}${pid}  ${s.listens.join('  ')}`);
  }
}

/** What `duban start` watches: each part's state and how often it was restarted after dying. */
export function supervisionLines(state: SupervisionState): string[] {
  const paused = state.paused ? ', paused for a backup' : '';
  return [
    `supervised by duban start (pid ${state.supervisorPid}) since ${state.startedAt}${paused}`,
    ...state.parts.map((part) => {
      const last = part.lastRestartAt === null ? '' : `, last ${part.lastRestartAt}`;
      const next = part.nextAttemptAt === null ? '' : `, next attempt ${part.nextAttemptAt}`;
      const pid = part.pid === null ? '' : ` pid ${part.pid}`;
      return `  ${part.name.padEnd(9)} ${part.state}${pid}  restarts ${part.restarts}${last}${next}`;
    }),
  ];
}
