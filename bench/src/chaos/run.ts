// The chaos run (issue 12, item 10): supervision flows and kindergarten cases driven through the
// API while the service process, nats-server, the Temporal server and FerretDB are SIGKILLed at
// random and started again; then the checks of checks.ts. `pnpm chaos` prints the figures; the
// test command runs a short one (test/e2e/chaos.test.ts).
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { ReadModels } from '@duban/contracts';
import { seedUsers } from '@duban/service-gateway';
import { Api, ApiStats } from './api';
import { verify, type Check } from './checks';
import { ITEM_UNITS, kindergartenFlow, supervisionFlow, type FlowTally, type Tokens } from './flows';
import { ChaosStack, PARTS, sleep, type Part } from './stack';

export interface ChaosOptions {
  env: Record<string, string>;
  flows: number;
  cases: number;
  /** Flows and cases in flight at once. */
  concurrency: number;
  /** Pause between one part coming back and the next kill, at random in [min, max] ms. */
  killGapMs: [number, number];
  /** How long a killed part stays down, at random in [min, max] ms. */
  downMs: [number, number];
  /** Kill every part at least this many times, even if the flows are done sooner. */
  minKillsPerPart: number;
  /** And at most this many (default: no limit while flows run). */
  maxKillsPerPart?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** One action sent while an engine was down (defect 6), and its retry once the engine was back. */
export interface DownProbe {
  part: Part;
  status: number;
  ms: number;
  retryAfter: string | null;
  /** The same request id sent again after the restart. */
  retryStatus: number;
}

export interface ChaosReport {
  probes: DownProbe[];
  supervision: FlowTally;
  kindergarten: FlowTally;
  kills: Record<Part, number>;
  /** Seconds each part was down, summed. */
  downSeconds: Record<Part, number>;
  serviceCrashes: string[];
  api: ApiStats;
  checks: Check[];
  durationMs: number;
}

/** A small deterministic PRNG, so a run can be repeated with its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BUREAUS = ['edu', 'fin', 'hous', 'natres', 'ndrc', 'civil', 'staffing'];

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const rand = random(options.seed ?? Date.now());
  const between = ([min, max]: [number, number]) => min + rand() * (max - min);
  const stack = new ChaosStack(options.env);
  const started = Date.now();
  const run = Date.now().toString(36);
  const stats = new ApiStats();
  const api = new Api(stack.url, stats);
  const supervision: FlowTally = { started: 0, completed: 0, unexpected: [] };
  const kindergarten: FlowTally = { started: 0, completed: 0, unexpected: [] };
  const kills = Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>;
  const downSeconds = Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>;

  log('starting the chaos stack');
  await stack.up();
  const mongo = new MongoClient(stack.config.mongo.uri);
  await mongo.connect();
  await seedUsers(mongo.db(stack.config.mongo.db), {
    leadUnitCodes: [...new Set([...BUREAUS, ...ITEM_UNITS])],
  });
  await mongo.close();
  await stack.startService();
  // Lazy: it connects when first used and again after every Temporal restart.
  const connection = Connection.lazy({ address: stack.config.temporal.address });
  const client = new Client({ connection, namespace: stack.config.temporal.namespace });
  try {
    const tokens: Tokens = {};
    for (const unit of BUREAUS)
      tokens[`bureau-${unit}`] = await api.login(`bureau-${unit}`, 'duban-bureau-2019');
    tokens.inspector = await api.login('inspector', 'duban-inspector-2019');
    const probes: DownProbe[] = [];
    const probeItem = `probe-${run}`;
    await supervisionFlow(
      api,
      () => client,
      tokens,
      run,
      -1,
      { started: 0, completed: 0, unexpected: [] },
      {
        itemId: probeItem,
        steps: 1,
      },
    );
    /** An action sent once while `part` is down, then again with the same id after the restart. */
    const probe = async (part: Part, k: number): Promise<() => Promise<void>> => {
      // Wait until the gateway knows the engine gone (its watch probes every second, and a health
      // check reports to the same watch): a fixed pause was too short on a loaded machine.
      await engineSeenDown(stack.url, part === 'ferretdb' ? 'mongodb' : 'temporal');
      const path = `/api/items/${probeItem}/actions/progress`;
      const requestId = `probe-${run}-${k}`;
      const body = { text: `引擎停止时的进展 ${k}`, attachments: [] };
      const t = Date.now();
      const res = await fetch(stack.url + path, {
        method: 'POST',
        headers: {
          'x-request-id': requestId,
          authorization: `Bearer ${tokens['bureau-edu']}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      }).catch(() => null);
      const answered = {
        status: res?.status ?? 0,
        ms: Date.now() - t,
        retryAfter: res?.headers.get('retry-after') ?? null,
      };
      return async () => {
        const again = await api.send('POST', path, { token: tokens['bureau-edu']!, body, requestId });
        probes.push({ part, ...answered, retryStatus: again.status });
      };
    };
    const campaignId = `chaos-${run}`;
    // Opened on the gazette's date: its deadlines are long past, so cases turn red and alerts go out.
    const opened = await api.send('POST', '/api/campaigns', {
      token: tokens.inspector,
      requestId: `chaos-${run}-campaign`,
      body: { campaignId, startDate: '2019-04-22', title: '混沌演练' },
    });
    if (opened.status !== 201) throw new Error(`campaign: ${opened.status} ${JSON.stringify(opened.body)}`);

    // The work: cases and items interleaved, `concurrency` at a time.
    const work: (() => Promise<void>)[] = [];
    // A flow whose requests get no usable answer at all (a workflow left failing its task) is
    // reported as such with the others, not thrown: the run goes on and prints its figures.
    const reported = (tally: FlowTally, flow: () => Promise<void>) => () =>
      flow().catch((error: unknown) => {
        tally.unexpected.push(`no answer: ${error instanceof Error ? error.message : String(error)}`);
      });
    for (let i = 0, k = 0; i < options.flows || k < options.cases;) {
      if (k < options.cases && (i >= options.flows || k * options.flows <= i * options.cases)) {
        const n = k++;
        work.push(
          reported(kindergarten, () => kindergartenFlow(api, tokens, campaignId, run, n, kindergarten)),
        );
      } else {
        const n = i++;
        work.push(
          reported(supervision, () => supervisionFlow(api, () => client, tokens, run, n, supervision)),
        );
      }
    }
    let next = 0;
    let finished = false;
    stats.lastSuccess = Date.now();
    const workers = Array.from({ length: options.concurrency }, async () => {
      while (next < work.length) await work[next++]!();
    });
    const flowsDone = Promise.all(workers).finally(() => {
      finished = true;
    });

    // The monkey: one part at a time, each part in turn in a shuffled order, until the flows are
    // done and every part was killed `minKillsPerPart` times.
    const monkey = (async () => {
      const rounds = options.maxKillsPerPart ?? Infinity;
      for (let round = 0; round < rounds && (!finished || round < options.minKillsPerPart); round += 1) {
        const order = [...PARTS].sort(() => rand() - 0.5);
        for (const part of order) {
          if (finished && round >= options.minKillsPerPart) return;
          await sleep(between(options.killGapMs));
          const down = between(options.downMs);
          log(
            `kill -9 ${part} (down ${(down / 1000).toFixed(1)} s); done so far: ` +
              `${supervision.completed}/${options.flows} flows, ${kindergarten.completed}/${options.cases} cases`,
          );
          const t = Date.now();
          await stack.kill(part);
          kills[part] += 1;
          const probing = part === 'temporal' || part === 'ferretdb';
          const retry = probing ? await probe(part, kills[part] * 10 + PARTS.indexOf(part)) : null;
          await sleep(down);
          await stack.restart(part);
          downSeconds[part] += (Date.now() - t) / 1000;
          await retry?.();
        }
      }
    })();
    await Promise.all([flowsDone, monkey]);
    log('flows done; checking');
    const checks = await verify(
      stack,
      {
        run,
        items: supervision.started,
        campaignId,
        cases: kindergarten.started,
      },
      log,
    );
    checks.push(await probesApplied(stack, probeItem, probes));
    checks.push(await noneFailingTheirTask(client));
    return {
      probes,
      supervision,
      kindergarten,
      kills,
      downSeconds,
      serviceCrashes: stack.crashes,
      api: stats,
      checks,
      durationMs: Date.now() - started,
    };
  } finally {
    await connection.close().catch(() => undefined);
    await stack.down();
  }
}

/** No workflow is left failing its task (a replay that cannot match its history, for one). */
async function noneFailingTheirTask(client: Client): Promise<Check> {
  const failing: string[] = [];
  for await (const info of client.workflow.list({ query: "ExecutionStatus = 'Running'" })) {
    const description = await client.workflow.getHandle(info.workflowId, info.runId).describe();
    if ((description.raw.pendingWorkflowTask?.attempt ?? 0) >= 2) failing.push(info.workflowId);
  }
  return {
    name: 'no workflow left failing its task',
    ok: failing.length === 0,
    detail:
      failing.length === 0
        ? 'none'
        : `${failing.length}: ${failing.slice(0, 5).join(', ')} (remedy: pnpm duban workflows repair)`,
  };
}

/** Each probe's action reached the timeline once: sent while down, retried, applied once. */
async function probesApplied(stack: ChaosStack, itemId: string, probes: DownProbe[]): Promise<Check> {
  const mongo = new MongoClient(stack.config.mongo.uri);
  try {
    await mongo.connect();
    const entries = await mongo
      .db(stack.config.mongo.db)
      .collection(ReadModels.timeline)
      .countDocuments({ itemId, fact: 'progress_reported' });
    const bad = [
      ...(entries === probes.length ? [] : [`${entries} progress entries for ${probes.length} probes`]),
      ...probes.filter((p) => p.retryStatus !== 200).map((p) => `${p.part} retry ${p.retryStatus}`),
    ];
    return {
      name: 'actions sent while an engine was down: applied once after a retry',
      ok: bad.length === 0,
      detail: bad.length ? bad.join('; ') : `${probes.length} probes, ${entries} applied`,
    };
  } finally {
    await mongo.close();
  }
}

/** The figures, one line each. */
export function reportLines(r: ChaosReport, flows: number, cases: number): string[] {
  const s = r.api;
  return [
    `supervision flows completed/started: ${r.supervision.completed}/${r.supervision.started} (of ${flows})`,
    `kindergarten cases completed/started: ${r.kindergarten.completed}/${r.kindergarten.started} (of ${cases})`,
    `kills: ${Object.entries(r.kills)
      .map(([p, n]) => `${p} ${n} (down ${r.downSeconds[p as Part].toFixed(1)} s)`)
      .join(', ')}`,
    `service exits nobody asked for: ${r.serviceCrashes.length}`,
    `requests: ${s.requests}, retries: ${s.retries}, 500s met: ${s.serverErrors.length}`,
    `longest stall of one request: ${(s.longestStallMs / 1000).toFixed(1)} s (${s.longestStallAt})`,
    `longest time without any successful answer: ${(s.longestGapMs / 1000).toFixed(1)} s`,
    ...r.probes.map(
      (p) =>
        `action while ${p.part} down: ${p.status} in ${p.ms} ms (Retry-After ${p.retryAfter ?? '-'}); same request id after restart: ${p.retryStatus}`,
    ),
    `unexpected answers: ${r.supervision.unexpected.length + r.kindergarten.unexpected.length}`,
    ...[...r.supervision.unexpected, ...r.kindergarten.unexpected].slice(0, 10).map((u) => `  ${u}`),
    ...s.serverErrors.slice(0, 5).map((e) => `  500: ${e}`),
    ...r.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
    `duration: ${(r.durationMs / 1000).toFixed(0)} s`,
  ];
}

/** True when nothing was lost, doubled or left unfinished. */
export function passed(r: ChaosReport): boolean {
  return (
    r.checks.every((c) => c.ok) &&
    r.supervision.unexpected.length === 0 &&
    r.kindergarten.unexpected.length === 0 &&
    r.supervision.completed === r.supervision.started &&
    r.kindergarten.completed === r.kindergarten.started &&
    r.probes.every((p) => p.status === 503 && p.retryAfter !== null)
  );
}

/** Polls /api/health until it names `engine` unreachable, for at most `timeoutMs`. */
async function engineSeenDown(
  url: string,
  engine: 'mongodb' | 'temporal',
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })
      .then((r) => r.json() as Promise<{ engines?: Record<string, { ok: boolean }> }>)
      .catch(() => null);
    if (health?.engines?.[engine]?.ok === false) return;
    await sleep(250);
  }
}
