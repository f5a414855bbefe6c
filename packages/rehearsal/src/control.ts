import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from 'mongodb';
import { EVENTS_STREAM, type Bus } from '@duban/bus';
import { civilDateOf, type CivilDate } from '@duban/calendar';
import { clock, ReadModels } from '@duban/contracts';
import { nearestAhead, targetOf, type Advance } from './target';

/** The bus counts as caught up once nothing moved for this long with every consumer idle. */
const QUIET_MS = 600;
const CATCH_UP_WITHIN_MS = 300_000;

export class RehearsalBusy extends Error {
  override readonly name = 'RehearsalBusy';
}
export class NothingAhead extends Error {
  override readonly name = 'NothingAhead';
}

export interface AdvanceResult {
  from: string;
  to: string;
  today: CivilDate;
  /** Real seconds the workers and projectors took to live through the skipped time. */
  tookMs: number;
}

/**
 * The rehearsal's clock: Temporal's time-skipping test server. Between advances it runs at real
 * speed; `advance` lets the server skip to the target (each timer on the way fires in order and
 * its workflow acts), then waits until every projector has read every fact, so what the office
 * sees next is the new date's. The process's `clock` follows the server's.
 */
export class RehearsalClock {
  private advancing = false;

  constructor(
    private readonly env: TestWorkflowEnvironment,
    private readonly bus: Bus,
    private readonly db: Db,
    readonly startedOn: CivilDate,
  ) {}

  /** Sets the process's clock to the server's (the server's runs at real speed between advances). */
  async sync(): Promise<number> {
    const serverMs = Number(await this.env.currentTimeMs());
    clock.setOffsetMs(serverMs - Date.now());
    return serverMs;
  }

  get busy(): boolean {
    return this.advancing;
  }

  async advance(advance: Advance): Promise<AdvanceResult> {
    if (this.advancing) throw new RehearsalBusy('时钟正在推进，请稍候');
    this.advancing = true;
    try {
      const started = Date.now();
      const from = await this.sync();
      const to = targetOf(advance, from, await this.nextDeadline(from));
      if (to === null) throw new NothingAhead('没有尚未到期的期限');
      if (to <= from) throw new NothingAhead(`模拟时间已过 ${new Date(to).toISOString()}，时钟只能向前`);
      await this.env.sleep(to - from);
      await this.sync();
      await this.caughtUp();
      return {
        from: new Date(from).toISOString(),
        to: clock.now().toISOString(),
        today: civilDateOf(clock.now()),
        tookMs: Date.now() - started,
      };
    } finally {
      this.advancing = false;
    }
  }

  /** The nearest date an open supervision item or one of its milestones falls due. */
  private async nextDeadline(nowMs: number): Promise<CivilDate | null> {
    const items = await this.db
      .collection<{ deadline?: string | null; milestones?: { date: string; doneAt: string | null }[] }>(
        ReadModels.items,
      )
      .find({ state: { $ne: 'closed' } }, { projection: { deadline: 1, milestones: 1 } })
      .toArray();
    const dates = items.flatMap((i) => [
      ...(i.deadline ? [i.deadline] : []),
      ...(i.milestones ?? []).filter((m) => m.doneAt === null).map((m) => m.date),
    ]);
    return nearestAhead(dates, nowMs);
  }

  /**
   * Every durable consumer of the event stream has read and acknowledged everything, and the
   * stream stayed still for QUIET_MS (a workflow woken at the last instant may still publish).
   */
  private async caughtUp(): Promise<void> {
    const deadline = Date.now() + CATCH_UP_WITHIN_MS;
    let lastSeq = -1;
    for (;;) {
      const { state } = await this.bus.jsm.streams.info(EVENTS_STREAM);
      let idle = true;
      for await (const c of this.bus.jsm.consumers.list(EVENTS_STREAM)) {
        if (c.num_pending > 0 || c.num_ack_pending > 0) idle = false;
      }
      if (idle && state.last_seq === lastSeq) return;
      if (Date.now() > deadline) throw new Error(`projectors not caught up within ${CATCH_UP_WITHIN_MS} ms`);
      lastSeq = idle ? state.last_seq : -1;
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    }
  }
}
