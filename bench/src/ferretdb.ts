import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A FerretDB (SQLite) of a benchmark's own, in a fresh `.data/<name>` directory, with the flags
 * packages/stack gives the embedded one. `query` is added to the SQLite URL (FerretDB adds its
 * defaults: WAL, busy timeout). Returns the server, its MongoDB URI and its data directory. The
 * binary is `$DUBAN_ENGINES_DIR/bin/ferretdb` (default `.engines`).
 */
export function startBenchFerretDb(
  name: string,
  port: number,
  query = '',
): { server: ChildProcess; uri: string; dir: string } {
  const dir = path.join(root, '.data', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const server = spawn(
    path.join(process.env.DUBAN_ENGINES_DIR ?? path.join(root, '.engines'), 'bin', 'ferretdb'),
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/${query}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--debug-addr=127.0.0.1:${port + 1}`,
      `--state-dir=${dir}`,
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: 'ignore' },
  );
  return { server, uri: `mongodb://127.0.0.1:${port}/`, dir };
}
