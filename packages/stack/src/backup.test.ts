import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, restoreStack, verifyBackup } from './backup';
import type { StackPlan } from './plan';

// The refusals need no engine: a backup folder written by hand, and a data directory no stack runs in.
describe('restore refusals', () => {
  let root: string;
  let backup: string;
  let plan: StackPlan;
  const log = () => undefined;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-backup-'));
    backup = path.join(root, 'backup');
    plan = {
      dataDir: path.join(root, 'data'),
      enginesDir: path.join(root, 'no-engines'),
      temporal: {
        host: '127.0.0.1',
        port: 1,
        uiPort: null,
        httpPort: 2,
        metricsPort: 3,
        namespace: 'default',
      },
      nats: { host: '127.0.0.1', port: 4, monitorPort: 5 },
      mongo: { kind: 'ferretdb', host: '127.0.0.1', port: 6, debugPort: 7 },
    };
    const file = path.join(backup, 'data', 'nats', 'jetstream', 'stream.blk');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'events');
    const manifest = {
      format: 'duban-backup',
      formatVersion: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      source: '/elsewhere',
      engines: { nats: 'nats-server: v2.12.2' },
      files: [
        {
          path: 'nats/jetstream/stream.blk',
          bytes: 6,
          sha256: createHash('sha256').update('events').digest('hex'),
        },
      ],
    };
    fs.writeFileSync(path.join(backup, 'manifest.json'), JSON.stringify(manifest));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('accepts a complete backup', () => {
    expect(verifyBackup(backup).files).toHaveLength(1);
  });

  it('names what is wrong with a bad or incomplete backup folder', () => {
    expect(() => verifyBackup(path.join(root, 'nowhere'))).toThrow(/does not exist/);
    fs.writeFileSync(path.join(backup, 'data', 'nats', 'jetstream', 'stream.blk'), 'eventz');
    expect(() => verifyBackup(backup)).toThrow(/damaged backup: nats\/jetstream\/stream.blk/);
    fs.rmSync(path.join(backup, 'data'), { recursive: true });
    expect(() => verifyBackup(backup)).toThrow(/incomplete backup: nats\/jetstream\/stream.blk is missing/);
    fs.writeFileSync(path.join(backup, 'manifest.json'), '{"format":"something-else"}');
    expect(() => verifyBackup(backup)).toThrow(/not a Duban backup manifest/);
    fs.rmSync(path.join(backup, 'manifest.json'));
    expect(() => verifyBackup(backup)).toThrow(BackupError);
    expect(() => verifyBackup(backup)).toThrow(/no manifest.json/);
  });

  it('refuses to restore over engine data unless asked, and then moves that data aside', async () => {
    fs.mkdirSync(path.join(plan.dataDir, 'temporal'), { recursive: true });
    fs.writeFileSync(path.join(plan.dataDir, 'temporal', 'temporal.sqlite'), 'older');
    await expect(restoreStack(plan, backup, { log })).rejects.toThrow(
      /already holds engine data \(temporal\)/,
    );

    await restoreStack(plan, backup, { log, replace: true });
    expect(fs.readFileSync(path.join(plan.dataDir, 'nats', 'jetstream', 'stream.blk'), 'utf8')).toBe(
      'events',
    );
    expect(fs.existsSync(path.join(plan.dataDir, 'temporal'))).toBe(false);
    const aside = fs.readdirSync(plan.dataDir).find((name) => name.startsWith('before-restore-'))!;
    expect(fs.readFileSync(path.join(plan.dataDir, aside, 'temporal', 'temporal.sqlite'), 'utf8')).toBe(
      'older',
    );
  });

  it('refuses to restore while an engine of the stack runs', async () => {
    fs.mkdirSync(path.join(plan.dataDir, 'run'), { recursive: true });
    fs.writeFileSync(path.join(plan.dataDir, 'run', 'nats.pid'), String(process.pid));
    await expect(restoreStack(plan, backup, { log })).rejects.toThrow(/is running \(nats\)/);
  });
});
