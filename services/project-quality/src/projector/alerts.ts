import { raiseProcessAlert, type ProcessAlertDeps } from '@duban/service-alerts';
import type { AlertDoc, CloudEvent, Colour } from '@duban/contracts';
import { unitByCode } from '@duban/units';
import {
  NDRC,
  PQ_DOC_NO,
  ProjectQualityEvents,
  type IndicatorYearSnapshot,
  type UnitYearSnapshot,
} from '@duban/workflow-project-quality/client';
import { unitYearHref } from './facts';

export const PQ_ALERTS_SOURCE = 'duban/services/project-quality';

export const handles = [
  ProjectQualityEvents.ReportColourChanged,
  ProjectQualityEvents.TalkListed,
  ProjectQualityEvents.IndicatorColourChanged,
];

type Data = {
  unitYear: UnitYearSnapshot;
  month?: number;
  to?: Colour;
  reason?: string;
  ref?: string;
  quarter?: string;
  figures?: string;
};

/**
 * DESIGN §5: a report day coming (blue) reaches the inspectors, a missed report (red) the leadership
 * group too. A 约谈 listing (二(三)) reaches the leadership group (a city leader holds the talk) and
 * the inspectors (督查室 leads it), as an accountability alert with the figures.
 */
export function onAlert(deps: Omit<ProcessAlertDeps, 'source'>) {
  const onIndicator = indicatorAlert(deps);
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    if (event.type === ProjectQualityEvents.IndicatorColourChanged.type) return onIndicator(event as never);
    const { unitYear: y } = event.data;
    const unit = unitByCode(y.unitCode)?.shortName ?? y.unitCode;
    const talk = event.type === ProjectQualityEvents.TalkListed.type;
    const to: Colour = talk ? 'red' : (event.data.to ?? 'none');
    if (to === 'green' || to === 'none') return;
    const audiences: AlertDoc['audience'][] = to === 'red' ? ['inspector', 'leader'] : ['inspector'];
    for (const audience of audiences)
      await raiseProcessAlert({ ...deps, source: PQ_ALERTS_SOURCE }, event, {
        _id: `${event.id}|${audience}`,
        audience,
        process: 'project-quality',
        itemId: `${y.unitCode}-${y.year}`,
        href: unitYearHref(y.unitCode, y.year),
        docNo: PQ_DOC_NO,
        ref: talk ? '二(三)' : (event.data.ref ?? '四(三)'),
        title: talk
          ? `${unit}列入约谈（重点项目连续2季度排名末位）`
          : `${unit} ${y.year}年${event.data.month}月工作情况报送`,
        colour: to,
        kind: talk ? 'accountability_escalated' : 'colour_changed',
        message: talk
          ? `${unit}：${event.data.figures ?? ''}，由市政府领导约谈主要负责人、分管负责人（二(三)）`
          : (event.data.reason ?? ''),
        leadUnits: [y.unitCode, NDRC],
        eventId: event.id,
        createdAt: new Date(event.time),
      });
  };
}

type IndicatorData = {
  indicatorYear: IndicatorYearSnapshot;
  indicatorId: string;
  to: Colour;
  reason: string;
};

/** An indicator's report date coming (blue: inspectors) or passed unreported (red: leaders too). */
function indicatorAlert(deps: Omit<ProcessAlertDeps, 'source'>) {
  return async (event: CloudEvent<string, IndicatorData>): Promise<void> => {
    const { indicatorYear: y, indicatorId, to, reason } = event.data;
    if (to !== 'blue' && to !== 'red') return;
    const line = y.lines.find((l) => l.indicatorId === indicatorId);
    const docNo = indicatorId.split('/')[0] ?? '';
    for (const audience of (to === 'red' ? ['inspector', 'leader'] : ['inspector']) as AlertDoc['audience'][])
      await raiseProcessAlert({ ...deps, source: PQ_ALERTS_SOURCE }, event, {
        _id: `${event.id}|${audience}`,
        audience,
        process: 'project-quality',
        itemId: indicatorId,
        href: '#/indicators',
        docNo,
        ref: indicatorId.split('/')[1] ?? '',
        title: `指标：${line?.name ?? indicatorId}（${y.year}年）`,
        colour: to,
        kind: 'colour_changed',
        message: reason,
        leadUnits: [y.unitCode],
        eventId: event.id,
        createdAt: new Date(event.time),
      });
  };
}
