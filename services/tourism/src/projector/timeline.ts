import type { CloudEvent } from '@duban/contracts';
import { TRIP_KINDS, VoidGrounds, type SettlementSnapshot, type TripSnapshot } from '@duban/workflow-tourism';
import { isDuplicateKeyError } from '@duban/store';
import type { Db } from 'mongodb';
import { timeline } from '../collections';

type Data = {
  trip?: TripSnapshot;
  settlement?: SettlementSnapshot;
  reason?: string;
  count?: number;
  unitCode?: string;
  tripId?: string;
  lineId?: string;
  to?: string;
};

/** The fact in one Chinese line, as the console's timeline shows it. */
export function summaryOf(fact: string, d: Data): string {
  const t = d.trip;
  const s = d.settlement;
  const trip = t ? `${TRIP_KINDS[t.kind]} ${t.tripId}` : '';
  switch (fact) {
    case 'trip_filed':
      return `${trip} 备案：${t!.arrival} 抵达，${t!.headCount} 人；申请期限 ${t!.claimDeadline}`;
    case 'trip_filing_refused':
    case 'trip_closed_unclaimed':
    case 'claim_rejected':
      return `${trip}：${d.reason ?? ''}`;
    case 'claim_window_colour_changed':
      return `${trip} 申请期限预警：${d.reason ?? ''}`;
    case 'trip_claimed':
      return `${trip} 申请奖励：${t!.claim?.claimedVisitors ?? 0} 人`;
    case 'count_confirmed':
      return `${trip} 核实接待人数：${d.unitCode ?? ''} ${d.count ?? 0} 人`;
    case 'claim_verified':
      return `${trip} 审核通过：计 ${t!.counted ?? 0} 人，奖励 ${t!.rewards.reduce((a, r) => a + r.amount, 0)} 元`;
    case 'settlement_opened':
      return `${s!.agency.name} ${s!.year} 年度结算开立`;
    case 'settlement_claim_recorded':
      return `计入 ${d.tripId ?? ''}；年度累计 ${s!.totals.total} 人次，奖励 ${s!.amount} 元`;
    case 'express_line_recorded':
      return `登记旅游直通车专线 ${d.lineId ?? ''}`;
    case 'settlement_due':
      return `${s!.year} 年度申报期已结束，待结算`;
    case 'agency_voided':
      return `不予奖励：${s!.voiding ? `${VoidGrounds[s!.voiding.ground]}，${s!.voiding.reason}（${s!.voiding.byName}）` : ''}`;
    case 'settlement_settled':
      return `结算：${s!.amount} 元${s!.bestAgency ? `（最佳送团社第 ${s!.bestAgency.rank} 名）` : ''}`;
    default:
      return fact;
  }
}

/** Every fact once in `tr_timeline`, attributed (who, which unit, which request). */
export async function recordTimeline(
  db: Db,
  event: CloudEvent<string, Data>,
  thingId: string,
  version: number,
): Promise<void> {
  const fact = event.type.split('.').at(-2) ?? event.type;
  try {
    await timeline(db).insertOne({
      _id: event.id,
      thingId,
      version,
      fact,
      summary: summaryOf(fact, event.data),
      at: new Date(event.time),
      actor: {
        userId: event.actorid ?? null,
        unitCode: event.actorunit ?? null,
        requestId: event.requestid ?? null,
      },
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
