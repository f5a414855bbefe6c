import type { Command } from 'commander';
import { connectBus, ensureStreams } from '@duban/bus';
import { loadConfig } from '@duban/config';
import { rebuildReadModels, type ReadModelRebuilt, type StoreReadModel } from '@duban/process';
import { connectStore } from '@duban/store';
import { PROCESSES } from '@duban/system';

/** Every read model the stream can rebuild, process by process, in the order they are rebuilt. */
export const REBUILDABLE_READ_MODELS: readonly StoreReadModel[] = PROCESSES.flatMap(
  (p) => p.readModels ?? [],
);

/** The read models `--only` picks (all when absent); an unknown name is refused naming the known ones. */
export function pickReadModels(
  only: string | undefined,
  models: readonly StoreReadModel[] = REBUILDABLE_READ_MODELS,
): StoreReadModel[] {
  if (only === undefined) return [...models];
  const picked = models.filter((m) => m.name === only);
  if (picked.length === 0) {
    throw new Error(`没有名为 ${only} 的读模型；可选：${models.map((m) => m.name).join('、')}`);
  }
  return picked;
}

export function rebuiltLine(r: ReadModelRebuilt): string {
  const duplicates = r.duplicates ? `，识别重复事件 ${r.duplicates} 次` : '';
  return (
    `  ${r.name} ${r.label}：${r.consumers.length} 个消费者共处理事件 ${r.handled} 次${duplicates}，` +
    `用时 ${(r.durationMs / 1000).toFixed(1)} 秒`
  );
}

const HELP = `
Read models rebuilt (--only <name> picks one):
${REBUILDABLE_READ_MODELS.map((m) => `  ${m.name.padEnd(16)} ${m.label}`).join('\n')}

Each one: its durable consumers are deleted, its collections dropped, its own entries of the
shared inbox (我的待办) deleted — other processes' entries stay — and its consumers replay the
whole stream from the start.

Not rebuilt:
  alerts (预警)      facts announced once as AlertRaised; the alerts consumers are not replayed,
                     so nothing is announced again and nothing stored with an alert is lost.
  campaigns          written by the API (kg_campaigns, cl_campaigns), not by events.
  users, catalog     not read models.
`;

export function registerProjectionCommands(program: Command): void {
  program
    .command('projections')
    .description('read models kept by the services from the event stream')
    .command('rebuild')
    .description(
      'drop the read models and replay the whole event stream into them (stop `duban start` first)',
    )
    .option('--only <name>', 'rebuild one read model only (supervision, kindergarten, …)')
    .addHelpText('after', HELP)
    .action(async (flags: { only?: string }) => {
      const models = pickReadModels(flags.only);
      const config = loadConfig();
      const store = await connectStore(config.mongo.uri, config.mongo.db);
      const bus = await connectBus(config.nats.url, {
        name: 'duban-rebuild',
        streamReplicas: config.nats.streamReplicas,
      });
      try {
        await ensureStreams(bus.jsm, { replicas: config.nats.streamReplicas });
        const started = Date.now();
        console.log('读模型重建：');
        const rebuilt = await rebuildReadModels(models, {
          bus,
          db: store.db,
          onRebuilt: (r) => console.log(rebuiltLine(r)),
        });
        for (const r of rebuilt) for (const consumer of r.consumers) await consumer.stop();
        console.log(
          `读模型已重建：${rebuilt.length} 组，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒` +
            '（预警不重建，不会重复发出）',
        );
      } finally {
        await bus.close();
        await store.close();
      }
    });
}
