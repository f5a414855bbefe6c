// The registry of policy settings: every rule the product applies that the gazette does not state
// itself, named with where it comes from. The gazette is the authority; a setting that borrows a
// rule from elsewhere says so, and one the system chose says 本系统设定 and why.
import { z } from 'zod';

/** Where a setting's value comes from. */
export type PolicySource =
  /** A notice of the gazette, and the clause that says it (quoted as written). */
  | { kind: 'gazette'; document: string; clause: string; quote: string; note?: string }
  /** A law or judicial interpretation outside the gazette. */
  | { kind: 'law'; law: string; article: string; quote: string; note?: string }
  /** Chosen by the system: the reasoning, and what it was modelled on if anything. */
  | { kind: 'system'; reasoning: string; reference?: string };

/** Where a setting takes effect, and how a change reaches it. */
export type PolicyAppliesTo =
  /**
   * Read by a service and passed to a workflow in its start input (or in the Update that acts), so
   * the value is in the workflow's history: `takesEffect` says which cases a change reaches.
   */
  | { scope: string; startInput: string; passedBy: string; takesEffect: string }
  /** A constant of workflow code (or the environment): listed, not changeable here. */
  | { scope: string; fixedIn: string };

export type PolicyValue = number | string;

export interface PolicySettingDefinition {
  key: string;
  label: string;
  /** 日, 天, 亩, 年, 日期 … */
  unit: string;
  defaultValue: PolicyValue;
  /** What a new value must be (the API answers 400 naming `body.value` otherwise). */
  valueSchema: z.ZodType<PolicyValue>;
  source: PolicySource;
  appliesTo: PolicyAppliesTo;
}

const days = (max: number) => z.number().int().min(1).max(max);

export const POLICY_SETTINGS = [
  {
    key: 'kindergarten.progress-report-day',
    label: '幼儿园整改进展每月报送日',
    unit: '日',
    defaultValue: 25,
    valueSchema: z.number().int().min(1).max(28),
    source: {
      kind: 'system',
      reasoning:
        '青政办发〔2019〕31号未规定整改进展的报送日；本系统参照同期公报青政办发〔2019〕40号 四(三) 的每月报送日，遇节假日顺延至下一工作日。',
      reference:
        '青政办发〔2019〕40号 四(三)：“各部门要高度重视,积极开展工作,并于每月25日前将本单位开展工作情况报发展和改革局汇总”',
    },
    appliesTo: {
      scope: '31号 幼儿园个案：持有整改步骤的责任单位每月报送进展，逾期未报转黄色（滞后）',
      startInput: 'StartCase.progressReportDay',
      passedBy: 'services/kindergarten/src/cases.ts（个案建立时读取）',
      takesEffect:
        '只用于修改之后建立的个案；已建立的个案按建立时的报送日，已经到期或滞后的报送不因修改而改变。',
    },
  },
  {
    key: 'land.case-handling-days',
    label: '违法占地案件办理期限',
    unit: '天（自发现之日起）',
    defaultValue: 60,
    // The land-case start input takes 1–730 days (workflows/land-use/src/contracts/commands.ts).
    valueSchema: days(730),
    source: {
      kind: 'system',
      reasoning:
        '青政办发〔2019〕28号 二(七) 要求动态巡查、重大典型案件挂牌督办与曝光、移交纪委监委或司法机关，未规定办理期限；本系统设定 60 天作为督办的到期日，立案时可另定（handlingDays）。',
    },
    appliesTo: {
      scope: '违法占地案件（POST /api/land/cases 未写 handlingDays 时）',
      startInput: 'StartLandCase.handlingDays',
      passedBy: 'services/land-use/src/routes/cases.ts',
      takesEffect: '只用于修改之后立案的案件；已立案的案件保留立案时的期限（延期须经督查室批准）。',
    },
  },
  {
    key: 'land.major-case-cultivated-mu',
    label: '重大典型违法占地案件面积（基本农田以外的耕地）',
    unit: '亩（含本数）',
    defaultValue: 10,
    valueSchema: z.number().positive().max(10_000),
    source: {
      kind: 'system',
      reasoning:
        '青政办发〔2019〕28号 二(七) 要求重大典型违法案件挂牌督办，未规定何为“重大典型”；本系统参照司法解释中“数量较大”的标准：永久基本农田不论面积，其他耕地 10 亩以上（含 10 亩，民法典第一千二百五十九条）。',
      reference:
        '法释〔2000〕14号 第三条：非法占用耕地“数量较大”，是指非法占用基本农田五亩以上或者非法占用基本农田以外的耕地十亩以上',
    },
    appliesTo: {
      scope: '违法占地案件立案时判定是否挂牌督办（重大典型案件须曝光后结案，二(七)）',
      startInput: 'StartLandCase.majorCultivatedMu',
      passedBy: 'services/land-use/src/routes/cases.ts（立案时读取）',
      takesEffect:
        '只用于修改之后立案的案件；已挂牌督办的案件不因修改而撤销，未挂牌的也不因修改而补挂（立案时的判定不被改写）。',
    },
  },
  {
    key: 'land.temporary-use-years',
    label: '临时用地复垦期限',
    unit: '年（自批准之日起）',
    defaultValue: 2,
    valueSchema: z.number().int().min(1).max(5),
    source: {
      kind: 'law',
      law: '《中华人民共和国土地管理法》',
      article: '第五十七条',
      quote: '临时使用土地期限一般不超过二年',
      note: '公报青政办发〔2019〕28号 二(三) 只要求“国家和自治区重点基础设施建设项目临时占用耕地要按有关规定办理手续,并做好临时用地的复垦工作”，未规定期限；本系统对台账中所有临时用地适用法定期限。',
    },
    appliesTo: {
      scope: '耕地占补平衡台账：批准的临时用地的复垦期限与预警',
      startInput: 'RequestOccupationCommand.reclamationYears（台账流程长期运行，期限随每次临时用地申请传入）',
      passedBy: 'services/land-use/src/routes/ledger.ts（申请临时用地时读取）',
      takesEffect: '只用于修改之后批准的临时用地；已批准的临时用地保留批准时的复垦期限。',
    },
  },
  {
    key: 'kindergarten.guofa-2010-41-date',
    label: '国发〔2010〕41号发布之日（配套幼儿园回收的时间节点）',
    unit: '日期',
    defaultValue: '2010-11-21',
    valueSchema: z.iso.date(),
    source: {
      kind: 'gazette',
      document: '青政办发〔2019〕31号',
      clause: '三(三)',
      quote: '以《国务院关于当前发展学前教育的若干意见》(国发[2010]41号)(简称《若干意见》)发布之日为节点',
      note: '公报原文没有写出日期；2010-11-21 是国发〔2010〕41号文末的成文日期（二〇一〇年十一月二十一日），本系统取为发布之日。',
    },
    appliesTo: {
      scope: '31号 幼儿园个案：规划建成在节点之前或之后（确定整改类别时的审查、台账导入的校验）',
      startInput: 'StartCase.guofa41Date',
      passedBy: 'services/kindergarten/src/cases.ts（个案建立时读取）；台账导入与新建个案的校验按当前值',
      takesEffect:
        '只用于修改之后建立的个案；已建立的个案按建立时的日期审查，已确定的整改类别不因修改而改变。',
    },
  },
  {
    key: 'alerts.warning-window-days',
    label: '临期预警（蓝色）提前天数',
    unit: '天',
    defaultValue: 7,
    valueSchema: days(60),
    source: {
      kind: 'system',
      reasoning: '公报未规定预警；本系统设定到期前 7 天转蓝色（临期），逾期转红色。',
      reference: 'DESIGN §5 预警分级',
    },
    appliesTo: {
      scope:
        '违法占地案件与幼儿园个案的期限；督办事项、耕地保护整改与考核、临时用地复垦仍按启动输入的默认值 7 天（packages/calendar DEFAULT_WARNING_WINDOW_DAYS）',
      startInput: 'StartLandCase.warningWindowDays、StartCase.warningWindowDays',
      passedBy:
        'services/land-use/src/routes/cases.ts、services/kindergarten/src/cases.ts（立案、建立个案时读取）',
      takesEffect: '只用于修改之后立案或建立的案件；已在办的案件保留原来的预警天数，已亮的颜色不被改写。',
    },
  },
  {
    key: 'alerts.red-escalation-days',
    label: '红色持续多少天后上报领导小组',
    unit: '天',
    defaultValue: 30,
    valueSchema: days(365),
    source: {
      kind: 'system',
      reasoning: '公报未规定；本系统设定逾期持续 30 天仍未办结的，再次提醒领导小组。',
      reference: 'DESIGN §5',
    },
    appliesTo: {
      scope:
        '幼儿园个案的红色升级；督办事项仍取环境变量 ALERT_RED_ESCALATION_DAYS（packages/config，启动时读取）',
      startInput: 'StartCase.escalateAfterRedDays',
      passedBy:
        'services/kindergarten/src/cases.ts（个案建立时读取；从未修改时取环境变量 ALERT_RED_ESCALATION_DAYS）',
      takesEffect: '只用于修改之后建立的个案；已建立的个案保留建立时的天数，已上报的升级不被撤回。',
    },
  },
  // 青政发〔2019〕34号 农村土地承包经营权流转 (issue 15): the settings of the land-transfer process.
  {
    key: 'land-transfer.tier-boundary',
    label: '土地流转分级审查：恰为100亩、500亩时由哪一级审查',
    unit: '—',
    defaultValue: '较严层级',
    valueSchema: z.enum(['较严层级']),
    source: {
      kind: 'law',
      law: '《中华人民共和国民法典》',
      article: '第一千二百五十九条',
      quote: '民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数。',
      note: '青政发〔2019〕34号 第三十六条“100亩以下”、第三十七条“100亩至500亩”、第三十八条“500亩以上”都包括本数，100亩与500亩各落在两级；本系统取较严（较高）的一级：恰为100亩由镇级审查，恰为500亩由市级审查小组决定（DESIGN §5）。',
    },
    appliesTo: {
      scope: '34号 土地流转申请的审查层级',
      fixedIn: 'workflows/land-transfer/src/rules.ts tierOf',
    },
  },
  {
    key: 'land-transfer.waiver-up-to-mu',
    label: '本地经营大户可不收取风险保证金的面积上限',
    unit: '亩（含本数）',
    defaultValue: 500,
    valueSchema: z.number().positive().max(100_000),
    source: {
      kind: 'gazette',
      document: '青政发〔2019〕34号',
      clause: '第四十七条',
      quote: '流转面积在500亩以下的,当年租金全部交清的可根据实际情况由各镇人民政府决定不收取风险保证金',
      note: '“以下”包括本数（《民法典》第一千二百五十九条），恰为500亩仍可不收取。',
    },
    appliesTo: {
      scope: '34号 风险保证金：镇政府决定不收取',
      fixedIn: 'workflows/land-transfer/src/rules.ts WAIVER_UP_TO_MU',
    },
  },
  {
    key: 'land-transfer.deposit-next-year-rent',
    label: '风险保障金的“下一年度租金”如何计',
    unit: '—',
    defaultValue: '按合同每亩年租金×面积',
    valueSchema: z.enum(['按合同每亩年租金×面积']),
    source: {
      kind: 'system',
      reasoning:
        '青政发〔2019〕34号 第四十三、四十八条按“下一年度土地流转租金的30%”缴纳，未说明下一年度租金如何确定；本系统取合同约定的每亩年租金乘以面积（约定递增的，以此为下限）。',
    },
    appliesTo: {
      scope: '34号 风险保障金金额',
      fixedIn: 'workflows/land-transfer/src/rules.ts depositRule',
    },
  },
  {
    key: 'land-transfer.report-due-days',
    label: '半年情况报告的报送期限（半年结束后）',
    unit: '天',
    defaultValue: 31,
    valueSchema: days(90),
    source: {
      kind: 'system',
      reasoning:
        '青政发〔2019〕34号 第三十二条规定企业、经营主体实行半年情况报告制度，未规定报送日；本系统设定每半年结束后 31 天内（上半年 7月31日、下半年次年1月31日）报市农业农村局农经站。',
    },
    appliesTo: {
      scope: '34号 经营主体半年情况报告的到期日',
      startInput: 'StartApplication.reportDueDays',
      passedBy: 'services/land-transfer/src/temporal.ts',
      takesEffect: '只用于修改之后提交的申请；已提交的申请保留提交时的天数。',
    },
  },
  {
    key: 'land-transfer.report-red-after-days',
    label: '半年情况报告逾期多少天转红色（逾期）',
    unit: '天',
    defaultValue: 30,
    valueSchema: days(365),
    source: {
      kind: 'system',
      reasoning:
        '公报未规定；本系统设定报送期限前 7 天转蓝色（临期），过期未报转黄色（滞后），过期 30 天仍未报转红色（逾期），报农业农村局和领导小组。',
      reference: 'DESIGN §5 预警分级',
    },
    appliesTo: {
      scope: '34号 经营主体半年情况报告的预警',
      startInput: 'StartApplication.reportRedAfterDays',
      passedBy: 'services/land-transfer/src/temporal.ts',
      takesEffect: '只用于修改之后提交的申请；已提交的申请保留提交时的天数。',
    },
  },
  {
    key: 'land-transfer.supervision-due',
    label: '年度监督检查（第三十九条）每年的完成期限（月-日）',
    unit: '月-日',
    defaultValue: '12-31',
    valueSchema: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a month and day such as 12-31')
      // A day every year has: 02-29 and 04-31 are refused.
      .refine((md) => new Date(`2019-${md}T00:00:00Z`).toISOString().slice(5, 10) === md, 'no such day'),
    source: {
      kind: 'system',
      reasoning:
        '青政发〔2019〕34号 第三十九条规定“市农业农村局、各镇政府每年对租赁农地经营、项目实施、风险防范等情况定期开展监督”，未规定每年何时完成；本系统读作每个用地年度内完成，期限为当年12月31日（年度最后一天），前 7 天转蓝色，过期转黄色，过期 30 天转红色（与半年报告同一阶梯），红色报农业农村局和领导小组。',
      reference: '青政发〔2019〕34号 第三十九条；DESIGN §5 预警分级',
    },
    appliesTo: {
      scope: '34号 年度监督检查的到期日',
      startInput: 'StartApplication.supervisionDue',
      passedBy: 'services/land-transfer/src/temporal.ts',
      takesEffect: '只用于修改之后提交的申请；已提交的申请保留提交时的期限。',
    },
  },
  // 引客入青奖励 (青政办发〔2019〕34号): the readings taken where the text is loose.
  {
    key: 'tourism.filing-advance',
    label: '引客入青备案提前天数的读法',
    unit: '读法',
    defaultValue: 'calendar-days-before-arrival',
    valueSchema: z.enum(['calendar-days-before-arrival']),
    source: {
      kind: 'gazette',
      document: '青政办发〔2019〕34号',
      clause: '三.1、三.3(1)、三.4(1)',
      quote: '旅行社需提前三天向青铜峡市旅游营销中心填报《青铜峡市引客入青奖励政策备案登记表》',
      note: '“提前三天/一天”按自然日计：备案日期不晚于抵达日期前第 3 日（包机、专列、大巴）或前第 1 日（一日游、过夜游）；5月10日抵达的包机最迟 5月7日备案。',
    },
    appliesTo: { scope: '引客入青行程备案', fixedIn: 'workflows/tourism/src/windows.ts filingDeadline' },
  },
  {
    key: 'tourism.monthly-claim-month',
    label: '包机、专列、大巴“当月30日”的月份',
    unit: '读法',
    defaultValue: 'trip-month',
    valueSchema: z.enum(['trip-month', 'next-month']),
    source: {
      kind: 'system',
      reasoning:
        '三.4(3) 只写“当月30日材料报送审核”。本系统读作团队离青当月的 30 日（二月没有 30 日，取月末）；在当月 30 日之后离青的（31 日），为次月 30 日。另一读法 next-month：一律次月 30 日。',
      reference: '青政办发〔2019〕34号 三.4(3)：“包机、专列、大巴车实行当月30日材料报送审核”',
    },
    appliesTo: {
      scope: '引客入青申请期限（包机、专列、大巴）',
      fixedIn: 'workflows/tourism/src/windows.ts claimDeadline',
    },
  },
  {
    key: 'tourism.quarterly-claim-day',
    label: '一日游、过夜游“15日之前”含不含15日',
    unit: '读法',
    defaultValue: 'fifteenth-inclusive',
    valueSchema: z.enum(['fifteenth-inclusive']),
    source: {
      kind: 'system',
      reasoning:
        '三.4(4)“15日之前”按公文惯例含 15 日当天：15 日 24 时前报送的在期限内，16 日起不再接受补报。',
      reference: '青政办发〔2019〕34号 三.4(4)：“每一季度第一个月的15日之前报送上一季度材料审核”',
    },
    appliesTo: {
      scope: '引客入青申请期限（一日游、过夜游）',
      fixedIn: 'workflows/tourism/src/windows.ts claimDeadline',
    },
  },
  {
    key: 'tourism.day-tour-threshold-scope',
    label: '一日游“全年累计800人次以上”的计数范围',
    unit: '读法',
    defaultValue: 'combined',
    valueSchema: z.enum(['combined', 'per-spot-count']),
    source: {
      kind: 'system',
      reasoning:
        '二.4 两句各写“全年累计输送游客800人次以上”。本系统按奖项名“全年一日游奖励”读作全年一日游人次合计达到 800（含）即按每人 5 元或 15 元奖励；另一读法 per-spot-count：游览一个景区与两个景区各自满 800。',
      reference: '青政办发〔2019〕34号 二.4',
    },
    appliesTo: { scope: '引客入青年底结算', fixedIn: 'workflows/tourism/src/rules.ts dayTourReward' },
  },
  {
    key: 'tourism.train-short-of-night-rate',
    label: '专列住宿一晚但只游览一个4A景区',
    unit: '读法',
    defaultValue: 'rate-without-night',
    valueSchema: z.enum(['rate-without-night']),
    source: {
      kind: 'system',
      reasoning:
        '二.2 只写了“两个景区且住宿一晚”（80元）与“不在青铜峡住宿”（10元/30元）两种情形；住宿但不满两个景区的专列，本系统按不住宿的标准（须含正餐）奖励，住宿不使其少得。',
      reference: '青政办发〔2019〕34号 二.2',
    },
    appliesTo: { scope: '引客入青专列奖励', fixedIn: 'workflows/tourism/src/rules.ts trainRate' },
  },
  {
    key: 'tourism.hotel-count-bounds-night',
    label: '宾馆核实人数与景区人数不同时',
    unit: '读法',
    defaultValue: 'smallest-of-spots-and-hotel',
    valueSchema: z.enum(['smallest-of-spots-and-hotel']),
    source: {
      kind: 'gazette',
      document: '青政办发〔2019〕34号',
      clause: '三.2',
      quote: '景区核实的接待人数出现两个景区人数不一样的情况,以最少的计数。',
      note: '原文只说两个景区；须住宿一晚的奖项（包机、专列、大巴、过夜游），本系统把宾馆核实的人数一并比较，取最少者。',
    },
    appliesTo: { scope: '引客入青申请的计数', fixedIn: 'workflows/tourism/src/rules.ts countedVisitors' },
  },
  {
    key: 'tourism.trip-year',
    label: '行程计入哪一年的结算',
    unit: '读法',
    defaultValue: 'arrival-year',
    valueSchema: z.enum(['arrival-year']),
    source: {
      kind: 'system',
      reasoning:
        '二“全年累计”与三.4“年底结算”未写跨年行程归属；本系统按抵达日期所在年度计，年度结算在次年 1 月 31 日（最后的申请期限 1 月 30 日之后）。',
      reference: '青政办发〔2019〕34号 三.4(3)(4)',
    },
    appliesTo: {
      scope: '引客入青年底结算',
      fixedIn: 'workflows/tourism/src/windows.ts tripYear, settlementDueOn',
    },
  },
  {
    key: 'tourism.best-agency-ties',
    label: '最佳送团社排名并列时',
    unit: '读法',
    defaultValue: 'other-figure-then-code',
    valueSchema: z.enum(['other-figure-then-code']),
    source: {
      kind: 'system',
      reasoning:
        '二.7 未规定并列。本系统：总人数并列的按过夜游人数，过夜游人数并列的按总人数，仍并列的按旅行社代码排序，并由旅游营销中心在结算表中复核。过夜游人数含大巴团（二.3“在享受过夜游奖励的同时”）与切位（二.5）。',
      reference: '青政办发〔2019〕34号 二.7',
    },
    appliesTo: {
      scope: '引客入青最佳送团社排名',
      fixedIn: 'workflows/tourism/src/rules.ts rankBestAgencies',
    },
  },
  // 青政办发〔2019〕39号 购买社会救助服务 (issue 17): the settings of the social-assistance process.
  {
    key: 'social-assistance.minimum-wage',
    label: '全市最低工资标准（入户核查员工资及保险按其2倍计算）',
    unit: '生效日:元/月',
    defaultValue: '2017-10-01:1560',
    valueSchema: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}:\d+(\.\d{1,2})?$/, '写作 生效日:元/月，如 2017-10-01:1560'),
    source: {
      kind: 'system',
      reasoning:
        '青政办发〔2019〕39号 五(三)1 按“全市最低工资标准的2倍”计算，未写出标准本身。最低工资标准由自治区人民政府公布，青铜峡市属二类区（2012年4月1日起为1020元/月）；本系统以自治区2017年调整后的二类区标准 1560 元/月作为2019年适用的值，须由人力资源和社会保障局核对并在调整时更新（值写明生效日）。',
      reference: '青政办发〔2019〕39号 五(三)1：“按全市最低工资标准的2倍计算,并缴纳医疗、养老等五险一金”',
    },
    appliesTo: {
      scope: '39号 购买社会救助服务的年度预算与三次拨付金额',
      startInput: 'StartPurchase.minimumWage',
      passedBy: 'services/social-assistance/src/temporal.ts（购买项目建立时读取）',
      takesEffect: '只用于修改之后建立的购买项目；已建立的项目保留建立时的标准和预算。',
    },
  },
  {
    key: 'social-assistance.wage-includes-insurance',
    label: '“工资及保险等费用按最低工资标准的2倍计算”的读法',
    unit: '读法',
    defaultValue: '2倍含五险一金',
    valueSchema: z.enum(['2倍含五险一金']),
    source: {
      kind: 'system',
      reasoning:
        '39号 五(三)1 写“工资及保险等费用,按全市最低工资标准的2倍计算,并缴纳医疗、养老等五险一金”：本系统按字面把工资和保险合计按2倍计入预算，未另加单位缴费比例（公报没有给出比例）。',
    },
    appliesTo: {
      scope: '39号 年度预算的工资一项',
      fixedIn: 'workflows/social-assistance/src/costs.ts wageCostPerMonth',
    },
  },
  {
    key: 'social-assistance.evaluation-due-days',
    label: '半年综合评估的完成期限（半年期满后）',
    unit: '天',
    defaultValue: 15,
    valueSchema: days(90),
    source: {
      kind: 'system',
      reasoning:
        '39号 七(三) 规定每半年综合评估一次，未规定在何时完成；本系统设定每半年期满后 15 天内完成，未办的按预警分级转蓝、红。',
    },
    appliesTo: {
      scope: '39号 半年综合评估（中期、末期）的到期日',
      startInput: 'StartPurchase.evaluationDueDays',
      passedBy: 'services/social-assistance/src/temporal.ts',
      takesEffect: '只用于修改之后建立的购买项目；已建立的项目保留建立时的天数。',
    },
  },
  {
    key: 'social-assistance.rectification-days',
    label: '评估不合格后承接主体整改期限',
    unit: '天',
    defaultValue: 30,
    valueSchema: days(180),
    source: {
      kind: 'system',
      reasoning:
        '39号 七(三) 以评估结果作为资金拨付的主要依据，五(六) 规定不合格的由承接主体重新调配，未规定整改期限；本系统设定评估不合格后 30 天内整改并重新评估，其间暂停下一笔拨付。',
    },
    appliesTo: {
      scope: '39号 评估不合格后的整改',
      startInput: 'StartPurchase.rectificationDays',
      passedBy: 'services/social-assistance/src/temporal.ts',
      takesEffect: '只用于修改之后建立的购买项目；已建立的项目保留建立时的天数。',
    },
  },
  {
    key: 'social-assistance.later-years-first-payment',
    label: '第二、三个服务年度首笔50%的起算日',
    unit: '读法',
    defaultValue: '服务年度开始之日',
    valueSchema: z.enum(['服务年度开始之日']),
    source: {
      kind: 'system',
      reasoning:
        '39号 六(四) 写“购买合同生效之日起的15个工作日内拨付年度经费的50%”，五(四) 购买期限三年；本系统读作每个服务年度开始（合同生效的周年日）起15个工作日内拨付当年经费的50%。',
    },
    appliesTo: {
      scope: '39号 第二、三年度的首笔拨付',
      fixedIn: 'workflows/social-assistance/src/purchase.ts paymentsOfYear',
    },
  },
  {
    key: 'social-assistance.case-step-working-days',
    label: '社会救助申请每个环节的办理时限（入户调查、群众评议、抽查复核、审批决定）',
    unit: '工作日',
    defaultValue: 10,
    valueSchema: days(60),
    source: {
      kind: 'system',
      reasoning:
        '39号 五(五)2 列出代为申请、调查审核、群众评议、抽查复核各环节，未规定时限；本系统设定每个环节自上一环节完成之日起 10 个工作日内办结（参照社会救助审核审批按工作日计限的做法），到期前转蓝、逾期转红。',
    },
    appliesTo: {
      scope: '39号 入户核查员代办的社会救助申请（我的待办的期限）',
      startInput: 'StartHouseholdCase.stepWorkingDays',
      passedBy: 'services/social-assistance/src/temporal.ts（申请建立时读取）',
      takesEffect: '只用于修改之后建立的申请；已建立的申请保留建立时的时限。',
    },
  },
  {
    key: 'project-quality.report-day',
    label: '项目建设工作情况每月报送日',
    unit: '日',
    defaultValue: 25,
    valueSchema: z.number().int().min(1).max(28),
    source: {
      kind: 'gazette',
      document: '青政办发〔2019〕40号',
      clause: '四(三)',
      quote: '并于每月25日前将本单位开展工作情况报发展和改革局汇总',
      note: '“25日前”本系统读作当日结束前报送即为按时（与31号个案的报送日同一读法）。',
    },
    appliesTo: {
      scope: '40号 各单位的年度报送：每月报送日、临期（蓝）与逾期未报（红）',
      startInput: 'StartUnitYear.reportDay',
      passedBy: 'services/project-quality/src/temporal.ts（单位年度报送建立时读取）',
      takesEffect: '只用于修改之后建立的单位年度报送；已建立的保留建立时的报送日。',
    },
  },
  {
    key: 'project-quality.report-rest-day',
    label: '每月报送日遇休息日、法定节假日的处理',
    unit: '规则',
    defaultValue: 'next-working-day',
    valueSchema: z.enum(['next-working-day', 'previous-working-day', 'as-written']),
    source: {
      kind: 'law',
      law: '《中华人民共和国民法典》',
      article: '第二百零三条',
      quote: '期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。',
      note: '40号 四(三) 只写“每月25日前”，未说遇休息日如何处理；本系统按民法典顺延至下一工作日（调休上班日算工作日）。可改为 previous-working-day（提前到此前最后一个工作日）或 as-written（不调整）。',
    },
    appliesTo: {
      scope: '40号 各单位的年度报送：报送日落在周末或法定节假日时的到期日',
      startInput: 'StartUnitYear.restDayRule',
      passedBy: 'services/project-quality/src/temporal.ts（单位年度报送建立时读取）',
      takesEffect: '只用于修改之后建立的单位年度报送；已建立的保留建立时的规则。',
    },
  },
  // Issue 19: alerts delivered by mail, group robots and SMS (services/delivery).
  {
    key: 'delivery.quiet-hours',
    label: '即时提醒的免打扰时段（北京时间；红色升级不受限）',
    unit: '时段',
    defaultValue: 'off',
    valueSchema: z
      .string()
      .regex(
        /^(([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d|off)$/,
        '写作 HH:MM-HH:MM（如 22:00-07:30）或 off',
      ),
    source: {
      kind: 'system',
      reasoning:
        '公报未规定提醒的方式和时间；本系统的读法：部署时可设免打扰时段（如 22:00-07:30），时段内不向邮箱、群机器人和手机推送即时提醒，到时段结束时再发，未设时不限；红色逾期的升级（久未整改报领导、挂牌督办、提请问责）任何时候立即发送。',
      reference:
        '议题19 第3点：quiet hours for immediate alerts (configurable), with red escalations always immediate',
    },
    appliesTo: {
      scope: '提醒投递（services/delivery）的即时提醒；每日督办提醒不受影响',
      fixedIn:
        'services/delivery/src/config.ts DELIVERY_QUIET_HOURS（部署时设定，启动时读取；未设或 off 为不设）',
    },
  },
  {
    key: 'delivery.digest-time',
    label: '每日督办提醒的发送时间与范围',
    unit: '时间·天',
    defaultValue: '08:30·7',
    valueSchema: z.enum(['08:30·7']),
    source: {
      kind: 'system',
      reasoning:
        '公报未规定每日提醒；本系统的读法：法定工作日（含调休上班日，节假日不发）北京时间 08:30，向每个单位发一条，列出已逾期和 7 天内到期的未办步骤，7 天与蓝色预警的默认天数相同。',
      reference:
        '议题19 第3点：at 08:30 Asia/Shanghai on working days only, open steps due within 7 days and overdue',
    },
    appliesTo: {
      scope: '每日督办提醒（services/delivery 按单位发送）',
      fixedIn:
        'workflows/digest/src/schedule.ts DIGEST_TIME、services/delivery/src/digest.ts DIGEST_HORIZON_DAYS',
    },
  },
  // Issue 23: the 督办 lifecycle's 催办 and the year-end 考核 (40号 四(三) names it, sets no rules).
  {
    key: 'supervision.urge-reply-working-days',
    label: '催办后责任单位反馈的期限',
    unit: '个工作日',
    defaultValue: 3,
    valueSchema: days(30),
    source: {
      kind: 'system',
      reasoning:
        '公报未规定催办的反馈期限；本系统设定：督查室或领导催办时未写期限的，责任单位须在 3 个工作日内反馈（法定节假日不计，调休上班日计入），逾期未反馈的催办转红并上报。',
    },
    appliesTo: {
      scope: '督办事项的催办（POST /api/items/{id}/actions/urge 未写 replyBy 时）',
      startInput: 'urge 操作的 body.replyBy',
      passedBy: 'services/supervision/src/routes/actions.ts（催办时读取）',
      takesEffect: '只用于修改之后发出的催办；已发出的催办保留发出时的反馈期限。',
    },
  },
  {
    key: 'assessment.score-rules',
    label: '单位督办考核的计分规则',
    unit: '分',
    defaultValue:
      '基础100·逾期办结-2·逾期未办结-3·逾期每日-0.1·催办逾期反馈-1·延期获批-0.5·好+2·较好+1·一般0·差-2',
    valueSchema: z.enum([
      '基础100·逾期办结-2·逾期未办结-3·逾期每日-0.1·催办逾期反馈-1·延期获批-0.5·好+2·较好+1·一般0·差-2',
    ]),
    source: {
      kind: 'system',
      reasoning:
        '青政办发〔2019〕40号 四(三)“此项工作将列为年终项目考核依据”只说要考核，公报没有督办考核细则；本系统设定一套常见的扣分加分规则作为默认，待督查室按本单位的考核细则替换：以 100 分为基础，逾期办结每项扣 2 分，期末仍逾期未办结每项扣 3 分并按逾期天数每日扣 0.1 分，催办逾期反馈或未反馈每次扣 1 分，延期获批每次扣 0.5 分，办结评价好、较好、一般、差分别加 2、1、0、-2 分；按期办结率相同时以得分排名。',
      reference: '青政办发〔2019〕40号 四(三)：“此项工作将列为年终项目考核依据”',
    },
    appliesTo: {
      scope: '单位督办考核表（GET /api/scorecard 与其 xlsx 导出）',
      fixedIn: 'services/supervision/src/scorecard/rules.ts SCORE_RULES',
    },
  },
  // 演练与预测 (issue 22): the forecast's default pace when no unit's own is given.
  {
    key: 'forecast.step-working-days',
    label: '预测：责任单位完成一个节点所需工作日（默认）',
    unit: '工作日',
    defaultValue: 60,
    valueSchema: days(250),
    source: {
      kind: 'system',
      reasoning:
        '公报未规定各单位的办理时长；预测（看哪些节点可能逾期）需要一个默认步速，本系统设定每个节点 60 个工作日（约一个季度：31号 四(二) 的节点大致按季度排列）。某单位在已办结事项上测得足够的步骤（packages/forecast MIN_MEASURED_STEPS）时，用其中位数代替。',
    },
    appliesTo: {
      scope:
        '文件预测（POST /api/forecast 的模拟与 GET /api/forecast 的日历估算）：没有测得中位数的单位按此计算；模拟在独立的时间跳跃服务器上运行，不进入真实流程，不改变任何事项的颜色',
      startInput: '无（预测只在自己的模拟服务器上启动流程）',
      passedBy: 'packages/forecast/src/routes.ts（每次预测时读取）',
      takesEffect: '只用于修改之后的预测；已在运行的事项不受影响，已有的颜色不被改写。',
    },
  },
] as const satisfies readonly PolicySettingDefinition[];

export type PolicyKey = (typeof POLICY_SETTINGS)[number]['key'];

const byKey = new Map<string, PolicySettingDefinition>(POLICY_SETTINGS.map((s) => [s.key, s]));

export function policySetting(key: string): PolicySettingDefinition | undefined {
  return byKey.get(key);
}

/** A setting an administrator may change here: one a service passes in a start input. */
export const isChangeable = (setting: PolicySettingDefinition): boolean => 'startInput' in setting.appliesTo;

/** The source in one line, as the API and the console show it. */
export function sourceLabel(source: PolicySource): string {
  switch (source.kind) {
    case 'gazette':
      return `${source.document} ${source.clause}`;
    case 'law':
      return `${source.law}${source.article}`;
    case 'system':
      return source.reference ? `本系统设定（参照${source.reference.split('：')[0]}）` : '本系统设定';
  }
}
