import { nanos } from '@nats-io/nats-core';
import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { DEAD_LETTER_PREFIX, DEAD_LETTER_STREAM, EVENTS_STREAM, EVENTS_SUBJECTS } from './names';

export interface StreamOptions {
  /**
   * How long JetStream remembers a message id to drop a re-publish. Activity retries of one step
   * happen within minutes; consumers also record handled ids for anything later.
   */
  duplicateWindowMs: number;
  /**
   * Replicas per stream: 1 on one machine, 3 on a NATS cluster (NATS_STREAM_REPLICAS). Unset: a
   * new stream gets 1 and an existing one keeps its own, so a process that was not told the
   * setting (a tool, a test) never scales a cluster's streams down.
   */
  replicas?: number;
}

export const defaultStreamOptions: StreamOptions = { duplicateWindowMs: 60 * 60 * 1000 };

/** Creates or updates Duban's streams; safe to call from every process at start. */
export async function ensureStreams(
  jsm: JetStreamManager,
  options: Partial<StreamOptions> = {},
): Promise<void> {
  const { duplicateWindowMs, replicas } = { ...defaultStreamOptions, ...options };
  const common: Partial<StreamConfig> = {
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    ...(replicas === undefined ? {} : { num_replicas: replicas }),
    duplicate_window: nanos(duplicateWindowMs),
    // Events are the audit trail and the source for rebuilding projections: no age limit.
    max_age: 0,
  };
  await upsert(jsm, { ...common, name: EVENTS_STREAM, subjects: [EVENTS_SUBJECTS] });
  await upsert(jsm, { ...common, name: DEAD_LETTER_STREAM, subjects: [`${DEAD_LETTER_PREFIX}.>`] });
}

async function upsert(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
): Promise<void> {
  try {
    await jsm.streams.info(config.name);
    await jsm.streams.update(config.name, config);
  } catch (error) {
    if (isStreamNotFound(error)) {
      await jsm.streams.add({ num_replicas: 1, ...config });
      return;
    }
    throw error;
  }
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && /stream not found/i.test(error.message);
}
