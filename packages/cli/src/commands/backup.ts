import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '@duban/config';
import { backupStack, planFromConfig, restoreStack } from '@duban/stack';

/** Backup and restore of the embedded engines' data (Temporal, NATS JetStream, FerretDB). */
export function registerBackupCommands(program: Command): void {
  const log = (line: string) => console.log(`  ${line}`);

  program
    .command('backup')
    .description('copy the embedded engines’ data into <dir>, with the engines paused for a consistent copy')
    .argument('<dir>', 'a new or empty folder')
    .action(async (dir: string) => {
      const plan = planFromConfig(loadConfig());
      const manifest = await backupStack(plan, path.resolve(dir), log);
      console.log(`backup ${manifest.createdAt}: ${manifest.files.length} files in ${path.resolve(dir)}`);
    });

  program
    .command('restore')
    .description('put a backup’s data into the data directory (DUBAN_DATA_DIR); the stack must be stopped')
    .argument('<dir>', 'a folder written by duban backup')
    .option('--force', 'move engine data already in the data directory aside instead of refusing')
    .action(async (dir: string, options: { force?: boolean }) => {
      const plan = planFromConfig(loadConfig());
      const manifest = await restoreStack(plan, path.resolve(dir), { log, replace: options.force === true });
      console.log(`restored the backup of ${manifest.createdAt}; start the stack with duban start`);
    });
}
