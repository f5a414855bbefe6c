import type { Command } from 'commander';
import { loadConfig } from '@duban/config';
import { planFromConfig, stackDown, stackUp } from '@duban/stack';
import { startSystem, type RunningSystem } from '@duban/system';
import { printStatuses } from './stack';

/** The README's start command: engines and every service in this terminal; Ctrl-C stops all. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start the whole system on the embedded engines; Ctrl-C stops it')
    .action(async () => {
      const config = loadConfig();
      const plan = planFromConfig(config);
      const log = (line: string) => console.log(`  ${line}`);
      console.log('启动引擎 (engines)…');
      printStatuses(await stackUp(plan, { log }));

      let system: RunningSystem | undefined;
      let stopping = false;
      const stop = async (code: number) => {
        if (stopping) return;
        stopping = true;
        console.log('\n正在停止 (stopping)…');
        await system?.close().catch((e: unknown) => console.error(e));
        await stackDown(plan, { log });
        process.exit(code);
      };
      process.on('SIGINT', () => void stop(0));
      process.on('SIGTERM', () => void stop(0));

      try {
        console.log('\n启动服务并导入公报 (services, gazette import)…');
        system = await startSystem(config);
      } catch (error) {
        console.error(error);
        await stop(1);
        return;
      }
      printSummary(system, config.temporal.uiPort);
    });

  program
    .command('serve')
    .description('run the services against engines that already run (a dev stack or the clusters)')
    .option('--no-import', 'do not import the bundled gazette')
    .action(async (options: { import: boolean }) => {
      const system = await startSystem(loadConfig(), { importGazette: options.import });
      printSummary(system, null);
      const stop = () => void system.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}

function printSummary(system: RunningSystem, temporalUiPort: number | null): void {
  const { catalog, gateway } = system;
  if (catalog) {
    const t = catalog.summary.totals;
    console.log(
      `  公报：${catalog.summary.documents.length} 份文件，${t.tasks.total} 项任务（新 ${t.tasks.new}，变更 ${t.tasks.changed}，未变 ${t.tasks.unchanged}）`,
    );
    console.log(
      `  督办事项：新启动 ${catalog.items.started}，已在运行 ${catalog.items.alreadyRunning}，已办结 ${catalog.items.alreadyClosed}，跳过 ${catalog.items.skipped}`,
    );
    console.log(`  用户：新建 ${catalog.users.created.length}，已有 ${catalog.users.existing.length}`);
  }
  console.log(`\n督办 Duban 已启动`);
  console.log(`  控制台       ${gateway.url}/   ← 在浏览器中打开 (open in a browser)`);
  console.log(`  API          ${gateway.url}/api  (OpenAPI: ${gateway.url}/api/openapi.json)`);
  if (temporalUiPort !== null) console.log(`  Temporal UI  http://127.0.0.1:${temporalUiPort}`);
  console.log(
    '  登录 (dev)   inspector / duban-inspector-2019 · leader / duban-leader-2019 · bureau-edu / duban-bureau-2019',
  );
  console.log('\n按 Ctrl-C 停止 (Ctrl-C stops everything).');
}
