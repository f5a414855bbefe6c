import fs from 'node:fs';
import {
  engineSpecs,
  mongoPing,
  natsConfigFile,
  natsConfigText,
  type EngineName,
  type EngineSpec,
} from './engines';
import type { StackPlan } from './plan';
import { isAlive, logFile, readPid, sleep, startDetached, stopProcess } from './processes';

export interface EngineStatus {
  name: EngineName | 'mongodb';
  running: boolean;
  healthy: boolean;
  pid: number | null;
  listens: string[];
  log?: string;
}

export class EngineStartError extends Error {
  override readonly name = 'EngineStartError';
}

export class EngineNotInstalledError extends Error {
  override readonly name = 'EngineNotInstalledError';
}

type Log = (line: string) => void;

/** Starts every engine of the plan that is not already running, and waits until all are healthy. */
export async function stackUp(
  plan: StackPlan,
  options: { log?: Log; healthTimeoutMs?: number; without?: readonly EngineName[] } = {},
): Promise<EngineStatus[]> {
  const log = options.log ?? (() => undefined);
  // A cluster runs ten processes and sets up its databases on the first start.
  const timeoutMs = options.healthTimeoutMs ?? (plan.cluster ? 300_000 : 120_000);
  const specs = specsOf(plan, options.without);
  for (const spec of specs) {
    if (!fs.existsSync(spec.binary)) {
      throw new EngineNotInstalledError(
        `${spec.name} is not installed at ${spec.binary}; run ${plan.cluster ? 'DUBAN_ENGINES=cluster ' : ''}bash infra/install-engines.sh`,
      );
    }
  }
  fs.mkdirSync(plan.dataDir, { recursive: true });
  if (!plan.cluster) {
    for (const dir of ['temporal', 'nats', 'ferretdb'])
      fs.mkdirSync(`${plan.dataDir}/${dir}`, { recursive: true });
    if (plan.nats.sync !== undefined) fs.writeFileSync(natsConfigFile(plan), natsConfigText(plan));
  }

  const deadline = Date.now() + timeoutMs;
  const stages = [...new Set(specs.map(stageOf))].sort((a, b) => a - b);
  for (const stage of stages) {
    const group = specs.filter((spec) => stageOf(spec) === stage);
    // Start all of a stage first, then wait: they boot in parallel.
    for (const spec of group) await start(plan, spec, log);
    for (const spec of group) await waitHealthy(plan, spec, deadline, timeoutMs, log);
    for (const spec of group) await spec.setup?.();
  }
  const without: readonly string[] = options.without ?? [];
  return (await stackStatus(plan)).filter((status) => !without.includes(status.name));
}

function stageOf(spec: EngineSpec): number {
  return spec.stage ?? 1;
}

async function start(plan: StackPlan, spec: EngineSpec, log: Log): Promise<void> {
  const pid = readPid(plan.dataDir, spec.name);
  if (pid !== null && isAlive(pid)) {
    log(`${spec.name} already running (pid ${pid})`);
    return;
  }
  if (await spec.healthy()) {
    throw new EngineStartError(
      `${spec.name}: its port is already served by a process this stack did not start (${spec.listens.join(', ')})`,
    );
  }
  await spec.prepare?.();
  const started = startDetached(plan.dataDir, spec.name, spec.binary, spec.args, {
    ...(spec.env ? { env: spec.env } : {}),
    ...(spec.account ? { account: spec.account } : {}),
  });
  log(`${spec.name} starting (pid ${started})`);
}

async function waitHealthy(
  plan: StackPlan,
  spec: EngineSpec,
  deadline: number,
  timeoutMs: number,
  log: Log,
): Promise<void> {
  while (!(await spec.healthy())) {
    const pid = readPid(plan.dataDir, spec.name);
    if (pid === null || !isAlive(pid)) {
      throw new EngineStartError(
        `${spec.name} exited during start; see ${logFile(plan.dataDir, spec.name)}:\n${tail(logFile(plan.dataDir, spec.name))}`,
      );
    }
    if (Date.now() > deadline) {
      throw new EngineStartError(
        `${spec.name} not healthy after ${timeoutMs} ms; see ${logFile(plan.dataDir, spec.name)}`,
      );
    }
    await sleep(250);
  }
  log(`${spec.name} healthy: ${spec.listens.join(', ')}`);
}

export async function stackDown(
  plan: StackPlan,
  options: { log?: Log; without?: readonly EngineName[] } = {},
): Promise<void> {
  const log = options.log ?? (() => undefined);
  // Reverse order: the store and bus outlive Temporal's workers a moment longer.
  for (const spec of specsOf(plan, options.without).reverse()) {
    const stopped = await stopProcess(plan.dataDir, spec.name);
    log(stopped ? `${spec.name} stopped` : `${spec.name} was not running`);
  }
}

export async function stackStatus(plan: StackPlan): Promise<EngineStatus[]> {
  const statuses = await Promise.all(
    engineSpecs(plan).map(async (spec): Promise<EngineStatus> => {
      const pid = readPid(plan.dataDir, spec.name);
      const running = pid !== null && isAlive(pid);
      return {
        name: spec.name,
        running,
        healthy: running && (await spec.healthy()),
        pid: running ? pid : null,
        listens: spec.listens,
        log: logFile(plan.dataDir, spec.name),
      };
    }),
  );
  if (plan.mongo.kind === 'external') {
    const healthy = await mongoPing(plan.mongo.uri);
    statuses.push({
      name: 'mongodb',
      running: healthy,
      healthy,
      pid: null,
      listens: [redact(plan.mongo.uri)],
    });
  }
  return statuses;
}

/**
 * The plan's engines but those left `without`: a rehearsal (packages/rehearsal) runs Temporal's
 * time-skipping test server in place of the dev server.
 */
function specsOf(plan: StackPlan, without: readonly EngineName[] = []) {
  return engineSpecs(plan).filter((spec) => !without.includes(spec.name));
}

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]+@/, '//***@');
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
