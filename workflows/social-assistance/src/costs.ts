// 五(三) 薪资待遇: what one year of the purchase costs, line by line, each with its clause. The
// yearly budget sheet and the three payments of 六(四) are computed from these.

/** 五(二): 12 officers, 3 at 民政局 and one in each town and 裕民街道. */
export const OFFICERS = 12;
/** 五(三)1: 工资及保险等费用 per officer and month, as a multiple of the city's minimum wage. */
export const WAGE_MULTIPLE = 2;
/** 五(三)2: 培训费用为6万元/年. */
export const TRAINING_YUAN_PER_YEAR = 60_000;
/** 五(三)2 and 七(四): 一年至少安排两次培训 / 每年组织2次以上 (以上 includes 2). */
export const MIN_TRAINING_SESSIONS = 2;
/** 五(三)3: 管理费 每人每月150元. */
export const MANAGEMENT_YUAN_PER_OFFICER_MONTH = 150;
/** 五(三)4: 招考费用 按实际招考人员每人次6000元. */
export const RECRUITMENT_YUAN_PER_PERSON = 6_000;

/** The minimum wage in force, a dated policy setting (`social-assistance.minimum-wage`). */
export interface MinimumWage {
  effectiveFrom: string;
  monthlyYuan: number;
}

/** Reads the setting's value, `2017-10-01:1560` (in force from, 元 a month). */
export function parseMinimumWage(value: string): MinimumWage | null {
  const m = /^(\d{4}-\d{2}-\d{2}):(\d+(?:\.\d{1,2})?)$/.exec(value.trim());
  return m ? { effectiveFrom: m[1]!, monthlyYuan: Number(m[2]) } : null;
}

export interface CostLine {
  key: 'wages' | 'training' | 'management' | 'recruitment';
  label: string;
  clause: string;
  basis: string;
  yuan: number;
}

const fen = (yuan: number) => Math.round(yuan * 100);

/** 五(三)1: 工资及保险等费用 of one officer and month: twice the minimum wage (insurance included, as the text reads). */
export const wageCostPerMonth = (wage: MinimumWage): number => (fen(wage.monthlyYuan) * WAGE_MULTIPLE) / 100;

/** 五(三)3: the management fee for `officers` officers over `months` months. */
export const managementFee = (officers: number, months: number): number =>
  officers * months * MANAGEMENT_YUAN_PER_OFFICER_MONTH;

/** 五(三)4: recruitment, for the people actually examined and hired. */
export const recruitmentFee = (hired: number): number => hired * RECRUITMENT_YUAN_PER_PERSON;

/** 五(三)2, 七(四): a year with fewer than two training sessions breaks the rule; null when it keeps it. */
export function trainingRefusal(sessions: number): string | null {
  return sessions >= MIN_TRAINING_SESSIONS
    ? null
    : `一年至少安排两次培训（五(三)2、七(四)），本年度仅 ${sessions} 次`;
}

export interface YearBudgetInput {
  officers: number;
  months: number;
  wage: MinimumWage;
  /** People recruited this year (the first year: all; later years: 递补 only). */
  hired: number;
}

/** One service year's lines of 五(三) and their total, to the fen. */
export function yearBudget(input: YearBudgetInput): { lines: CostLine[]; totalYuan: number } {
  const { officers, months, wage, hired } = input;
  const perMonth = wageCostPerMonth(wage);
  const lines: CostLine[] = [
    {
      key: 'wages',
      label: '工资及保险等费用（含五险一金）',
      clause: '五(三)1',
      basis: `最低工资标准 ${wage.monthlyYuan} 元/月（${wage.effectiveFrom} 起）× ${WAGE_MULTIPLE} × ${officers} 人 × ${months} 月`,
      yuan: (fen(perMonth) * officers * months) / 100,
    },
    {
      key: 'training',
      label: '培训费用（一年至少两次）',
      clause: '五(三)2',
      basis: `${TRAINING_YUAN_PER_YEAR} 元/年 × ${months}/12`,
      yuan: Math.round((TRAINING_YUAN_PER_YEAR * months * 100) / 12) / 100,
    },
    {
      key: 'management',
      label: '承接主体管理费',
      clause: '五(三)3',
      basis: `${MANAGEMENT_YUAN_PER_OFFICER_MONTH} 元/人/月 × ${officers} 人 × ${months} 月`,
      yuan: managementFee(officers, months),
    },
    {
      key: 'recruitment',
      label: '招考费用',
      clause: '五(三)4',
      basis: `${RECRUITMENT_YUAN_PER_PERSON} 元/人次 × ${hired} 人`,
      yuan: recruitmentFee(hired),
    },
  ];
  const totalFen = lines.reduce((sum, l) => sum + fen(l.yuan), 0);
  return { lines, totalYuan: totalFen / 100 };
}

/** 六(四): 50% and 40% of the year's funds, and the rest (so the three add up to the fen). */
export function paymentAmounts(totalYuan: number): Record<'first' | 'mid' | 'final', number> {
  const total = fen(totalYuan);
  const first = Math.round(total * 0.5);
  const mid = Math.round(total * 0.4);
  return { first: first / 100, mid: mid / 100, final: (total - first - mid) / 100 };
}
