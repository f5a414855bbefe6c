// The ranking of 二.7 across agencies, as it stands in the read models.
import { rankBestAgencies, type Ranked } from '@duban/workflow-tourism';
import type { Db } from 'mongodb';
import { settlements, type SettlementDoc } from './collections';

export interface Standing {
  settlements: SettlementDoc[];
  ranked: Ranked[];
}

export async function standingOf(db: Db, year: number): Promise<Standing> {
  return rankingOf(await settlements(db).find({ year }).sort({ _id: 1 }).toArray());
}

/** The agencies' years ranked (二.7; a voided agency is not ranked, 四(一)). */
export function rankingOf(docs: SettlementDoc[]): Standing {
  const ranked = rankBestAgencies(
    docs.map((s) => ({
      agencyCode: s.agency.code,
      total: s.totals.total,
      overnight: s.totals.overnight,
      voided: s.voiding !== null,
    })),
  );
  return { settlements: docs, ranked };
}

/** The agency's place and prize, or null (not in the first three, voided or not over 7000). */
export function placeOf(standing: Standing, agencyCode: string): { rank: number; prize: number } | null {
  const r = standing.ranked.find((x) => x.agencyCode === agencyCode);
  return r ? { rank: r.rank, prize: r.prize } : null;
}
