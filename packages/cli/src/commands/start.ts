import type { Command } from 'commander';
import { loadConfig } from '@duban/config';
import { planFromConfig, stackDown, stackUp } from '@duban/stack';
import { printStatuses } from './stack';

/** The README's start command: engines in the foreground of this terminal; Ctrl-C stops all. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start the whole system on the embedded engines; Ctrl-C stops it')
    .action(async () => {
      const config = loadConfig();
      const plan = planFromConfig(config);
      const log = (line: string) => console.log(`  ${line}`);
      const statuses = await stackUp(plan, { log });
      printStatuses(statuses);

      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        console.log('\nstopping…');
        await stackDown(plan, { log });
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
      console.log('\nDuban is running. Press Ctrl-C to stop.');
      // Keep the process alive until a signal arrives.
      setInterval(() => undefined, 1 << 30);
    });
}
