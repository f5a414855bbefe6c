import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { engineSpecs } from './engines';
import type { StackPlan } from './plan';
import { isAlive, readPid, sleep } from './processes';
import { stackDown, stackUp } from './stack';
import { pauseRequestFile, readSupervision } from './supervision-state';

const run = promisify(execFile);

/** The folders of the data directory that hold the engines' data (see engines.ts). */
const ENGINE_DATA = ['temporal', 'nats', 'ferretdb'] as const;
const MANIFEST = 'manifest.json';
const FORMAT = 'duban-backup';
const FORMAT_VERSION = 1;

export interface BackupManifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The data directory the backup was taken from. */
  source: string;
  /** `--version` of each engine binary that wrote the data. */
  engines: Record<string, string>;
  files: { path: string; bytes: number; sha256: string }[];
}

/** A backup that cannot be taken or restored; the message says why and what to do. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

type Log = (line: string) => void;

/**
 * Copies the embedded engines' data into `target` while they are stopped, so the three are
 * consistent with each other: a running `duban start` is asked to pause (it stops the services
 * and engines, and starts them again afterwards); engines of `stack up` are stopped and started
 * again; a stopped stack is copied as it is. The manifest is written last: a folder without one
 * is an unfinished backup. The JWT secret is not copied: a restored stack makes its own.
 */
export async function backupStack(plan: StackPlan, target: string, log: Log): Promise<BackupManifest> {
  if (plan.cluster) {
    throw new BackupError(
      'the cluster profile keeps its state in PostgreSQL and JetStream replicas: back them up with their own tools (pg_dump, nats stream backup); duban backup covers the embedded engines',
    );
  }
  if (plan.mongo.kind === 'external') {
    throw new BackupError(
      'MONGODB_URI is set: back up that MongoDB with its own tools (mongodump); duban backup covers the embedded engines',
    );
  }
  if (!ENGINE_DATA.some((dir) => fs.existsSync(path.join(plan.dataDir, dir)))) {
    throw new BackupError(`${plan.dataDir} holds no engine data to back up`);
  }
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new BackupError(`${target} is not empty; back up into a new folder`);
  }
  const engines = await engineVersions(plan);
  return withEnginesStopped(plan, log, () => {
    const files: BackupManifest['files'] = [];
    for (const file of dataFiles(plan.dataDir)) {
      const to = path.join(target, 'data', file);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(plan.dataDir, file), to);
      files.push({ path: file, bytes: fs.statSync(to).size, sha256: sha256(to) });
    }
    const manifest: BackupManifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: plan.dataDir,
      engines,
      files,
    };
    fs.writeFileSync(path.join(target, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    log(`${files.length} files backed up to ${target}`);
    return manifest;
  });
}

/**
 * Puts a backup's data into the plan's data directory. Refused while any engine of the stack
 * runs, and over engine data already there unless `replace` (then that data is moved aside into
 * `before-restore-<time>/`, not deleted).
 */
export async function restoreStack(
  plan: StackPlan,
  source: string,
  options: { log: Log; replace?: boolean },
): Promise<BackupManifest> {
  const manifest = verifyBackup(source);
  const running = runningParts(plan);
  if (running.length > 0) {
    throw new BackupError(
      `the stack in ${plan.dataDir} is running (${running.join(', ')}); stop it (Ctrl-C or duban stack down) before restoring`,
    );
  }
  const present = ENGINE_DATA.filter((dir) => nonEmpty(path.join(plan.dataDir, dir)));
  if (present.length > 0) {
    if (!options.replace) {
      throw new BackupError(
        `${plan.dataDir} already holds engine data (${present.join(', ')}); restore into an empty data directory, or pass --force to move it aside`,
      );
    }
    const aside = path.join(plan.dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    fs.mkdirSync(aside, { recursive: true });
    for (const dir of present) fs.renameSync(path.join(plan.dataDir, dir), path.join(aside, dir));
    options.log(`existing data moved to ${aside}`);
  }
  for (const file of manifest.files) {
    const to = path.join(plan.dataDir, file.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(source, 'data', file.path), to);
  }
  const now = await engineVersions(plan);
  for (const [engine, version] of Object.entries(manifest.engines)) {
    if (now[engine] !== undefined && now[engine] !== version) {
      options.log(`note: ${engine} wrote this backup as "${version}", the installed one is "${now[engine]}"`);
    }
  }
  options.log(
    `${manifest.files.length} files restored into ${plan.dataDir} (backup of ${manifest.createdAt})`,
  );
  return manifest;
}

/** The manifest of a complete, undamaged backup; a BackupError naming the first problem otherwise. */
export function verifyBackup(dir: string): BackupManifest {
  if (!fs.existsSync(dir)) throw new BackupError(`${dir} does not exist`);
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) {
    throw new BackupError(`${dir} has no ${MANIFEST}: not a Duban backup, or one that did not finish`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${file} is not valid JSON`);
  }
  if (
    manifest.format !== FORMAT ||
    manifest.formatVersion !== FORMAT_VERSION ||
    !Array.isArray(manifest.files)
  ) {
    throw new BackupError(`${file} is not a Duban backup manifest of version ${FORMAT_VERSION}`);
  }
  for (const entry of manifest.files) {
    const data = path.join(dir, 'data', entry.path);
    if (path.relative(path.join(dir, 'data'), data).startsWith('..')) {
      throw new BackupError(`${file} names a file outside the backup: ${entry.path}`);
    }
    if (!fs.existsSync(data)) throw new BackupError(`incomplete backup: ${entry.path} is missing`);
    if (fs.statSync(data).size !== entry.bytes || sha256(data) !== entry.sha256) {
      throw new BackupError(`damaged backup: ${entry.path} differs from the manifest`);
    }
  }
  return manifest;
}

async function withEnginesStopped<T>(plan: StackPlan, log: Log, copy: () => T): Promise<T> {
  if (readSupervision(plan.dataDir)) {
    const request = pauseRequestFile(plan.dataDir);
    fs.writeFileSync(request, String(process.pid));
    try {
      log('asking duban start to pause the engines');
      const deadline = Date.now() + 120_000;
      while (!readSupervision(plan.dataDir)?.paused) {
        if (Date.now() > deadline) throw new BackupError('duban start did not pause within 120 s');
        await sleep(250);
      }
      return copy();
    } finally {
      // The supervisor starts everything again once the request is gone.
      fs.rmSync(request, { force: true });
    }
  }
  if (runningParts(plan).length === 0) return copy();
  log('stopping the engines for a consistent copy');
  await stackDown(plan, { log });
  try {
    return copy();
  } finally {
    await stackUp(plan, { log });
  }
}

function runningParts(plan: StackPlan): string[] {
  const running = engineSpecs(plan)
    .map((spec) => spec.name)
    .filter((name) => {
      const pid = readPid(plan.dataDir, name);
      return pid !== null && isAlive(pid);
    });
  return readSupervision(plan.dataDir) ? ['duban start', ...running] : running;
}

/** Every file under the engine data folders, relative to the data directory. */
function dataFiles(dataDir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dataDir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  for (const dir of ENGINE_DATA) if (fs.existsSync(path.join(dataDir, dir))) walk(dir);
  return files.sort();
}

async function engineVersions(plan: StackPlan): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const spec of engineSpecs(plan)) {
    try {
      const { stdout } = await run(spec.binary, ['--version'], { timeout: 10_000 });
      versions[spec.name] = stdout.trim().split('\n')[0] ?? '';
    } catch {
      versions[spec.name] = 'unknown';
    }
  }
  return versions;
}

function nonEmpty(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
