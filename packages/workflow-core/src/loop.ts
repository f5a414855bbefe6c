// The main loop every process workflow runs (sandbox-safe: imported by workflow code only).
// Its commands are recorded in every history: change their order and old workflows stop replaying.
import {
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  workflowInfo,
  type ActivityInterfaceFor,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';

export const PUBLISH_ACTIVITY_OPTIONS: ActivityOptions = {
  // A publish takes milliseconds: if the worker holding it dies, retry after 10 s, not 30 s.
  // No eager dispatch: an activity handed straight back to a worker that is shutting down
  // would wait for that timeout instead of going to the next worker.
  startToCloseTimeout: '10 seconds',
  allowEagerDispatch: false,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Updates answer once the loop has acted on them: their facts' publish scheduled, or, with no
 * fact, the loop's timers set. Before this patch a handler answered at once, and whether its
 * answer or the loop's publish came first in history depended on how the server batched the
 * task: a worker without the run in cache got the start and the Update in one activation and
 * wrote publish-then-answer, while its replay wrote answer-then-publish and failed (TMPRL1100;
 * workflows/land-use/evidence). Waiting for the loop leaves one order whatever the batching.
 * Histories written before it answer at once.
 */
export const ANSWER_AFTER_TURN_PATCH = 'duban-updates-answer-after-loop-turn';

/** The same publish, run by the worker that runs the workflow task (a local activity). */
export const PUBLISH_LOCAL_ACTIVITY_OPTIONS: LocalActivityOptions = {
  // The workflow task waits for it: a publish that cannot reach JetStream in 10 s is retried,
  // by a timer once the retries outlast the task (localRetryThreshold), not held in the task.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Publishes run as local activities (issue 20: where the milliseconds go). A scheduled activity
 * costs a round trip through the Temporal server (the task is written, matched, polled, its result
 * written) before and after the few milliseconds of the publish itself: on a quiet machine 9.5 ms at
 * the median and 48 ms at p99 between scheduled and started alone. A local activity runs at once in
 * the worker holding the workflow task, whose completion then carries the result (a marker) with
 * the Update's answer, so an action is answered once its fact is in the stream. A publish is
 * idempotent (fixed message ids, JetStream's duplicate window), which is what at-least-once local
 * activities need. Histories written before this patch scheduled activities and replay as such.
 */
export const PUBLISH_LOCAL_PATCH = 'duban-publish-as-local-activity';

/** A process's publish activities, with the options every process uses for them. */
export function publishActivities<A extends object>(): ActivityInterfaceFor<A> {
  const scheduled = proxyActivities<A>(PUBLISH_ACTIVITY_OPTIONS);
  const local = proxyLocalActivities<A>(PUBLISH_LOCAL_ACTIVITY_OPTIONS);
  // patched() is asked at each call, inside the workflow, not when the module loads.
  return new Proxy({} as ActivityInterfaceFor<A>, {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined;
      return (...args: unknown[]) => {
        const activities = (patched(PUBLISH_LOCAL_PATCH) ? local : scheduled) as Record<
          string,
          (...a: unknown[]) => Promise<unknown>
        >;
        return activities[name]!(...args);
      };
    },
  });
}

/** What a process tells the loop about itself; every function reads the workflow's own state. */
export interface LoopSpec {
  /** The process reached its end: the loop stops, waits for handlers and drains the outbox. */
  finished: () => boolean;
  /** The next instant at which time alone changes something (a colour, an escalation), or null. */
  wakeAt: (now: number) => number | null;
  /** That instant came: refresh colours, escalate… (may emit). */
  onTimer: () => void;
  /** `continueAsNew` with the state to resume from. */
  continueAsNew: () => Promise<never>;
  /** Whether to continue as new, given the server's suggestion (default: when suggested). */
  continueAsNewDue?: (suggested: boolean) => boolean;
  /** Run first on every turn, before publishing. */
  beforeTurn?: () => void;
  /**
   * Run on every turn once the outbox is published, before waiting: work of the process's own
   * (starting a child…). `false`: nothing to do; `true` or a promise (awaited): it did something,
   * and the loop goes round again at once.
   */
  turn?: () => boolean | Promise<unknown>;
}

/**
 * The outbox of step events and the loop around it. Events are published in order by an activity
 * and leave the outbox only once it succeeded, so a worker crash publishes them again (the ids are
 * fixed, so the stream drops the repeat). Handlers `push` and `wake`; `run` does the rest.
 */
export class ProcessLoop<E> {
  private readonly outbox: E[] = [];
  private woken = false;
  /** How many times the loop came to rest (published all, timers set); Updates wait on it. */
  private turns = 0;
  /** Events pushed in this run, and how many of them have their publish scheduled. */
  private pushedCount = 0;
  private scheduledCount = 0;
  /** An Update of this run answers after the loop's turn ({@link ANSWER_AFTER_TURN_PATCH}). */
  private answering = false;

  /**
   * @param publish one activity call for the first `batch` events of the outbox
   * @param batch how many events one activity call takes (1: one call per event)
   */
  constructor(
    private readonly publish: (events: E[]) => Promise<unknown>,
    private readonly batch = 1,
  ) {}

  push(event: E): void {
    this.outbox.push(event);
    this.pushedCount += 1;
  }

  /** Something changed: look again at once rather than at the next timer. */
  wake(): void {
    this.woken = true;
  }

  /**
   * What an Update handler returns: its answer, given once the loop has acted on what the handler
   * did (scheduled its facts' publish, or set its timers). In a history written before
   * {@link ANSWER_AFTER_TURN_PATCH} the answer is given at once, as it was then.
   */
  answer<R>(value: R): R | Promise<R> {
    if (!patched(ANSWER_AFTER_TURN_PATCH)) return value;
    this.answering = true;
    this.woken = true;
    // Its facts scheduled for publishing is enough (the answer does not wait for the bus); with
    // none, the loop's coming to rest.
    const through = this.pushedCount;
    const turn = this.turns;
    const acted =
      through > this.scheduledCount ? () => this.scheduledCount >= through : () => this.turns > turn;
    return condition(acted).then(() => value);
  }

  /**
   * The loop is at rest: answer the Updates waiting, and wait until they finished, or until one
   * more arrived (true: go round again for it).
   */
  private async rest(): Promise<boolean> {
    this.turns += 1;
    this.woken = false;
    await condition(() => allHandlersFinished() || this.woken);
    return this.woken || this.outbox.length > 0;
  }

  get pending(): number {
    return this.outbox.length;
  }

  async flush(): Promise<void> {
    while (this.outbox.length > 0) {
      const events = this.outbox.slice(0, this.batch);
      const publishing = this.publish(events);
      this.scheduledCount = this.pushedCount - this.outbox.length + events.length;
      await publishing;
      this.outbox.splice(0, events.length);
    }
  }

  /** Publishes, waits for time or an action, and continues as new when history grows long. */
  async run(spec: LoopSpec): Promise<void> {
    const ready = () => this.woken || this.outbox.length > 0;
    for (;;) {
      spec.beforeTurn?.();
      await this.flush();
      if (spec.finished()) break;
      const turned = spec.turn?.() ?? false;
      if (turned !== false) {
        if (turned !== true) await turned;
        continue;
      }
      const suggested = workflowInfo().continueAsNewSuggested;
      if (spec.continueAsNewDue ? spec.continueAsNewDue(suggested) : suggested) {
        if (this.answering) {
          if (!(await this.rest())) await spec.continueAsNew();
          continue;
        }
        // Never lose an Update in flight or an event not yet published.
        await condition(allHandlersFinished);
        if (this.outbox.length === 0) await spec.continueAsNew();
        continue;
      }
      const wakeAt = spec.wakeAt(Date.now());
      this.woken = false;
      // The timer below is set within this step, before the Updates waiting on it answer.
      this.turns += 1;
      const timedOut = !(await (wakeAt === null
        ? condition(ready)
        : condition(ready, Math.max(1, wakeAt - Date.now()))));
      if (timedOut) spec.onTimer();
    }
    if (this.answering) {
      while (await this.rest()) await this.flush();
      return;
    }
    await condition(allHandlersFinished);
    await this.flush();
  }
}
