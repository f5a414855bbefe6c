import { raiseProcessAlert, type ProcessAlertDeps } from '@duban/service-alerts';
import type { AlertDoc, CloudEvent, Colour } from '@duban/contracts';
import {
  AGRI,
  ECON_STATION,
  LT_DOC_NO,
  LandTransferEvents as E,
  type ApplicationSnapshot,
} from '@duban/workflow-land-transfer/client';

export const LT_ALERTS_SOURCE = 'duban/services/land-transfer';

/**
 * A report's or a yearly supervision's colour change, a deposit drawn on a 第四十九条 event, and a
 * 第四十九条 risk case with no deposit to draw.
 */
export const handles = [E.ReportColourChanged, E.SupervisionColourChanged, E.DepositDrawn, E.RiskCaseOpened];

type Data = {
  application: ApplicationSnapshot;
  to?: Colour;
  reason?: string;
  amountYuan?: number;
  year?: number;
};

export interface TransferAlert {
  colour: Colour;
  ref: string;
  message: string;
  leadUnits: string[];
}

/**
 * DESIGN §5: what a fact announces, or null. A colour change (a six-monthly report's, 第三十二条,
 * or a yearly supervision's, 第三十九条) keeps its colour; a drawn deposit is red at once (the
 * contract cannot go on), and so is a 第四十九条 risk case when there was no deposit to draw (a
 * waived one): the drawn deposit's own alert speaks for the case otherwise.
 */
export function transferAlertOf(type: string, data: Data): TransferAlert | null {
  const app = data.application;
  const risk = app.riskCase?.clauseText ?? '';
  let alert: TransferAlert;
  switch (type) {
    case E.DepositDrawn.type:
      alert = {
        colour: 'red',
        ref: '第四十九条',
        message: `启用风险保障金 ${data.amountYuan ?? 0} 元：${app.deposit.drawn?.clauseText ?? ''}`,
        leadUnits: [AGRI],
      };
      break;
    case E.RiskCaseOpened.type:
      if (app.deposit.drawn) return null;
      alert = {
        colour: 'red',
        ref: '第四十九条',
        message: `风险立案（无风险保障金可启用）：${risk}`,
        leadUnits: [AGRI],
      };
      break;
    case E.SupervisionColourChanged.type:
      alert = { colour: data.to ?? 'none', ref: '第三十九条', message: data.reason ?? '', leadUnits: [AGRI] };
      break;
    default:
      // 第三十二条 reports are made to 农业农村局's 农经站: it sees their alerts beside 农业农村局.
      alert = {
        colour: data.to ?? app.colour,
        ref: '第三十二条',
        message: data.reason ?? '',
        leadUnits: [AGRI, ECON_STATION],
      };
  }
  return alert.colour === 'green' || alert.colour === 'none' ? null : alert;
}

/** Each alert reaches the inspectors, red the leadership group too, led by 农业农村局. */
export function onTransferAlert(deps: Omit<ProcessAlertDeps, 'source'>) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const app = event.data.application;
    const alert = transferAlertOf(event.type, event.data);
    if (!alert) return;
    const audiences: AlertDoc['audience'][] =
      alert.colour === 'red' ? ['inspector', 'leader'] : ['inspector'];
    for (const audience of audiences) {
      await raiseProcessAlert({ ...deps, source: LT_ALERTS_SOURCE }, event, {
        _id: `${event.id}|${audience}`,
        audience,
        process: 'land-transfer',
        itemId: app.applicationId,
        href: `#/land-transfer/applications/${encodeURIComponent(app.applicationId)}`,
        docNo: LT_DOC_NO,
        ref: alert.ref,
        title: `土地流转：${app.application.operatorName}（${app.application.villageName}，${app.areaMu} 亩）`,
        colour: alert.colour,
        kind: 'colour_changed',
        message: alert.message,
        leadUnits: alert.leadUnits,
        eventId: event.id,
        createdAt: new Date(event.time),
      });
    }
  };
}
