import { describe, expect, it } from 'vitest';
import { LandTransferEvents as E, type ApplicationSnapshot } from '@duban/workflow-land-transfer/client';
import { transferAlertOf } from './alerts';

// Issue 15 point 5: alerts to 农业农村局 and the leadership group for red items and drawn deposits.
const app = (over: object = {}) =>
  ({
    colour: 'green',
    deposit: { drawn: null },
    riskCase: { clauseText: '第四十九条(四)：完全停止经营活动或下落不明' },
    ...over,
  }) as unknown as ApplicationSnapshot;

describe('land-transfer alerts', () => {
  it('a yearly supervision turning red is an alert citing 第三十九条 (农业农村局)', () => {
    const alert = transferAlertOf(E.SupervisionColourChanged.type, {
      application: app(),
      to: 'red',
      reason: '2019 年度监督检查逾期未开展已超过期限',
    });
    expect(alert).toEqual({
      colour: 'red',
      ref: '第三十九条',
      message: '2019 年度监督检查逾期未开展已超过期限',
      leadUnits: ['agri'],
    });
    expect(transferAlertOf(E.SupervisionColourChanged.type, { application: app(), to: 'green' })).toBeNull();
  });

  it('a report’s colour reaches 农业农村局 and its 农经站 (第三十二条)', () => {
    expect(transferAlertOf(E.ReportColourChanged.type, { application: app(), to: 'yellow' })).toMatchObject({
      colour: 'yellow',
      ref: '第三十二条',
      leadUnits: ['agri', 'agri-econ-station'],
    });
  });

  it('a 第四十九条 risk case is red; when a deposit is drawn, that alert speaks for it', () => {
    expect(transferAlertOf(E.RiskCaseOpened.type, { application: app() })).toMatchObject({
      colour: 'red',
      ref: '第四十九条',
      message: expect.stringContaining('完全停止经营活动'),
    });
    const drawn = app({ deposit: { drawn: { clauseText: '第四十九条(四)' } } });
    expect(transferAlertOf(E.RiskCaseOpened.type, { application: drawn })).toBeNull();
    expect(transferAlertOf(E.DepositDrawn.type, { application: drawn, amountYuan: 36000 })).toMatchObject({
      colour: 'red',
      message: '启用风险保障金 36000 元：第四十九条(四)',
    });
  });
});
