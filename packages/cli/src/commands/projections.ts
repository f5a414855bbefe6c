import type { Command } from 'commander';
import { connectBus, ensureStreams } from '@duban/bus';
import { loadConfig } from '@duban/config';
import { rebuildProjections } from '@duban/service-projector';
import { connectStore } from '@duban/store';

export function registerProjectionCommands(program: Command): void {
  program
    .command('projections')
    .description('read models kept by the projector')
    .command('rebuild')
    .description(
      'drop the read models and replay the whole event stream into them (stop `duban start` first)',
    )
    .action(async () => {
      const config = loadConfig();
      const store = await connectStore(config.mongo.uri, config.mongo.db);
      const bus = await connectBus(config.nats.url, { name: 'duban-rebuild' });
      try {
        await ensureStreams(bus.jsm);
        const result = await rebuildProjections({ bus, db: store.db });
        await result.consumer.stop();
        console.log(
          `读模型已重建：重放 ${result.handled} 个事件，用时 ${(result.durationMs / 1000).toFixed(1)} 秒`,
        );
      } finally {
        await bus.close();
        await store.close();
      }
    });
}
