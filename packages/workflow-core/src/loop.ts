// The main loop every process workflow runs (sandbox-safe: imported by workflow code only).
// Its commands are recorded in every history: change their order and old workflows stop replaying.
import {
  allHandlersFinished,
  condition,
  proxyActivities,
  workflowInfo,
  type ActivityInterfaceFor,
  type ActivityOptions,
} from '@temporalio/workflow';

export const PUBLISH_ACTIVITY_OPTIONS: ActivityOptions = {
  // A publish takes milliseconds: if the worker holding it dies, retry after 10 s, not 30 s.
  // No eager dispatch: an activity handed straight back to a worker that is shutting down
  // would wait for that timeout instead of going to the next worker.
  startToCloseTimeout: '10 seconds',
  allowEagerDispatch: false,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/** A process's publish activities, with the options every process uses for them. */
export function publishActivities<A>(): ActivityInterfaceFor<A> {
  return proxyActivities<A>(PUBLISH_ACTIVITY_OPTIONS);
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
  }

  /** Something changed: look again at once rather than at the next timer. */
  wake(): void {
    this.woken = true;
  }

  get pending(): number {
    return this.outbox.length;
  }

  async flush(): Promise<void> {
    while (this.outbox.length > 0) {
      const events = this.outbox.slice(0, this.batch);
      await this.publish(events);
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
        // Never lose an Update in flight or an event not yet published.
        await condition(allHandlersFinished);
        if (this.outbox.length === 0) await spec.continueAsNew();
        continue;
      }
      const wakeAt = spec.wakeAt(Date.now());
      this.woken = false;
      const timedOut = !(await (wakeAt === null
        ? condition(ready)
        : condition(ready, Math.max(1, wakeAt - Date.now()))));
      if (timedOut) spec.onTimer();
    }
    await condition(allHandlersFinished);
    await this.flush();
  }
}
