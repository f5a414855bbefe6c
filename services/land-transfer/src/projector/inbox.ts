// The open step of each application in the shared inbox (我的待办), for the unit that must act:
// this module writes only `process: 'land-transfer'` entries and removes them when the step is done.
import {
  AGRI,
  ECON_STATION,
  LT_DOC_NO,
  type ApplicationSnapshot,
} from '@duban/workflow-land-transfer/client';
import { ReadModels, inboxEntryId, type Colour, type InboxDoc } from '@duban/contracts';
import type { Db } from 'mongodb';

export const PROCESS = 'land-transfer';
const inbox = (db: Db) => db.collection<InboxDoc>(ReadModels.inbox);

interface OpenStep {
  unitCode: string;
  step: string;
  stepLabel: string;
  ref: string;
  deadline: string | null;
  colour: Colour;
}

/**
 * Who owes the next step (第三十五–四十九条); while in use, the operator owes its report and 农经站
 * chases a late one, and 农业农村局 owes the year's supervision (第三十九条).
 */
export function openSteps(app: ApplicationSnapshot): OpenStep[] {
  const a = app.application;
  const step = (unitCode: string, key: string, stepLabel: string, ref: string): OpenStep => ({
    unitCode,
    step: key,
    stepLabel,
    ref,
    deadline: null,
    colour: 'green',
  });
  switch (app.stage) {
    case 'meeting':
      return [step(a.villageCode, 'meeting', '召开村民小组会议表决土地流转申请', '第三十五条')];
    case 'review':
      if (app.tier === 'village')
        return [step(a.villageCode, 'decide', '村级审查评估并作出决定', '第三十六条')];
      if (app.tier === 'town') return [step(a.townCode, 'decide', '镇级审查评估并作出决定', '第三十七条')];
      return [step(a.townCode, 'town-review', '镇政府审查（500亩以上，报市级审查小组）', '第三十八条')];
    case 'city-review':
      return [step(AGRI, 'decide', '市土地流转审查小组审查决定', '第三十八条')];
    case 'contract':
      return [step(a.villageCode, 'contract', '指导签订流转合同（一式四份）', '第二十条')];
    case 'filing':
      return app.tier === 'village'
        ? [step(a.townCode, 'file', '村级审查决定备案', '第三十六条')]
        : [step(ECON_STATION, 'file', '审查决定和流转合同备案', '第三十七、三十八条')];
    case 'settlement':
      return [step(a.villageCode, 'settle', '收取租金和风险保障金（先付租金、后用地）', '第四十三条')];
    case 'in-use':
      return [...reportSteps(app, step), ...supervisionSteps(app, step)];
    case 'risk':
      return [{ ...step(AGRI, 'close-risk', '风险处置（已启用风险保障金）', '第四十九条'), colour: 'red' }];
    case 'expired':
      return [step(a.villageCode, 'refund', '合同期满无违约，退还风险保障金', '第四十三条')];
    case 'closed':
      return [];
  }
}

type StepOf = (unitCode: string, key: string, stepLabel: string, ref: string) => OpenStep;

/** 第三十二条: the operator's awaited report; 农经站 chases it once late. */
function reportSteps(app: ApplicationSnapshot, step: StepOf): OpenStep[] {
  if (!app.reports.due) return [];
  const report = {
    ...step(app.application.operatorCode, 'report', `报送 ${app.reports.period} 半年情况报告`, '第三十二条'),
    deadline: app.reports.due,
    colour: app.colour,
  };
  if (app.colour !== 'yellow' && app.colour !== 'red') return [report];
  const chase = {
    ...report,
    unitCode: ECON_STATION,
    step: 'report-late',
    stepLabel: `催报 ${app.reports.period} 半年情况报告（逾期未报）`,
  };
  return [report, chase];
}

/** 第三十九条: 农业农村局's supervision of the year, due on land-transfer.supervision-due (applications that keep it). */
function supervisionSteps(app: ApplicationSnapshot, step: StepOf): OpenStep[] {
  const awaited = app.supervision;
  if (!awaited) return [];
  const label = `${awaited.year} 年度监督检查（租赁农地经营、项目实施、风险防范）`;
  return [{ ...step(AGRI, 'supervise', label, '第三十九条'), deadline: awaited.due, colour: awaited.colour }];
}

export async function syncInbox(db: Db, app: ApplicationSnapshot, at: Date): Promise<void> {
  const open = openSteps(app).map((s) => ({
    ...s,
    _id: inboxEntryId(PROCESS, app.applicationId, s.step, s.unitCode),
  }));
  await inbox(db).deleteMany({
    process: PROCESS,
    itemId: app.applicationId,
    ...(open.length ? { _id: { $nin: open.map((s) => s._id) } } : {}),
  });
  const a = app.application;
  for (const s of open) {
    const doc: InboxDoc = {
      _id: s._id,
      process: PROCESS,
      itemId: app.applicationId,
      unitCode: s.unitCode,
      role: 'lead',
      step: s.step,
      stepLabel: s.stepLabel,
      href: `#/land-transfer/applications/${encodeURIComponent(app.applicationId)}`,
      docNo: LT_DOC_NO,
      ref: s.ref,
      title: `土地流转：${a.operatorName} 流转${a.villageName} ${app.areaMu} 亩（${a.use}）`,
      deadline: s.deadline,
      colour: s.colour,
      updatedAt: at,
    };
    await inbox(db).replaceOne({ _id: s._id }, doc, { upsert: true });
  }
}
