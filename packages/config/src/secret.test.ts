import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, jwtSecretFile, loadConfig, resolveJwtSecret } from './index';

describe('resolveJwtSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-secret-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('generates a random secret on first start, readable by the owner only, and reuses it later', () => {
    const first = resolveJwtSecret(loadConfig({ DUBAN_DATA_DIR: dataDir }));
    const file = jwtSecretFile(dataDir);
    expect(first.source).toBe(file);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(loadConfig({ DUBAN_DATA_DIR: dataDir })).secret).toBe(first.secret);

    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-secret-'));
    try {
      expect(resolveJwtSecret(loadConfig({ DUBAN_DATA_DIR: otherDir })).secret).not.toBe(first.secret);
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('lets a configured JWT_SECRET win, and then writes nothing', () => {
    const secret = 'y'.repeat(40);
    expect(resolveJwtSecret(loadConfig({ DUBAN_DATA_DIR: dataDir, JWT_SECRET: secret }))).toEqual({
      secret,
      source: 'JWT_SECRET',
    });
    expect(fs.existsSync(jwtSecretFile(dataDir))).toBe(false);
  });

  it('requires JWT_SECRET in production, where replicas share no data directory', () => {
    expect(() => resolveJwtSecret(loadConfig({ DUBAN_DATA_DIR: dataDir, NODE_ENV: 'production' }))).toThrow(
      ConfigError,
    );
    expect(fs.existsSync(jwtSecretFile(dataDir))).toBe(false);
  });

  it('tightens a secret file copied with loose permissions, and refuses one too short to use', () => {
    const file = jwtSecretFile(dataDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'z'.repeat(43), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(resolveJwtSecret(loadConfig({ DUBAN_DATA_DIR: dataDir })).secret).toBe('z'.repeat(43));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    fs.writeFileSync(file, 'short');
    expect(() => resolveJwtSecret(loadConfig({ DUBAN_DATA_DIR: dataDir }))).toThrow(/no usable secret/);
  });
});
