import fs from 'node:fs';
import path from 'node:path';
import { isAlive, sleep } from './processes';

// `duban start` writes what it supervises to a file in the data directory, so `duban stack status`
// (another process) and the gateway's /api/health (the services child) can show it.

export type PartState = 'starting' | 'running' | 'restarting' | 'paused' | 'stopped';

export interface SupervisedPart {
  name: string;
  state: PartState;
  pid: number | null;
  /** Restarts after a death since the supervisor started. */
  restarts: number;
  lastExitAt: string | null;
  lastRestartAt: string | null;
  /** While `restarting`: when the next attempt is due. */
  nextAttemptAt: string | null;
}

export interface SupervisionState {
  supervisorPid: number;
  startedAt: string;
  /** True while a backup holds the engines stopped. */
  paused: boolean;
  parts: SupervisedPart[];
}

export function supervisionFile(dataDir: string): string {
  return path.join(dataDir, 'run', 'supervisor.json');
}

/** Asked for by `duban backup`: the file holds the asking process's pid. */
export function pauseRequestFile(dataDir: string): string {
  return path.join(dataDir, 'run', 'pause-request');
}

export function writeSupervision(dataDir: string, state: SupervisionState): void {
  const file = supervisionFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename: a reader never sees half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(state, null, 2));
  fs.renameSync(temporary, file);
}

/** The state of a supervisor that is alive, or null (none started, or it died). */
export function readSupervision(dataDir: string): SupervisionState | null {
  try {
    const state = JSON.parse(fs.readFileSync(supervisionFile(dataDir), 'utf8')) as SupervisionState;
    return isAlive(state.supervisorPid) ? state : null;
  } catch {
    return null;
  }
}

export function clearSupervision(dataDir: string): void {
  fs.rmSync(supervisionFile(dataDir), { force: true });
}

/**
 * Asks a running `duban start` to stop everything (as Ctrl-C would) and waits until it has; false
 * when none runs. Without this, stopping its engines would only have them restarted.
 */
export async function stopSupervisor(dataDir: string, timeoutMs = 60_000): Promise<boolean> {
  const state = readSupervision(dataDir);
  if (state === null) return false;
  process.kill(state.supervisorPid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(state.supervisorPid)) {
    if (Date.now() > deadline) throw new Error(`duban start (pid ${state.supervisorPid}) did not stop`);
    await sleep(200);
  }
  return true;
}
