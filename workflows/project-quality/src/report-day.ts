// 四(三): "各部门…于每月25日前将本单位开展工作情况报发展和改革局汇总". The day and what happens when it
// falls on a rest day are policy settings (project-quality.report-day, project-quality.report-rest-day:
// 民法典第二百零三条, 顺延); the workflow gets both in its start input.
import {
  civilDateFrom,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  type CivilDate,
} from '@duban/calendar';
import { z } from 'zod';

export const RestDayRuleSchema = z.enum(['next-working-day', 'previous-working-day', 'as-written']);
export type RestDayRule = z.infer<typeof RestDayRuleSchema>;

export const REST_DAY_WORDS: Record<RestDayRule, string> = {
  'next-working-day': '遇休息日顺延至下一工作日（民法典第二百零三条）',
  'previous-working-day': '遇休息日提前至此前最后一个工作日',
  'as-written': '按公报所写日期，不调整',
};

/** The day a month's report is due: the nominal day (clamped to 28 by its setting), moved off a rest day. */
export function reportDueOn(year: number, month: number, reportDay: number, rule: RestDayRule): CivilDate {
  const nominal = civilDateFrom(year, month, reportDay);
  if (rule === 'as-written' || isWorkingDay(nominal)) return nominal;
  return rule === 'next-working-day'
    ? nextWorkingDayOnOrAfter(nominal)
    : previousWorkingDayOnOrBefore(nominal);
}
