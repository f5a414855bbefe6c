import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DubanConfig } from './config';
import { ConfigError } from './errors';

/** Where a stack without JWT_SECRET keeps the secret it generated on its first start. */
export function jwtSecretFile(dataDir: string): string {
  return path.resolve(dataDir, 'secrets', 'jwt-secret');
}

export interface ResolvedSecret {
  secret: string;
  /** Where it came from, `JWT_SECRET` or the file's path, for the log (never the value itself). */
  source: string;
}

/**
 * The secret that signs session tokens: JWT_SECRET when configured; otherwise, outside production,
 * the one this data directory generated on its first start. No value in the source code is ever
 * used, so a token signed by anyone who read the source is refused. Production has no data
 * directory shared by its replicas, so there JWT_SECRET is required.
 */
export function resolveJwtSecret(config: DubanConfig): ResolvedSecret {
  if (config.auth.jwtSecret !== null) return { secret: config.auth.jwtSecret, source: 'JWT_SECRET' };
  if (config.nodeEnv === 'production') {
    throw new ConfigError([
      { variable: 'JWT_SECRET', message: 'required in production (at least 32 characters)' },
    ]);
  }
  const file = jwtSecretFile(config.dataDir);
  return { secret: readOrCreateSecret(file), source: file };
}

function readOrCreateSecret(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': two processes starting at once cannot both write; the second reads the first's.
    fs.writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A copy made with looser permissions is tightened rather than trusted as it is.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new ConfigError([
      {
        variable: 'JWT_SECRET',
        message: `${file} holds no usable secret (at least 32 characters); delete it to have a new one generated`,
      },
    ]);
  }
  return secret;
}
