import {
  ASSISTANCE_KINDS,
  PLAN_STEPS,
  type CaseSnapshot,
  type PurchaseSnapshot,
} from '@duban/workflow-social-assistance/client';

type Data = { purchase?: PurchaseSnapshot; case?: CaseSnapshot } & Record<string, unknown>;

/** One line in Chinese for the timeline. */
export function summaryOf(fact: string, data: Data): string {
  const late = data.late ? '（逾期）' : '';
  switch (fact) {
    case 'purchase_opened':
      return `${data.purchase?.year ?? ''}年购买社会救助服务立项（青政办发〔2019〕39号）`;
    case 'plan_step_done':
      return `${PLAN_STEPS[data.step as keyof typeof PLAN_STEPS]?.label ?? String(data.step)}完成${late}`;
    case 'contract_signed':
      return `签订购买服务合同，${data.purchase?.contract?.effectiveOn ?? ''} 生效（六(三)）`;
    case 'service_year_started':
      return `第${String(data.serviceYear)}个服务年度开始（五(四)）`;
    case 'payment_recorded':
      return `财政局拨付 ${String(data.payment)} ${String(data.amountYuan)} 元${late}（六(四)）`;
    case 'officers_dispatched':
      return `派遣入户核查员 ${String(data.count)} 名（六(五)）`;
    case 'roster_changed':
      return `岗位 ${String(data.seat)}${data.vacant ? '出现缺额' : '递补到岗'}（五(四)）`;
    case 'evaluation_passed':
      return `${String(data.evaluation)} 综合评估合格（七(三)）`;
    case 'evaluation_failed':
      return `${String(data.evaluation)} 综合评估不合格，暂停拨付 ${String(data.held)}，承接主体整改（七(三)）`;
    case 'payment_released':
      return `${String(data.payment)} 可拨付，应于 ${String(data.due)} 前拨付（六(四)）`;
    case 'rectification_done':
      return `承接主体完成整改（${String(data.evaluation)}）`;
    case 'purchase_colour_changed':
    case 'case_colour_changed':
      return String(data.reason);
    case 'purchase_ended':
      return '购买服务期满';
    case 'case_taken':
      return data.case
        ? `入户核查员${data.case.officer.name}代${data.case.household.applicant}提出${ASSISTANCE_KINDS[data.case.household.kind]}申请（五(五)2(1)）`
        : '代为提出救助申请';
    case 'case_step_done':
      return `${String(data.step)} 办结${late}`;
    case 'case_decided':
      return data.approved ? '镇(街道)审核决定：给予救助' : '镇(街道)审核决定：不予救助';
    default:
      return fact;
  }
}
