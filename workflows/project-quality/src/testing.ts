// Test helpers for the project-quality workflows (not part of the runtime).
import { testActors } from '@duban/workflow-core/testing/actors';
import type { StartUnitYear } from './contracts/index';

export const actor = testActors('pq-test-req');

/** 工信局's 2019 year from May (40号 issued 2019-05-23), with the default settings. */
export const start2019 = (unitCode = 'miit', projectIds = ['XM-001', 'XM-002']): StartUnitYear => ({
  unitCode,
  year: 2019,
  fromMonth: 5,
  projectIds,
  reportDay: 25,
  restDayRule: 'next-working-day',
  warningWindowDays: 7,
});

export const report = (month: number, done = 1000, started = true) => ({
  month,
  work: `${month}月项目推进情况`,
  progress: [{ projectId: 'XM-001', investmentDoneWan: done, started, problems: '' }],
});
