import { defineGrants } from '@duban/contracts';

const bureau = (owner: string, refusal: string) => ({ roles: ['bureau'], owner, refusal }) as const;
/** A step a village committee or an operator takes: open to their outside logins (`Grant.outside`). */
const theirs = (owner: string, refusal: string) => ({ ...bureau(owner, refusal), outside: true }) as const;

/**
 * Who may take each step of a land-transfer application (青政发〔2019〕34号). The village committee
 * (村委会) is the responsible body, the town supervises, 农业农村局 regulates (第三十三条); the city
 * review group led by the deputy mayor decides 500 亩 and more (第三十八条). Villages and operators
 * log in as units of their own; the workflow checks the unit against the application.
 */
export const LandTransferGrants = defineGrants({
  apply: theirs('经营主体本人（或所在村村委会代为登记）', '流转申请由经营主体向村委会提出（第三十五条(一)）'),
  meeting: theirs('流转地所在村村委会', '村民小组会议由村委会召开（第三十五条(二)）'),
  'town-review': bureau('流转地所在镇政府', '500亩以上的先由镇政府审查（第三十八条）'),
  /** Village, town, or the city review group by tier (第三十六–三十八条). */
  decide: {
    roles: ['bureau', 'leader'],
    owner: '按面积分级：村委会、镇政府、市土地流转审查小组（分管领导或农业农村局）',
    refusal: '审查决定按面积分级作出（第三十六–三十八条）',
    outside: true, // the village tier: the village committee decides (第三十六条)
  },
  contract: theirs('流转地所在村村委会', '流转合同由村委会指导签订（第十一条、第二十条）'),
  file: bureau('村级决定报镇政府，镇级、市级决定报市农经站', '备案按第三十六–三十八条分级办理'),
  settle: theirs(
    '村集体收取租金和保障金；替代方式由镇政府决定',
    '租金和风险保障金由村集体收取（第四十三–四十七条）',
  ),
  report: theirs('经营主体本人', '半年情况报告由经营主体报送（第三十二条）'),
  supervise: bureau('农业农村局、农经站或所在镇政府', '年度监督由农业农村局和镇政府开展（第三十九条）'),
  'risk-event': bureau(
    '农业农村局、农经站或所在镇政府',
    '风险保障金的启用由农业农村局或镇政府确认（第四十九条）',
  ),
  'close-risk': bureau('农业农村局、农经站或所在镇政府', '风险处置由农业农村局或镇政府办结'),
  refund: theirs('流转地所在村村委会', '风险保障金由村集体专户退还（第四十三、四十四条）'),
});
