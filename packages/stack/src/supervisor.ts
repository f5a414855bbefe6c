import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { engineSpecs, type EngineSpec } from './engines';
import type { StackPlan } from './plan';
import { isAlive, logFile, readPid, sleep, startDetached } from './processes';
import { stackDown, stackUp, type EngineStatus } from './stack';
import {
  clearSupervision,
  pauseRequestFile,
  writeSupervision,
  type SupervisedPart,
  type SupervisionState,
} from './supervision-state';

export interface SupervisorOptions {
  log: (line: string) => void;
  /**
   * Starts the services (a child process with an IPC channel that sends `{ type: 'ready' }` once
   * it serves). `firstStart` is false on restarts. Without it only the engines are supervised.
   */
  services?: (firstStart: boolean) => ChildProcess;
  /** The engines are up and healthy (before the services start). */
  onEnginesReady?: (statuses: EngineStatus[]) => void;
  /** The services child's ready message, every time it starts. */
  onServicesReady?: (message: ReadyMessage, firstStart: boolean) => void;
  /** Called when the services die before their first start completed: nothing sane to restart. */
  onFatal?: (reason: string) => void;
  backoff?: BackoffPolicy;
  pollMs?: number;
  engineStartTimeoutMs?: number;
}

export interface ReadyMessage {
  type: 'ready';
  [key: string]: unknown;
}

interface Part extends SupervisedPart {
  backoff: Backoff;
  runningSince: number;
  nextAttempt: number;
}

const SERVICES_STOP_GRACE_MS = 20_000;

function isReady(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready';
}

/**
 * The operator's watchman (`duban start`): engines and services that die are restarted, after a
 * growing wait, and the log and the state file say so. A backup asks it to pause: it stops the
 * services and engines, and starts them again when the backup is done.
 */
export class Supervisor {
  private readonly parts: Part[];
  private readonly engines: { spec: EngineSpec; part: Part }[];
  private readonly servicesPart: Part | null;
  private child: ChildProcess | null = null;
  private servicesEverReady = false;
  /** Why the services wait in `restarting`: they died, or a backup's pause ended. */
  private servicesWaitFor: 'death' | 'resume' = 'death';
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();
  private stopping = false;
  private paused = false;
  private readonly startedAt = new Date().toISOString();

  private constructor(
    private readonly plan: StackPlan,
    private readonly options: SupervisorOptions,
  ) {
    const part = (name: string): Part => ({
      name,
      state: 'starting',
      pid: null,
      restarts: 0,
      lastExitAt: null,
      lastRestartAt: null,
      nextAttemptAt: null,
      backoff: new Backoff(options.backoff ?? DEFAULT_BACKOFF),
      runningSince: Date.now(),
      nextAttempt: 0,
    });
    this.engines = engineSpecs(plan).map((spec) => ({ spec, part: part(spec.name) }));
    this.servicesPart = options.services ? part('services') : null;
    this.parts = [...this.engines.map((e) => e.part), ...(this.servicesPart ? [this.servicesPart] : [])];
  }

  /** Starts the engines (waiting until healthy), then the services, then watches them. */
  static async start(plan: StackPlan, options: SupervisorOptions): Promise<Supervisor> {
    const supervisor = new Supervisor(plan, options);
    const statuses = await stackUp(plan, { log: options.log });
    options.onEnginesReady?.(statuses);
    supervisor.adoptEngines();
    supervisor.spawnServices('first');
    supervisor.save();
    supervisor.timer = setInterval(() => {
      supervisor.tick = supervisor.tick
        .then(() => supervisor.check())
        .catch((error: unknown) => {
          options.log(`supervisor: ${error instanceof Error ? error.message : String(error)}`);
        });
    }, options.pollMs ?? 500);
    return supervisor;
  }

  /** Stops the services, then the engines; nothing is restarted any more. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearInterval(this.timer);
    await this.tick;
    await this.stopServices();
    await stackDown(this.plan, { log: this.options.log });
    clearSupervision(this.plan.dataDir);
  }

  private adoptEngines(): void {
    for (const { spec, part } of this.engines) this.markRunning(part, readPid(this.plan.dataDir, spec.name));
  }

  private async check(): Promise<void> {
    if (this.stopping) return;
    const pauseAsked = this.pauseAsked();
    if (pauseAsked && !this.paused) await this.pause();
    else if (!pauseAsked && this.paused) await this.resume();
    if (this.paused || this.stopping) return;

    for (const { spec, part } of this.engines) {
      if (part.state === 'running' && (part.pid === null || !isAlive(part.pid))) {
        this.died(
          part,
          `${spec.name} (pid ${part.pid}) is gone; see ${logFile(this.plan.dataDir, spec.name)}`,
        );
      }
      if (part.state === 'restarting' && Date.now() >= part.nextAttempt) await this.restartEngine(spec, part);
    }
    const services = this.servicesPart;
    const enginesUp = this.engines.every((e) => e.part.state === 'running');
    if (services?.state === 'restarting' && enginesUp && Date.now() >= services.nextAttempt) {
      this.spawnServices(this.servicesWaitFor);
    }
    this.save();
  }

  private died(part: Part, why: string): void {
    const delay = part.backoff.nextDelay(Date.now() - part.runningSince);
    part.state = 'restarting';
    part.pid = null;
    part.lastExitAt = new Date().toISOString();
    part.nextAttempt = Date.now() + delay;
    part.nextAttemptAt = new Date(part.nextAttempt).toISOString();
    this.options.log(`${why}; restarting in ${delay / 1000} s`);
    this.save();
  }

  private async restartEngine(spec: EngineSpec, part: Part): Promise<void> {
    part.restarts += 1;
    part.lastRestartAt = new Date().toISOString();
    part.state = 'starting';
    const pid = startDetached(this.plan.dataDir, spec.name, spec.binary, spec.args);
    part.pid = pid;
    this.options.log(`${spec.name} restarting (pid ${pid}, restart ${part.restarts})`);
    this.save();
    const deadline = Date.now() + (this.options.engineStartTimeoutMs ?? 60_000);
    while (!this.stopping && isAlive(pid) && Date.now() < deadline) {
      if (await spec.healthy()) {
        this.markRunning(part, pid);
        this.options.log(`${spec.name} healthy again: ${spec.listens.join(', ')}`);
        return;
      }
      await sleep(250);
    }
    if (this.stopping) return;
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    this.died(part, `${spec.name} did not become healthy`);
  }

  /** `resume`: after a backup, a planned start that is not counted as a restart. */
  private spawnServices(why: 'first' | 'death' | 'resume'): void {
    const part = this.servicesPart;
    if (!part || !this.options.services) return;
    const firstStart = why === 'first';
    const child = this.options.services(firstStart);
    this.child = child;
    part.state = 'starting';
    part.pid = child.pid ?? null;
    if (why === 'death') {
      part.restarts += 1;
      part.lastRestartAt = new Date().toISOString();
      this.options.log(`services restarting (pid ${child.pid}, restart ${part.restarts})`);
    } else if (why === 'resume') {
      this.options.log(`services starting (pid ${child.pid})`);
    }
    child.on('message', (message: unknown) => {
      if (!isReady(message)) return;
      this.servicesEverReady = true;
      this.markRunning(part, child.pid ?? null);
      this.save();
      this.options.onServicesReady?.(message, firstStart);
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.stopping || this.paused || part.state === 'paused') return;
      const how = signal ?? `code ${code}`;
      if (!this.servicesEverReady) {
        this.options.onFatal?.(`the services exited (${how}) before they were ready`);
        return;
      }
      this.servicesWaitFor = 'death';
      this.died(part, `services (pid ${child.pid}) exited (${how})`);
    });
  }

  private async stopServices(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), SERVICES_STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  /** A backup asked for the engines stopped, and the process that asked is still alive. */
  private pauseAsked(): boolean {
    try {
      const pid = Number(fs.readFileSync(pauseRequestFile(this.plan.dataDir), 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 && isAlive(pid);
    } catch {
      return false;
    }
  }

  private async pause(): Promise<void> {
    this.options.log('pausing for a backup: stopping the services and engines');
    for (const part of this.parts) part.state = 'paused';
    await this.stopServices();
    await stackDown(this.plan, { log: this.options.log });
    for (const part of this.parts) part.pid = null;
    this.paused = true;
    this.save();
  }

  private async resume(): Promise<void> {
    this.options.log('backup done: starting the engines and services again');
    this.paused = false;
    try {
      await stackUp(this.plan, { log: this.options.log });
    } catch (error) {
      this.options.log(`after the backup: ${error instanceof Error ? error.message : String(error)}`);
    }
    // An engine that did not come up is left to the restart loop, and the services wait for it.
    this.adoptEngines();
    for (const { spec, part } of this.engines) {
      if (part.pid === null || !isAlive(part.pid)) this.died(part, `${spec.name} did not start`);
    }
    if (this.engines.every((e) => e.part.state === 'running')) this.spawnServices('resume');
    else if (this.servicesPart) {
      Object.assign(this.servicesPart, { state: 'restarting', nextAttempt: 0 });
      this.servicesWaitFor = 'resume';
    }
    this.save();
  }

  private markRunning(part: Part, pid: number | null): void {
    part.state = 'running';
    part.pid = pid;
    part.runningSince = Date.now();
    part.nextAttemptAt = null;
  }

  private save(): void {
    if (this.stopping) return;
    const state: SupervisionState = {
      supervisorPid: process.pid,
      startedAt: this.startedAt,
      paused: this.paused,
      parts: this.parts.map(
        ({ name, state, pid, restarts, lastExitAt, lastRestartAt, nextAttemptAt }): SupervisedPart => ({
          name,
          state,
          pid,
          restarts,
          lastExitAt,
          lastRestartAt,
          nextAttemptAt,
        }),
      ),
    };
    writeSupervision(this.plan.dataDir, state);
  }
}
