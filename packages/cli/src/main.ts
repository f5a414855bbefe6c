import { Command } from 'commander';
import { ConfigError } from '@duban/config';
import { BackupError } from '@duban/stack';
import { registerBackupCommands } from './commands/backup';
import { registerImportCommand } from './commands/import';
import { registerProjectionCommands } from './commands/projections';
import { registerStackCommands } from './commands/stack';
import { registerStartCommand } from './commands/start';
import { registerWorkflowCommands } from './commands/workflows';

const program = new Command('duban').description('督办 Duban — policy documents as supervised workflows');
registerStackCommands(program);
registerStartCommand(program);
registerProjectionCommands(program);
registerImportCommand(program);
registerBackupCommands(program);
registerWorkflowCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof BackupError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  }
  process.exit(1);
});
