// Test helpers for the social-assistance workflows (not part of the runtime).
import { testActors } from '@duban/workflow-core/testing/actors';
import { PLAN_2019, type Household, type StartPurchase } from './contracts/index';

export const actor = testActors('sa-test-req');
export const PROVIDER = { code: 'provider-minsheng', name: '青铜峡市民生社会工作服务中心' };

export const start2019 = (purchaseId = 'GM-2019'): StartPurchase => ({
  purchaseId,
  year: 2019,
  plan: { ...PLAN_2019 },
  minimumWage: '2017-10-01:1560',
  openedBy: 'bureau-civil',
});

/** A later year's purchase on the plan of 六 moved to that year (六 writes only 2019's). */
export const startYear = (year: number, purchaseId: string): StartPurchase => ({
  ...start2019(purchaseId),
  year,
  plan: Object.fromEntries(
    Object.entries(PLAN_2019).map(([step, phrase]) => [step, phrase.replace('2019', String(year))]),
  ) as StartPurchase['plan'],
});

/** The twelve officers of 五(二), seat by seat. */
export const officers = (prefix = 'officer') =>
  Array.from({ length: 12 }, (_, i) => ({ seat: i + 1, code: `${prefix}-${i + 1}`, name: `核查员${i + 1}` }));

export const household = (over: Partial<Household> = {}): Household => ({
  applicant: '马某某',
  members: 3,
  townCode: 'town-xiaoba',
  village: '民乐村',
  kind: 'subsistence',
  statement: '户主患重病，家庭收入低于当地低保标准',
  ...over,
});

export const scores = { serviceResults: 85, dailyManagement: 80, socialEffect: 82 };
export const PANEL = ['市民政局', '小坝镇', '承接主体', '救助对象代表'];
