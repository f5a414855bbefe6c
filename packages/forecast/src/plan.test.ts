import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteFile, startItemFor, supervisionCandidates } from '@duban/service-catalog';
import { policySetting } from '@duban/policy';
import { forecastItemOf } from './items';
import { forecastDocument, type ForecastItem } from './plan';

const GAZETTE = path.resolve(import.meta.dirname, '../../../data/gazette/qingtongxia-gazette-2019-02.md');

// Issue 22 point 2: a forecast of 青政办发〔2019〕31号 from the day it was issued (2019-04-21), each
// unit taking the default pace (policy forecast.step-working-days) per milestone, names the units
// whose steps would be late; the same forecast with one of them 15 working days faster names fewer.
const DEFAULT_DAYS = policySetting('forecast.step-working-days')!.defaultValue as number;
describe('forecast of 31号', () => {
  let items: ForecastItem[];
  beforeAll(async () => {
    const { parsed } = await loadGazetteFile(GAZETTE);
    items = supervisionCandidates(parsed.documents)
      .map((c) => startItemFor(c.document, c.task))
      .filter((i) => i?.docNo === '青政办发〔2019〕31号')
      .map((i) => forecastItemOf(i!))
      .filter((i): i is ForecastItem => i !== null);
  });

  it('names the late units, and fewer when one of them is faster', () => {
    const base = forecastDocument(items, { startOn: '2019-04-21', durations: { defaultDays: DEFAULT_DAYS } });
    // 四.(二) (教育局): a quarter's pace from 4月21日 misses 6月底, red from 7月1日 until it is done.
    const p2 = base.items.find((i) => i.itemId === 'qzbf-2019-31.4.p2')!;
    expect(p2.milestones.map((m) => m.date)).toEqual([
      '2019-06-30',
      '2019-09-30',
      '2019-11-30',
      '2020-12-31',
    ]);
    expect(p2.milestones[0]).toMatchObject({ blueFrom: '2019-06-24', redFrom: '2019-07-01' });
    expect(base.lateItems).toContain('qzbf-2019-31.4.p2');
    expect(base.lateUnits.map((u) => u.unit)).toContain('edu');
    const slowest = base.lateUnits[0]!.unit;

    const faster = forecastDocument(items, {
      startOn: '2019-04-21',
      durations: { defaultDays: DEFAULT_DAYS },
      whatIf: { slower: { unit: slowest, days: -15 } },
    });
    expect(faster.lateUnits.map((u) => u.unit)).not.toContain(slowest);
    expect(faster.lateUnits.length).toBeLessThan(base.lateUnits.length);

    // A unit slower by ten days is late on more milestones; an extension of the item takes it off the list.
    const slower = forecastDocument(items, {
      startOn: '2019-04-21',
      durations: { defaultDays: DEFAULT_DAYS },
      whatIf: { slower: { unit: slowest, days: 10 } },
    });
    const late = (f: typeof base, unit: string) =>
      f.lateUnits.find((u) => u.unit === unit)?.lateMilestones ?? 0;
    expect(late(slower, slowest)).toBeGreaterThanOrEqual(late(base, slowest));
    expect(base.load.reduce((n, l) => n + l.steps, 0)).toBe(
      base.items.reduce((n, i) => n + i.units.length * i.milestones.length, 0),
    );
  });
});
