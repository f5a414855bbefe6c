import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '@duban/config';
import { planFromConfig, readSupervision, stackDown, Supervisor, type ReadyMessage } from '@duban/stack';
import { rehearsalConfig, startRehearsal } from '@duban/rehearsal';
import { startSystem, type RunningSystem } from '@duban/system';
import { printStatuses } from './stack';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/**
 * The README's start command: the engines, and the services in a child process (`duban serve`),
 * all supervised from this terminal: a part that dies is restarted after a growing wait, and the
 * log, `duban stack status` and /api/health say so. Ctrl-C stops all.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start the whole system on the embedded engines, supervised; Ctrl-C stops it')
    .option('--no-import', 'do not import the bundled gazette')
    .option(
      '--rehearse <date>',
      '演练模式: a training stack of its own (<data>/rehearsal) on a clock starting at <date> (YYYY-MM-DD)',
    )
    .action(async (options: { import: boolean; rehearse?: string }) => {
      if (options.rehearse !== undefined) return rehearse(options.rehearse, options.import);
      const config = loadConfig();
      const plan = planFromConfig(config);
      const log = (line: string) => console.log(`  ${line}`);
      const supervisorLog = (line: string) =>
        console.log(`[supervisor ${new Date().toISOString().slice(11, 19)}] ${line}`);
      console.log('启动引擎 (engines)…');

      // Set once the engines are up; Ctrl-C may come before.
      const running: { supervisor?: Supervisor } = {};
      let stopping = false;
      const stop = async (code: number) => {
        if (stopping) return;
        stopping = true;
        console.log('\n正在停止 (stopping)…');
        // Stopped while the engines were still starting: no supervisor yet to stop them.
        await (running.supervisor ? running.supervisor.stop() : stackDown(plan, { log })).catch(
          (e: unknown) => console.error(e),
        );
        process.exit(code);
      };
      process.on('SIGINT', () => void stop(0));
      process.on('SIGTERM', () => void stop(0));

      running.supervisor = await Supervisor.start(plan, {
        log: (line) => (running.supervisor ? supervisorLog(line) : log(line)),
        onEnginesReady: printStatuses,
        services: (firstStart) => {
          if (firstStart) console.log('\n启动服务并导入公报 (services, gazette import)…');
          // Its own process group: Ctrl-C reaches this process, which stops the services in order.
          return fork(MAIN, ['serve', ...(firstStart && options.import ? [] : ['--no-import'])], {
            execArgv: process.execArgv,
            detached: true,
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          });
        },
        onServicesReady: (message, firstStart) => {
          if (firstStart) printSummary(message as ReadyMessage & Summary, config.temporal.uiPort);
          else supervisorLog(`services ready again: ${(message as ReadyMessage & Summary).url}`);
        },
        onFatal: (reason) => {
          console.error(`\n${reason}`);
          void stop(1);
        },
      });
    });

  program
    .command('serve')
    .description('run the services against engines that already run (a dev stack or the clusters)')
    .option('--no-import', 'do not import the bundled gazette')
    .action(async (options: { import: boolean }) => {
      const config = loadConfig();
      const system = await startSystem(config, {
        importGazette: options.import,
        supervision: () => supervisionView(config.dataDir),
      });
      const stop = () => void system.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      if (process.send) {
        // Run by `duban start`: it prints the summary, and when it is gone, so are we.
        process.send({ type: 'ready', ...summaryOf(system) } satisfies ReadyMessage & Summary);
        process.on('disconnect', stop);
      } else {
        printSummary(summaryOf(system), null);
      }
    });
}

/**
 * 演练模式 (issue 22): everything in this one process, on the time-skipping server, started afresh
 * each time; Ctrl-C stops it. The real stack's data and ports are not touched.
 */
async function rehearse(date: string, importGazette: boolean): Promise<void> {
  const config = rehearsalConfig();
  console.log(`启动演练 (rehearsal) ${date}，数据目录 ${config.dataDir}…`);
  const running = await startRehearsal(config, {
    date,
    importGazette,
    log: (line) => console.log(`  ${line}`),
  });
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  printSummary(summaryOf({ ...running.system, catalog: running.catalog }), null);
  console.log(`  演练：模拟日期 ${date}；督查室或管理员在控制台「演练时钟」推进时钟。`);
}

function supervisionView(dataDir: string) {
  const state = readSupervision(dataDir);
  if (state === null) return null;
  return {
    paused: state.paused,
    parts: state.parts.map(({ name, state, restarts, lastRestartAt }) => ({
      name,
      state,
      restarts,
      lastRestartAt,
    })),
  };
}

interface Summary {
  url: string;
  catalogLines: string[];
}

function summaryOf(system: RunningSystem): Summary {
  const { catalog, gateway } = system;
  if (!catalog) return { url: gateway.url, catalogLines: [] };
  const t = catalog.summary.totals;
  return {
    url: gateway.url,
    catalogLines: [
      `公报：${catalog.summary.documents.length} 份文件，${t.tasks.total} 项任务（新 ${t.tasks.new}，变更 ${t.tasks.changed}，未变 ${t.tasks.unchanged}）`,
      `督办事项：新启动 ${catalog.items.started}，已在运行 ${catalog.items.alreadyRunning}，已办结 ${catalog.items.alreadyClosed}，跳过 ${catalog.items.skipped}`,
      `用户：新建 ${catalog.users.created.length}，已有 ${catalog.users.existing.length}`,
    ],
  };
}

function printSummary({ url, catalogLines }: Summary, temporalUiPort: number | null): void {
  for (const line of catalogLines) console.log(`  ${line}`);
  console.log(`\n督办 Duban 已启动`);
  console.log(`  控制台       ${url}/   ← 在浏览器中打开 (open in a browser)`);
  console.log(`  API          ${url}/api  (OpenAPI: ${url}/api/openapi.json)`);
  if (temporalUiPort !== null) console.log(`  Temporal UI  http://127.0.0.1:${temporalUiPort}`);
  console.log(
    '  登录 (dev)   inspector / duban-inspector-2019 · leader / duban-leader-2019 · bureau-edu / duban-bureau-2019',
  );
  console.log('\n按 Ctrl-C 停止 (Ctrl-C stops everything).');
}
