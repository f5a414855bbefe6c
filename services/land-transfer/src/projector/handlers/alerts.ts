import { raiseProcessAlert, type ProcessAlertDeps } from '@duban/service-alerts';
import type { AlertDoc, CloudEvent, Colour } from '@duban/contracts';
import {
  AGRI,
  ECON_STATION,
  LT_DOC_NO,
  LandTransferEvents,
  type ApplicationSnapshot,
} from '@duban/workflow-land-transfer/client';

export const LT_ALERTS_SOURCE = 'duban/services/land-transfer';

/** A report's or a yearly supervision's colour change, and a deposit drawn on a 第四十九条 event. */
export const handles = [
  LandTransferEvents.ReportColourChanged,
  LandTransferEvents.SupervisionColourChanged,
  LandTransferEvents.DepositDrawn,
];

type Data = {
  application: ApplicationSnapshot;
  to?: Colour;
  reason?: string;
  amountYuan?: number;
  year?: number;
};

/** The article an alert cites: the deposit's, the supervision's or the report's. */
const refOf = (type: string): string =>
  type === LandTransferEvents.DepositDrawn.type
    ? '第四十九条'
    : type === LandTransferEvents.SupervisionColourChanged.type
      ? '第三十九条'
      : '第三十二条';

/**
 * DESIGN §5: a colour change (a six-monthly report's, 第三十二条, or a yearly supervision's,
 * 第三十九条) reaches the inspectors, red the leadership group too; a drawn
 * deposit is red at once (the contract cannot go on) and reaches both, led by 农业农村局.
 */
export function onTransferAlert(deps: Omit<ProcessAlertDeps, 'source'>) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const app = event.data.application;
    const drawn = event.type === LandTransferEvents.DepositDrawn.type;
    const colour: Colour = drawn ? 'red' : (event.data.to ?? app.colour);
    if (colour === 'green' || colour === 'none') return;
    const message = drawn
      ? `启用风险保障金 ${event.data.amountYuan ?? 0} 元：${app.deposit.drawn?.clauseText ?? ''}`
      : (event.data.reason ?? '');
    const audiences: AlertDoc['audience'][] = colour === 'red' ? ['inspector', 'leader'] : ['inspector'];
    for (const audience of audiences) {
      await raiseProcessAlert({ ...deps, source: LT_ALERTS_SOURCE }, event, {
        _id: `${event.id}|${audience}`,
        audience,
        process: 'land-transfer',
        itemId: app.applicationId,
        href: `#/land-transfer/applications/${encodeURIComponent(app.applicationId)}`,
        docNo: LT_DOC_NO,
        ref: refOf(event.type),
        title: `土地流转：${app.application.operatorName}（${app.application.villageName}，${app.areaMu} 亩）`,
        colour,
        kind: 'colour_changed',
        message,
        // 第三十二条 reports are made to 农业农村局's 农经站: it sees their alerts beside 农业农村局.
        leadUnits: event.type === LandTransferEvents.ReportColourChanged.type ? [AGRI, ECON_STATION] : [AGRI],
        eventId: event.id,
        createdAt: new Date(event.time),
      });
    }
  };
}
