import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import * as wt from '@duban/workflow-core/testing';
import { createProjectQualityActivities as activitiesOn } from './activities';
import { indicatorYearWorkflowId, type TrackIndicator } from './contracts/indicators';
import { unitYearWorkflowId, type UnitYearSnapshot } from './contracts/index';
import { indicatorYearActionUpdate, unitYearActionUpdate, unitYearQuery } from './definitions';
import { actor, report, start2019 } from './testing';
import { projectQualityWorkflowsPath } from './worker';
import type { indicatorYearWorkflow, unitReportingYearWorkflow } from './workflows';

const TASK_QUEUE = 'project-quality-test';
const run = Date.now().toString(36);
/** The server's clock starts on Monday 2019-05-20, 09:00 in Shanghai (40号 was issued 2019-05-23). */
const onServer: wt.TimeSkippingOptions = {
  startAt: '2019-05-20 01:00:00',
  activities: (js) => activitiesOn({ js }),
  workflowsPath: projectQualityWorkflowsPath,
  taskQueue: TASK_QUEUE,
};

describe('a unit’s monthly reports on the time-skipping server, 2019 (青政办发〔2019〕40号 四(三))', () => {
  const suite = wt.timeSkippingSuite(onServer);
  type UnitYear = WorkflowHandle<typeof unitReportingYearWorkflow>;
  const file = (h: UnitYear, month: number, unit = 'miit') =>
    h.executeUpdate(unitYearActionUpdate, {
      args: [{ action: 'report', actor: actor('bureau', unit), body: report(month, month * 1000) }],
    });
  /** The year once the workflow has taken the timer that was due. */
  async function after(h: UnitYear, shanghai: string, ready: (y: UnitYearSnapshot) => boolean) {
    await suite.skipTo(shanghai);
    let y = await h.query(unitYearQuery);
    for (let i = 0; i < 100 && !ready(y); i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      y = await h.query(unitYearQuery);
    }
    return y;
  }
  const month = (y: UnitYearSnapshot, m: number) => y.months.find((s) => s.month === m)!;

  it('May’s Saturday 25th is due Monday 05-27; June missed turns red and a late report brings it back; Sunday 08-25 is due 08-26', async () => {
    const started = await suite.env.client.workflow.start<typeof unitReportingYearWorkflow>(
      'unitReportingYearWorkflow',
      {
        taskQueue: TASK_QUEUE,
        workflowId: unitYearWorkflowId(`miit${run}`, 2019),
        args: [start2019()],
      },
    );
    const h: UnitYear = suite.env.client.workflow.getHandle(started.workflowId);
    let y = await after(h, '2019-05-24T10:00:00', (x) => month(x, 5).colour === 'blue');
    expect(month(y, 5)).toMatchObject({ due: '2019-05-27', colour: 'blue' });
    await wt.refused(file(h, 5, 'edu'), /miit/);
    // Saturday 25th and Sunday 26th pass: still not late (民法典第二百零三条, the default setting).
    y = await after(h, '2019-05-27T10:00:00', () => true);
    expect(month(y, 5).colour).toBe('blue');
    y = await file(h, 5);
    expect(month(y, 5)).toMatchObject({ reportedOn: '2019-05-27', late: false, colour: 'green' });

    // June: due Tuesday 06-25, nothing filed: red the next morning, then filed late.
    y = await after(h, '2019-06-26T09:00:00', (x) => month(x, 6).colour === 'red');
    expect(month(y, 6).colour).toBe('red');
    expect(y.colour).toBe('red');
    y = await file(h, 6);
    expect(month(y, 6)).toMatchObject({ reportedOn: '2019-06-26', late: true, colour: 'green' });
    expect(y.colour).toBe('green');

    await suite.skipTo('2019-07-22T10:00:00');
    y = await file(h, 7);
    expect(month(y, 7)).toMatchObject({ late: false, colour: 'green' });

    // August 25th is a Sunday: due Monday 08-26, red only after it.
    y = await after(h, '2019-08-26T18:00:00', (x) => month(x, 8).colour === 'blue');
    expect(month(y, 8)).toMatchObject({ due: '2019-08-26', colour: 'blue' });
    y = await after(h, '2019-08-27T09:00:00', (x) => month(x, 8).colour === 'red');
    expect(month(y, 8).colour).toBe('red');
    await suite.recordAndReplay(h, 'unit-year-2019-weekend-days-june-late-august-missed.json');
  });

  it('refuses a report its contract refuses as invalid input and runs on', async () => {
    const started = await suite.env.client.workflow.start<typeof unitReportingYearWorkflow>(
      'unitReportingYearWorkflow',
      {
        taskQueue: TASK_QUEUE,
        workflowId: unitYearWorkflowId(`edu${run}`, 2019),
        args: [start2019('edu')],
      },
    );
    const h: UnitYear = suite.env.client.workflow.getHandle(started.workflowId);
    await wt.rejectedAsInvalid(
      h.executeUpdate(unitYearActionUpdate, {
        args: [
          { action: 'report', actor: actor('bureau', 'edu'), body: { month: 13, work: '', progress: [] } },
        ],
      }),
      'body.month',
    );
    await wt.runningUnharmed(h);
  });

  it('an indicator of the year turns blue before its report date and red after it; a reported value is met or missed (65号; report date the year’s end, our reading)', async () => {
    // The server's clock is past August 2019 here (the first test's last date).
    const pm25: TrackIndicator = {
      indicatorId: `65.pm25-${run}`,
      name: 'PM2.5年均浓度',
      comparison: 'lte',
      target: 35,
      unit: '微克/立方米',
      due: '2019-12-31',
    };
    const started = await suite.env.client.workflow.start<typeof indicatorYearWorkflow>(
      'indicatorYearWorkflow',
      {
        taskQueue: TASK_QUEUE,
        workflowId: indicatorYearWorkflowId(`eco${run}`, 2019),
        args: [{ unitCode: 'eco', year: 2019, indicators: [pm25], warningWindowDays: 7 }],
      },
    );
    const h: WorkflowHandle<typeof indicatorYearWorkflow> = suite.env.client.workflow.getHandle(
      started.workflowId,
    );
    // A re-import of the same indicator changes nothing and answers the year as it stands.
    const year = () =>
      h.executeUpdate(indicatorYearActionUpdate, {
        args: [{ action: 'track', actor: actor('inspector'), body: { indicators: [pm25] } }],
      });
    const colourOn = async (shanghai: string) => {
      await suite.skipTo(shanghai);
      return (await year()).lines[0]!.colour;
    };
    expect(await colourOn('2019-12-20T10:00:00')).toBe('green');
    expect(await colourOn('2019-12-27T10:00:00')).toBe('blue');
    expect(await colourOn('2020-01-01T09:00:00')).toBe('red');
    await wt.refused(
      h.executeUpdate(indicatorYearActionUpdate, {
        args: [
          {
            action: 'report',
            actor: actor('bureau', 'eco'),
            body: { indicatorId: 'none', value: 1, source: 'x' },
          },
        ],
      }),
      /没有指标/,
    );
    const reported = await h.executeUpdate(indicatorYearActionUpdate, {
      args: [
        {
          action: 'report',
          actor: actor('bureau', 'eco'),
          body: { indicatorId: pm25.indicatorId, value: 36, source: '自治区环境监测站年报' },
        },
      ],
    });
    // 36 is above the ceiling of 35 (lte): missed, and the line is no longer late.
    expect(reported.lines[0]).toMatchObject({
      value: 36,
      met: false,
      colour: 'green',
      reportedOn: '2020-01-01',
    });
    expect(reported.colour).toBe('green');
    await suite.recordAndReplay(h, 'indicator-year-2019-blue-red-reported-missed.json');
  });

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});
