import { describe, expect, it } from 'vitest';
import type { ApplicationSnapshot } from '@duban/workflow-land-transfer/client';
import { openSteps } from './inbox';

/** An application in use, its 2019H2 report awaited; only what openSteps reads. */
const inUse = (supervision?: ApplicationSnapshot['supervision']) =>
  ({
    applicationId: 'LZ-1',
    stage: 'in-use',
    tier: 'town',
    colour: 'green',
    application: { operatorCode: 'operator-huinong', villageCode: 'village-minle', townCode: 'town-xiaoba' },
    reports: { period: '2019H2', due: '2020-01-31', colour: 'green', submitted: [] },
    ...(supervision === undefined ? {} : { supervision }),
  }) as unknown as ApplicationSnapshot;

describe('我的待办 of an application in use (青政发〔2019〕34号)', () => {
  it('第三十九条: 农业农村局 owes the year’s supervision by 12-31, in its own colour, beside the operator’s report (第三十二条)', () => {
    const steps = openSteps(inUse({ year: 2019, due: '2019-12-31', colour: 'yellow' }));
    expect(steps.map((s) => [s.unitCode, s.step, s.deadline, s.colour, s.ref])).toEqual([
      ['operator-huinong', 'report', '2020-01-31', 'green', '第三十二条'],
      ['agri', 'supervise', '2019-12-31', 'yellow', '第三十九条'],
    ]);
    expect(steps[1]?.stepLabel).toContain('2019 年度监督检查');
  });

  it('applications started before the deadline was kept (or past the term’s last year) owe none', () => {
    expect(openSteps(inUse()).map((s) => s.step)).toEqual(['report']);
    expect(openSteps(inUse(null)).map((s) => s.step)).toEqual(['report']);
  });
});
