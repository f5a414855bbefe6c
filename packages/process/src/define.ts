import type { Bus, RebuildableReadModel, RunningConsumer } from '@duban/bus';
import type { DubanConfig } from '@duban/config';
import type { EventDomain, PendingExtensionRequest } from '@duban/contracts';
import type { ProcessRouteContext, Route } from '@duban/http';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import type { Db } from 'mongodb';
import type { ProcessOverview } from './overview';

/** What a process's Temporal workers need; each worker polls its own task queue. */
export interface ProcessWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  js: JetStreamClient;
}

/** A started worker as the composition root sees it: run until shut down. */
export interface ProcessWorker {
  run(): Promise<void>;
  shutdown(): void;
  getState(): string;
}

/** What a process's consumers (projections, bureau modules, alerts) need. */
export interface ProcessServiceDeps {
  bus: Bus;
  db: Db;
  config: DubanConfig;
  /** The composition root's Temporal client, for consumers that act on workflows. */
  temporal: Client;
  /** Prefix of every durable name; tests pass their own to stay apart. */
  durablePrefix?: string;
}

/** What runs once the workers and consumers are up (entity workflows, the gazette's campaign). */
export interface ProcessStartDeps {
  temporal: Client;
  db: Db;
  config: DubanConfig;
}

/** A page of the web console that a process brings (plain ES module, no build step). */
export interface ConsolePage {
  /** First part of the console route: `#/<key>/…`, e.g. `kindergarten`. */
  key: string;
  /** Menu title in Chinese. */
  title: string;
  /** Module path inside the process's console folder, e.g. `pages/kindergarten.js`. */
  module: string;
  /** The module's export that renders the page: `(container, ctx) => Promise<void>`. */
  render: string;
  /** Roles that see it in their menu, in the order of `PROCESSES`. */
  roles: readonly ('bureau' | 'inspector' | 'leader' | 'admin')[];
  /**
   * Outside users of these unit kinds (OUTSIDE_UNIT_KINDS of @duban/units: a travel agency, a
   * village …) see it in their menu, which holds nothing else. Their API calls pass only the routes
   * and grants opened to outside users.
   */
  outside?: readonly ('village' | 'operator' | 'business')[];
}

/** The process's console files: served at `/processes/<name>/`, its pages added to the menu. */
export interface ProcessConsole {
  /** Absolute path of the folder with its modules. */
  dir: string;
  pages: readonly ConsolePage[];
}

/**
 * One process of the gazette (督办事项, 幼儿园治理, 耕地保护 …) as the rest of Duban sees it.
 * The composition root keeps one list of these; gateway, system start, the CLI, the shared
 * inbox, the review queue and the OpenAPI document loop over that list and know no process by
 * name.
 */
export interface ProcessModule {
  /** Machine name: the `process` of its inbox entries and alerts, e.g. `kindergarten`. */
  name: string;
  /** Chinese name, as the console and the CLI show it, e.g. `城镇小区配套幼儿园治理`. */
  label: string;
  /** Where the gazette sets it out, e.g. `青政办发〔2019〕31号`. */
  source: string;
  /** Its facts (`as const` objects of event definitions, registered when defined). */
  events: readonly EventDomain[];
  /** Its Temporal workers. */
  workers?: (deps: ProcessWorkerDeps) => Promise<ProcessWorker[]>;
  /** Its consumers: projections, bureau modules, alerts. */
  services?: (deps: ProcessServiceDeps) => Promise<RunningConsumer[]>;
  /** Idempotent start-up work once workers and consumers run. */
  onStart?: (deps: ProcessStartDeps) => Promise<void>;
  /** Its read models that `duban projections rebuild` can replay from the stream. */
  readModels?: readonly RebuildableReadModel<Db>[];
  /** Its open things by colour, for the leadership cockpit (领导驾驶舱). */
  overview?: (db: Db) => Promise<ProcessOverview>;
  /** Its extension requests waiting for 督查室, for the one review queue. */
  pendingExtensions?: (db: Db) => Promise<PendingExtensionRequest[]>;
  /** Its HTTP routes under /api, declared with the HTTP kit (validation, roles, OpenAPI). */
  routes?: (ctx: ProcessRouteContext) => Route[];
  /** Its pages in the web console. */
  console?: ProcessConsole;
  /** OpenAPI tags its routes use, with their Chinese descriptions. */
  openApiTags?: readonly { name: string; description: string }[];
}

/** Declares a process; checks what can be checked before anything starts. */
export function defineProcess(process: ProcessModule): ProcessModule {
  if (!/^[a-z][a-z0-9-]*$/.test(process.name)) {
    throw new Error(`process name must be a lower-case token: ${process.name}`);
  }
  return process;
}

/** Refuses two processes under one name or two read models under one name. */
export function checkProcessList(processes: readonly ProcessModule[]): void {
  const names = new Set<string>();
  const models = new Set<string>();
  for (const p of processes) {
    if (names.has(p.name)) throw new Error(`process listed twice: ${p.name}`);
    names.add(p.name);
    for (const m of p.readModels ?? []) {
      if (models.has(m.name)) throw new Error(`read model named twice: ${m.name} (${p.name})`);
      models.add(m.name);
    }
  }
}
