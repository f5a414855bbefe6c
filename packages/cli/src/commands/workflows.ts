// `duban workflows repair`: workflows whose workflow task fails on every attempt (issue 12). Before
// the workflows refused bad input at the door, an Update whose input slipped past the gateway was
// accepted and then threw inside its handler: the task failed, and the server handed the same
// Update back with every retry, so the workflow was stuck for good and its routes hung or 500ed.
import type { Command } from 'commander';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@duban/config';
import { findStuckWorkflows, repairWorkflow, type Remedy } from '@duban/process';

function remedyLine(remedy: Remedy): string {
  return remedy.kind === 'reset'
    ? `重置到最后一个完成的工作流任务（事件 #${remedy.toEventId}）：已受理的操作保留` +
        (remedy.reapplied ? `（其后的 ${remedy.reapplied} 个信号和操作重新送达）` : '') +
        '，引发失败、未被受理的操作丢弃'
    : `终止：${remedy.why}`;
}

const OUTCOMES = {
  yes: '已恢复运行',
  'no-worker': '已重置，等待工作进程（duban start）接手',
  'still-failing': '重置后仍然失败：问题不在输入而在代码或已保存的状态，请保留现场并联系开发人员',
} as const;

const HELP = `
A workflow is stuck when its workflow task fails on every attempt (the pending task is on its
second attempt or later). Each one is listed with what the worker threw, then repaired:

  reset       (its first task completed once) to the last workflow task that completed, applying
              again every signal and Update recorded after it (all eligible events), so no action
              already accepted is lost. The Update that fails the task was never accepted nor
              recorded (the server hands it back with every retry, in memory): it is not applied
              again and is gone; its caller got no answer (504: "may take effect later") and
              sees it did not. The run is then watched for 10 s: running again, waiting for a
              worker, or still failing (a code or stored-state problem this tool does not guess
              at: keep it as it is and call a developer).
  terminate   (its first task never completed): it never ran its start input, published nothing,
              and cannot run it; correct the input and start it again.

Run it with the workers started (duban start), so that a reset run is seen running. --dry-run
lists without changing anything.
`;

export function registerWorkflowCommands(program: Command): void {
  program
    .command('workflows')
    .description('the Temporal workflows of every process')
    .command('repair')
    .description('find workflows whose workflow task fails on every attempt, show why, and repair them')
    .option('--dry-run', 'list the stuck workflows and their remedy; change nothing')
    .addHelpText('after', HELP)
    .action(async (flags: { dryRun?: boolean }) => {
      const config = loadConfig();
      const connection = await Connection.connect({ address: config.temporal.address });
      const client = new Client({ connection, namespace: config.temporal.namespace });
      try {
        const stuck = await findStuckWorkflows(client);
        if (stuck.length === 0) return void console.log('没有卡住的工作流。');
        console.log(`卡住的工作流 ${stuck.length} 个：`);
        for (const s of stuck) {
          console.log(
            `  ${s.workflowId}（${s.type}）第 ${s.attempt} 次尝试，首次失败于 ${s.failedAt ?? '未知'}`,
          );
          console.log(`    原因：${s.reason}`);
          console.log(`    处理：${remedyLine(s.remedy)}`);
          if (flags.dryRun) continue;
          const outcome = await repairWorkflow(client, s);
          console.log(`    结果：${outcome.done === 'terminated' ? '已终止' : OUTCOMES[outcome.running]}`);
        }
        if (flags.dryRun) console.log('（--dry-run：未做任何修改）');
      } finally {
        await connection.close();
      }
    });
}
