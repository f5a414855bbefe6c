import type { Command } from 'commander';
import { loadConfig } from '@duban/config';
import { planFromConfig, stackDown, stackStatus, stackUp, type EngineStatus } from '@duban/stack';

export function registerStackCommands(program: Command): void {
  const stack = program
    .command('stack')
    .description('the embedded engines: Temporal, NATS JetStream, FerretDB');

  stack
    .command('up')
    .description('start the engines in the background and wait until they are healthy')
    .action(async () => {
      const plan = planFromConfig(loadConfig());
      const statuses = await stackUp(plan, { log: (line) => console.log(`  ${line}`) });
      printStatuses(statuses);
    });

  stack
    .command('down')
    .description('stop the engines started by `stack up`')
    .action(async () => {
      await stackDown(planFromConfig(loadConfig()), { log: (line) => console.log(`  ${line}`) });
    });

  stack
    .command('status')
    .description('show whether each engine runs and is healthy')
    .action(async () => {
      const statuses = await stackStatus(planFromConfig(loadConfig()));
      printStatuses(statuses);
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
