// The campaign's deadlines (青政办发〔2019〕31号 四(二) 全面整改). The document counts in month ends
// ("2019年6月底前"), so a new campaign keeps the same number of months from its start month.
import { civilDateParts, lastDayOfMonth, type CivilDate } from '@duban/calendar';
import type { Campaign, CampaignDeadlines } from './contracts/index';
import { KG_DOC_NO } from './contracts/index';

/** The document was issued on 2019-04-21; its deadlines are month ends counted from April 2019. */
export const GAZETTE_CAMPAIGN_START = '2019-04-21';

/** Months from the start month to the month whose last day is the deadline. */
export const DEADLINE_MONTH_OFFSETS: Record<keyof CampaignDeadlines, number> = {
  handover: 2, // 2019年6月底前 完成移交
  recover: 5, // 2019年9月底前 完成回收、置换、购置
  buildPlan: 7, // 2019年11月底前 完成相关建设规划
  completion: 20, // 2020年12月底前 完成项目竣工验收
  inclusive: 20, // 到2020年基本实现普惠办园 (三(三)): 31 Dec 2020
};

function monthEnd(start: CivilDate, months: number): CivilDate {
  const { year, month } = civilDateParts(start);
  const index = year * 12 + (month - 1) + months;
  return lastDayOfMonth(Math.floor(index / 12), (index % 12) + 1);
}

export function campaignDeadlines(startDate: CivilDate): CampaignDeadlines {
  return {
    handover: monthEnd(startDate, DEADLINE_MONTH_OFFSETS.handover),
    recover: monthEnd(startDate, DEADLINE_MONTH_OFFSETS.recover),
    buildPlan: monthEnd(startDate, DEADLINE_MONTH_OFFSETS.buildPlan),
    completion: monthEnd(startDate, DEADLINE_MONTH_OFFSETS.completion),
    inclusive: monthEnd(startDate, DEADLINE_MONTH_OFFSETS.inclusive),
  };
}

export function newCampaign(campaignId: string, startDate: CivilDate, title?: string): Campaign {
  return {
    campaignId,
    title: title ?? `城镇小区配套幼儿园治理（${startDate.slice(0, 4)}）`,
    docNo: KG_DOC_NO,
    startDate,
    deadlines: campaignDeadlines(startDate),
  };
}

export const CAMPAIGN_2019: Campaign = newCampaign(
  'kg-2019',
  GAZETTE_CAMPAIGN_START,
  '城镇小区配套幼儿园治理（2019）',
);
