// The chaos run's own stack: the three engines on ports and a data folder of its own, and the
// service process as a child, each of which it can SIGKILL and start again. It restarts what it
// killed itself (it does not rely on any supervisor), and a service process that dies on its
// own is started again too, and counted: that is a finding.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig, type DubanConfig } from '@duban/config';
import { planFromConfig, stackDown, stackUp, type StackPlan } from '@duban/stack';

export const PARTS = ['service', 'nats', 'temporal', 'ferretdb'] as const;
export type Part = (typeof PARTS)[number];

const root = path.resolve(import.meta.dirname, '../../..');

/** Ports `base + offset` (+10, +11 for the engines' second ports); the data folder by name. */
export function chaosEnv(name: string, offset: number, sync = 'always'): Record<string, string> {
  const port = (base: number) => String(base + offset);
  return {
    DUBAN_DATA_DIR: path.join(root, '.data', name),
    DUBAN_ENGINES_DIR: path.join(root, '.engines'),
    TEMPORAL_ADDRESS: `127.0.0.1:${port(17233)}`,
    NATS_URL: `nats://127.0.0.1:${port(14222)}`,
    NATS_MONITOR_PORT: port(18222),
    NATS_SYNC: sync,
    FERRETDB_PORT: port(21017),
    MONGODB_DB: 'duban_chaos',
    PORT: port(13000),
    LOG_LEVEL: 'warn',
  };
}

export class ChaosStack {
  readonly config: DubanConfig;
  readonly plan: StackPlan;
  readonly url: string;
  private child: ChildProcess | null = null;
  private stopping = false;
  /** Service exits nobody asked for (not our SIGKILL): each one is a finding. */
  readonly crashes: string[] = [];
  private readonly log: string;

  constructor(private readonly env: Record<string, string>) {
    this.config = loadConfig(env);
    this.plan = planFromConfig(this.config, { headless: true });
    this.url = `http://127.0.0.1:${this.config.http.port}`;
    this.log = path.join(this.plan.dataDir, 'logs', 'service.log');
  }

  /** Fresh engines on empty data (a stack left behind by a killed run is stopped first). */
  async up(): Promise<void> {
    await stackDown(this.plan);
    fs.rmSync(this.plan.dataDir, { recursive: true, force: true });
    await stackUp(this.plan);
    fs.mkdirSync(path.dirname(this.log), { recursive: true });
  }

  /** Starts the service process and resolves once it serves (starting it again if it dies early). */
  async startService(): Promise<void> {
    for (;;) {
      const ready = await this.spawnService();
      if (ready) return;
      await sleep(1_000);
    }
  }

  private spawnService(): Promise<boolean> {
    const out = fs.openSync(this.log, 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'service.ts')], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', out],
    });
    fs.closeSync(out);
    this.child = child;
    return new Promise((resolve) => {
      let ready = false;
      child.stdout!.on('data', (chunk: Buffer) => {
        fs.appendFileSync(this.log, chunk);
        if (!ready && chunk.toString().includes('ready ')) {
          ready = true;
          resolve(true);
        }
      });
      child.on('exit', (code, signal) => {
        if (this.child === child) this.child = null;
        if (!ready) {
          resolve(false);
          return;
        }
        if (this.stopping || signal === 'SIGKILL') return;
        // Died by itself while serving: note it and serve again.
        this.crashes.push(`${new Date().toISOString()} exit ${code ?? signal}`);
        void this.startService();
      });
    });
  }

  /** SIGKILLs one part, as a power cut of that process would. */
  async kill(part: Part): Promise<void> {
    const pid = part === 'service' ? (this.child?.pid ?? null) : this.enginePid(part);
    if (pid === null) return;
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(20);
  }

  /** Starts a part again and waits until it serves. */
  async restart(part: Part): Promise<void> {
    if (part === 'service') {
      if (!this.child) await this.startService();
      return;
    }
    await stackUp(this.plan, { healthTimeoutMs: 120_000 });
  }

  async down(): Promise<void> {
    this.stopping = true;
    await this.stopService();
    await stackDown(this.plan);
  }

  /** SIGTERM: the service stops its consumers and workers in order. */
  async stopService(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    this.stopping = true;
    child.kill('SIGTERM');
    const deadline = Date.now() + 15_000;
    while (isAlive(child.pid) && Date.now() < deadline) await sleep(50);
    if (isAlive(child.pid)) child.kill('SIGKILL');
    this.child = null;
  }

  private enginePid(name: Exclude<Part, 'service'>): number | null {
    try {
      const pid = Number(fs.readFileSync(path.join(this.plan.dataDir, 'run', `${name}.pid`), 'utf8'));
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
