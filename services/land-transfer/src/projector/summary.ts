import {
  Decisions,
  DepositArrangements,
  type ApplicationSnapshot,
} from '@duban/workflow-land-transfer/client';

type Data = { application: ApplicationSnapshot } & Record<string, unknown>;

/** One line in Chinese for the timeline. */
export function summaryOf(fact: string, data: Data): string {
  const app = data.application;
  switch (fact) {
    case 'application_filed':
      return `${app.application.operatorName} 向${app.application.villageName}村委会提出流转申请，${app.areaMu} 亩（第三十五条(一)）`;
    case 'meeting_passed':
      return `村民小组会议通过，同意占全体成员 ${String(data.share)}（第三十五条(二)）`;
    case 'meeting_failed':
      return String(data.reason);
    case 'town_reviewed':
      return `镇政府审查：${Decisions[data.decision as 'implement' | 'reject']}（第三十八条）`;
    case 'review_decided':
      return `审查决定：${Decisions[data.decision as 'implement' | 'reject']}。${String(data.reasons)}（第三十条）`;
    case 'contract_signed':
      return '签订流转合同一式四份（第二十条）';
    case 'contract_filed':
      return `备案（${String(data.unitCode)}）`;
    case 'rent_and_deposit_settled':
      return `当年租金已付清；${app.deposit.arrangement ? DepositArrangements[app.deposit.arrangement] : ''}`;
    case 'report_submitted':
      return `报送 ${String(data.period)} 半年情况报告${data.late ? '（逾期）' : ''}（第三十二条）`;
    case 'report_colour_changed':
      return String(data.reason);
    case 'supervised':
      return `${String(data.year)} 年度监督检查（第三十九条）`;
    case 'supervision_colour_changed':
      return String(data.reason);
    case 'risk_case_opened':
      return `风险立案：${app.riskCase?.clauseText ?? ''}`;
    case 'deposit_drawn':
      return `启用风险保障金 ${String(data.amountYuan)} 元（${app.deposit.drawn?.clauseText ?? ''}）`;
    case 'risk_case_closed':
      return `风险处置办结：${app.riskCase?.resolution ?? ''}`;
    case 'term_ended':
      return `合同期满（${app.application.termEnd}）`;
    case 'deposit_refunded':
      return '风险保障金已退还（第四十三条）';
    case 'application_closed':
      return '办结';
    default:
      return fact;
  }
}
