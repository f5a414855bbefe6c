import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@duban/config';
import type { ParsedGazette, ParseWarning } from '@duban/gazette';
import {
  GazetteFileError,
  importCatalog,
  NoticeInputError,
  parseNoticeForOffice,
  ParsedNoticeSchema,
  readNoticeInput,
  startSupervisionItems,
  supervisionCandidates,
  type ImportSummary,
  type StartSupervisionResult,
} from '@duban/service-catalog';
import { connectStore } from '@duban/store';

/** A failure the command explains itself (no stack trace): a bad file, an engine not reachable. */
class ImportCommandError extends Error {
  override readonly name = 'ImportCommandError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
  /** commander's `--no-start`: false when given. */
  start: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tables: CJK characters take two columns in a terminal.

const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function renderTable(headers: string[], rows: string[][], numericFrom: number): string {
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i >= numericFrom ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** 关于印发《青铜峡市城镇小区配套幼儿园治理工作方案》的通知 → 青铜峡市城镇小区配套幼儿园治理工作方案 */
export function shortTitle(title: string, width = 40): string {
  const quoted = /《([^》]+)》/u.exec(title)?.[1];
  const core = quoted ?? title.replace(/^关于(?:印发)?/u, '').replace(/的通知$/u, '');
  return clip(core, width);
}

function unknownUnitsOf(warnings: readonly ParseWarning[]): ParseWarning[] {
  return warnings.filter((w) => w.kind === 'unknown-unit');
}

function warningLines(warnings: readonly ParseWarning[]): string[] {
  if (warnings.length === 0) return ['解析警告：无'];
  const byKind = new Map<string, number>();
  for (const w of warnings) byKind.set(w.kind, (byKind.get(w.kind) ?? 0) + 1);
  return [
    `解析警告 ${warnings.length} 条（${[...byKind].map(([k, n]) => `${k} ${n}`).join('，')}）：`,
    ...warnings.map(
      (w) => `  - ${w.docNo ? `${w.docNo} ` : ''}${w.line ? `第${w.line}行 ` : ''}${w.message}`,
    ),
  ];
}

export function dryRunReport(file: string, parsed: ParsedGazette): string {
  const rows = parsed.documents.map((d) => [
    d.docNo ?? '（无文号）',
    shortTitle(d.title),
    String(d.tasks.length),
    String(d.tasks.filter((t) => t.deadlines.length > 0).length),
    String(
      d.tasks.reduce((n, t) => n + t.indicators.length, 0) +
        d.targets.reduce((n, t) => n + t.indicators.length, 0),
    ),
    String(d.articles.length),
  ]);
  const sum = (i: number) => String(rows.reduce((n, r) => n + Number(r[i]), 0));
  rows.push(['合计', `${parsed.documents.length} 份文件`, sum(2), sum(3), sum(4), sum(5)]);
  const unknown = unknownUnitsOf(parsed.warnings);
  return [
    `${file}（试运行，未写入任何数据）`,
    '',
    renderTable(['文号', '标题', '任务数', '有期限', '指标数', '条款数'], rows, 2),
    '',
    `单位：${parsed.units.length} 个；未识别单位：${unknown.length === 0 ? '无' : unknown.map((w) => w.message).join('；')}`,
    ...warningLines(parsed.warnings),
  ].join('\n');
}

export function importReport(summary: ImportSummary): string {
  const rows = summary.documents.map((d) => [
    d.docNo,
    shortTitle(d.title, 32),
    String(d.tasks.total),
    String(d.tasks.new),
    String(d.tasks.changed),
    String(d.tasks.unchanged),
    String(d.tasks.withDeadline),
    String(d.tasks.indicators),
    String(d.articles.total),
  ]);
  const t = summary.totals;
  rows.push([
    '合计',
    `${t.documents.total} 份文件`,
    String(t.tasks.total),
    String(t.tasks.new),
    String(t.tasks.changed),
    String(t.tasks.unchanged),
    String(summary.documents.reduce((n, d) => n + d.tasks.withDeadline, 0)),
    String(summary.documents.reduce((n, d) => n + d.tasks.indicators, 0)),
    String(t.articles.total),
  ]);
  const lines = [
    `已导入 ${summary.source}：文件 新增 ${t.documents.new}、变更 ${t.documents.changed}、未变 ${t.documents.unchanged}；` +
      `条款 新增 ${t.articles.new}、变更 ${t.articles.changed}、未变 ${t.articles.unchanged}`,
    '',
    renderTable(['文号', '标题', '任务数', '新增', '变更', '未变', '有期限', '指标数', '条款数'], rows, 2),
    '',
  ];
  for (const d of summary.documents) {
    if (d.changedRefs.length) lines.push(`${d.docNo} 变更（已存为新版本）：${d.changedRefs.join('、')}`);
    if (d.newRefs.length && d.document !== 'new') lines.push(`${d.docNo} 新增：${d.newRefs.join('、')}`);
    if (d.missingRefs.length)
      lines.push(`${d.docNo} 删除（本文件中已没有；目录保留未删）：${d.missingRefs.join('、')}`);
  }
  lines.push(
    summary.noLeadUnit.length === 0
      ? '无牵头单位的任务：无'
      : `无牵头单位的任务（不启动督办）：${summary.noLeadUnit.map((n) => `${n.docNo} ${n.ref} ${n.title}`).join('；')}`,
  );
  lines.push(...warningLines(summary.warnings));
  return lines.join('\n');
}

export function startReport(result: StartSupervisionResult): string {
  return (
    `督办事项：已启动 ${result.started}，已在运行 ${result.alreadyRunning}，已办结 ${result.alreadyClosed}，` +
    `跳过 ${result.skipped}${result.skipped ? `（无牵头单位：${result.skippedItems.map((s) => s.itemId).join('、')}）` : ''}`
  );
}

/** Reads any notice the importer accepts (text, Word, Excel) and parses it; refuses one with no document. */
async function loadNotice(file: string): Promise<{ text: string; parsed: ParsedGazette }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ImportCommandError(`${file}: 无法读取 (${messageOf(error)})`);
  }
  const input = await readNoticeInput({ bytes, fileName: path.basename(file) });
  // Validated as the importer stores it (the gazette's JSON shape, key order included).
  const parsed = ParsedNoticeSchema.parse(await parseNoticeForOffice(input.text, null));
  if (parsed.documents.length === 0)
    throw new ImportCommandError(`${file}: 没有找到通知或任务 (no notice found)`);
  // Today's JSON shape: the parse as the gazette parser gives it.
  return { text: input.text, parsed: parsed as ParsedGazette };
}

async function runImport(file: string, flags: ImportFlags): Promise<void> {
  // `duban import … --json | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // Read and parse first: a bad file stops here, before any engine is touched.
  const loaded = await loadNotice(file);

  if (flags.dryRun) {
    if (flags.json) {
      // The parse as it is, with the unknown-unit warnings listed first, where a reader looks.
      const { documents, units, warnings, ...front } = loaded.parsed;
      const unknownUnits = unknownUnitsOf(warnings);
      console.log(JSON.stringify({ unknownUnits, documents, units, warnings, ...front }, null, 2));
    } else {
      console.log(dryRunReport(file, loaded.parsed));
    }
    return;
  }

  const config = loadConfig();
  const store = await connectStore(config.mongo.uri, config.mongo.db).catch((error: unknown) => {
    throw new ImportCommandError(
      `无法连接 MongoDB ${config.mongo.uri}（${messageOf(error)}）；未写入任何数据。引擎未启动时先运行 pnpm duban stack up`,
    );
  });
  let summary: ImportSummary;
  try {
    summary = await importCatalog(store.db, loaded.parsed, {
      source: file,
      sourceText: loaded.text,
      importedBy: `cli:${process.env.USER ?? 'unknown'}`,
    });
  } finally {
    await store.close();
  }
  if (!flags.json) console.log(importReport(summary));

  let started: StartSupervisionResult | null = null;
  if (flags.start) {
    const connection = await Connection.connect({
      address: config.temporal.address,
      connectTimeout: '10s',
    }).catch((error: unknown) => {
      throw new ImportCommandError(
        `目录已导入，但无法连接 Temporal ${config.temporal.address}（${messageOf(error)}），督办事项未启动；` +
          '引擎可用后重新运行本命令即可（导入与启动都是幂等的）',
      );
    });
    try {
      const client = new Client({ connection, namespace: config.temporal.namespace });
      started = await startSupervisionItems(client, supervisionCandidates(loaded.parsed.documents), {
        escalateAfterRedDays: config.alerts.redEscalationDays,
      });
    } finally {
      await connection.close();
    }
    if (!flags.json) console.log(`\n${startReport(started)}`);
  }
  if (flags.json) console.log(JSON.stringify({ import: summary, start: started }, null, 2));
}

/** `duban import <file>`: parse a gazette, store its catalog, start one supervision item per task. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a gazette file: catalog its documents and tasks, then start the supervision items')
    .argument(
      '<file>',
      'a notice or gazette (.md/.txt now), e.g. data/gazette/qingtongxia-gazette-2019-02.md',
    )
    .option('--dry-run', 'parse only and print the result; write nothing')
    .option('--json', 'print JSON (with --dry-run: the whole parse, plus unknownUnits)')
    .option('--no-start', 'store the catalog but start no supervision workflow')
    .action(async (file: string, flags: ImportFlags) => {
      try {
        await runImport(file, flags);
      } catch (error) {
        if (!(
          error instanceof GazetteFileError ||
          error instanceof ImportCommandError ||
          error instanceof NoticeInputError
        ))
          throw error;
        console.error(`duban import: ${error.message}`);
        process.exitCode = 1;
      }
    });
}
