import { defineGrants } from '@duban/contracts';
import { CIVIL, FINANCE } from './model';

const bureau = (owner: string, refusal: string, units?: string[]) =>
  ({ roles: ['bureau'], owner, refusal, ...(units ? { units } : {}) }) as const;

/**
 * Who may take each step of 购买社会救助服务 (青政办发〔2019〕39号). 民政局 buys and leads (三, 七(一)),
 * 财政局 pays (七(一)), the provider (承接主体, a unit of kind `provider` with its own login) dispatches
 * and rectifies, each officer (a unit of kind `officer`) works its cases, the town decides.
 */
export const SocialAssistanceGrants = defineGrants({
  open: bureau('市民政局', '购买社会救助服务由市民政局组织实施（三）', [CIVIL]),
  apply: bureau('市民政局', '购买方案由市民政局提出（六(一)）', [CIVIL]),
  procure: bureau('市民政局', '采购方案由市民政局拟定并履行政府采购程序（六(二)）', [CIVIL]),
  contract: bureau('市民政局', '购买服务合同由市民政局订立（六(三)）', [CIVIL]),
  pay: bureau('市财政局', '购买服务资金由财政局拨付（七(一)）', [FINANCE]),
  dispatch: bureau('承接主体', '人员招聘、培训和派遣由承接主体完成（六(五)）'),
  staff: bureau('承接主体', '入户核查员的调配和递补由承接主体办理（五(四)、五(六)）'),
  evaluate: bureau('市民政局（牵头综合性评定小组）', '半年综合评估由市民政局牵头（七(三)）', [CIVIL]),
  rectify: bureau('承接主体', '评估不合格的由承接主体整改、重新调配（五(六)）'),
  take: bureau('入户核查员本人', '代为提出救助申请的是入户核查员（五(五)2(1)）'),
  investigate: bureau('承办的入户核查员', '入户调查由入户核查员开展（五(五)2(2)）'),
  appraise: bureau('承办的入户核查员', '群众评议由入户核查员协助村(居)委会组织（五(五)2(3)）'),
  'spot-check': bureau('市民政局', '抽查复核由市民政局开展（五(五)2(4)）', [CIVIL]),
  decide: bureau('申请人所在镇(街道)', '救助申请由所在镇(街道)审核决定（五(五)1、2(1)）'),
});
