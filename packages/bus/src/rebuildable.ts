import type { InboxProcess } from '@duban/contracts';
import type { Bus } from './connection';
import type { RunningConsumer } from './consumer';

/** What a service hands its read-model consumers when they start (again). */
export interface ReadModelDeps<Db> {
  bus: Bus;
  db: Db;
  /** Prefix of every durable name; tests pass their own to stay apart. */
  durablePrefix?: string;
}

/**
 * A service's read models that can be rebuilt from the event stream (`duban projections
 * rebuild`): the durable consumers that keep them, the collections they alone write, and the
 * process whose entries of the shared inbox (我的待办) they keep. Only consumers that write read
 * models belong here: one that publishes (alerts, AlertRaised) would announce again on a replay.
 * `Db` is the store's database (mongodb's `Db`); generic so the bus needs no database driver.
 */
export interface RebuildableReadModel<Db> {
  /** Picked by `--only <name>`, e.g. `kindergarten`. */
  name: string;
  /** Chinese, for the summary the command prints. */
  label: string;
  durables(prefix?: string): string[];
  /** Dropped before the replay; never a collection an API writes (campaigns, users …). */
  collections: readonly string[];
  inbox?: InboxProcess;
  /** Which inbox entries are its own when not just `{ process: inbox }` (a store filter). */
  inboxEntries?: Record<string, unknown>;
  /** Starts exactly the consumers named by `durables`, from wherever their durables stand. */
  start(deps: ReadModelDeps<Db>): Promise<RunningConsumer[]>;
}
