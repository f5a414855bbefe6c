import type { RunningConsumer } from '@duban/bus';
import { rebuildReadModels } from '@duban/process';
import { supervisionReadModel } from './read-model';
import { PROJECTOR_CONSUMER, type ProjectorDeps } from './service';

export interface RebuildOptions extends ProjectorDeps {
  /** Give up waiting for the replay after this long (default 10 minutes). */
  timeoutMs?: number;
}

export interface RebuildResult {
  /** The projector, caught up and still consuming; the caller keeps it or stops it. */
  consumer: RunningConsumer;
  /** Events handled during the replay. */
  handled: number;
  durationMs: number;
}

/** Rebuilds supervision's read models alone (the projector's `items`, `timeline`, inbox entries). */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  const model = supervisionReadModel(options.durable ?? PROJECTOR_CONSUMER, {
    maxHandlerFailures: options.maxHandlerFailures,
    onError: options.onError,
  });
  const [rebuilt] = await rebuildReadModels([model], options);
  const consumer = rebuilt!.consumers[0]!;
  return { consumer, handled: rebuilt!.handled, durationMs: rebuilt!.durationMs };
}
