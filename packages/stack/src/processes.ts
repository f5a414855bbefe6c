import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

// Engines run detached with a pid file, so `stack up` can return and `stack down` (another
// process, maybe after a reboot of the shell) can find and stop them.
export function pidFile(dataDir: string, name: string): string {
  return path.join(dataDir, 'run', `${name}.pid`);
}

export function logFile(dataDir: string, name: string): string {
  return path.join(dataDir, 'logs', `${name}.log`);
}

export function readPid(dataDir: string, name: string): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(dataDir, name), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function startDetached(
  dataDir: string,
  name: string,
  binary: string,
  args: string[],
  options: { env?: Record<string, string>; account?: { uid: number; gid: number } } = {},
): number {
  fs.mkdirSync(path.dirname(pidFile(dataDir, name)), { recursive: true });
  fs.mkdirSync(path.dirname(logFile(dataDir, name)), { recursive: true });
  const out = fs.openSync(logFile(dataDir, name), 'a');
  const child = spawn(binary, args, {
    detached: true,
    stdio: ['ignore', out, out],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    ...(options.account ?? {}),
  });
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${name} (${binary})`);
  child.unref();
  fs.writeFileSync(pidFile(dataDir, name), String(child.pid));
  return child.pid;
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stopProcess(dataDir: string, name: string, graceMs = 10_000): Promise<boolean> {
  const pid = readPid(dataDir, name);
  if (pid === null || !isAlive(pid)) {
    fs.rmSync(pidFile(dataDir, name), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(50);
  fs.rmSync(pidFile(dataDir, name), { force: true });
  return true;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
