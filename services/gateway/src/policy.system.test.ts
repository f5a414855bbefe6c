import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_SETTINGS } from '@duban/policy';
import { policyNumber } from '@duban/policy/store';
import { DEV_PASSWORDS, seedUsers } from './auth/seed';
import { api, login, startHarness, type Harness } from './testing/harness';

// 政策参数 over the real store (issue 14 point 5): every rule not from the gazette is listed with
// its source; an administrator changes one with a reason, the change is on record, and a land
// case opened after it takes the new value (the service reads it with policyNumber).

const NOW = new Date('2019-06-20T02:00:00Z');
const KEY = 'land.case-handling-days';

interface SettingBody {
  key: string;
  value: number | string;
  changeable: boolean;
  appliesTo: { startInput?: string; takesEffect?: string };
  source: { kind: string; label: string };
  lastChange: unknown;
}

describe('policy settings API', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness('policy', { now: () => NOW });
    await seedUsers(h.db, { leadUnitCodes: ['natres'] });
    tokens.admin = await login(h, 'admin', DEV_PASSWORDS.admin);
    tokens.inspector = await login(h, 'inspector', DEV_PASSWORDS.inspector);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lists every setting with its source to any signed-in user', async () => {
    const res = await api<{ settings: SettingBody[] }>(h, '/api/policy', { token: tokens.inspector });
    expect(res.status).toBe(200);
    expect(res.body.settings.map((s) => s.key)).toEqual(POLICY_SETTINGS.map((s) => s.key));
    expect(res.body.settings.find((s) => s.key === 'kindergarten.progress-report-day')).toMatchObject({
      value: 25,
      // Passed in the case's start input since issue 14 point 5's rest: changeable, new cases only.
      changeable: true,
      appliesTo: {
        startInput: 'StartCase.progressReportDay',
        takesEffect: expect.stringMatching(/^只用于修改之后/),
      },
      source: { kind: 'system', label: '本系统设定（参照青政办发〔2019〕40号 四(三)）' },
    });
    expect((await api(h, '/api/policy')).status).toBe(401);
  });

  it('an admin changes a setting with a reason; the history shows who, unit, when, old → new, why', async () => {
    const reason = '市自然资源局提请缩短办理期限（2019年6月局务会）';
    const res = await api<SettingBody>(h, `/api/policy/${KEY}`, {
      method: 'PUT',
      token: tokens.admin,
      body: { value: 45, reason },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ key: KEY, value: 45, lastChange: { from: 60, to: 45 } });
    expect(await policyNumber(h.db, KEY)).toBe(45);

    const history = await api<{ changes: unknown[] }>(h, `/api/policy/${KEY}/history`, {
      token: tokens.inspector,
    });
    expect(history.body.changes).toEqual([
      {
        key: KEY,
        from: 60,
        to: 45,
        reason,
        by: { username: 'admin', name: '系统管理员', role: 'admin', unitCode: null },
        at: NOW.toISOString(),
      },
    ]);
  });

  it('a setting a workflow takes in its start input is changed the same way, and its change is on record', async () => {
    const key = 'kindergarten.progress-report-day';
    const reason = '与发改局汇总日期统一为每月20日';
    const res = await api<SettingBody>(h, `/api/policy/${key}`, {
      method: 'PUT',
      token: tokens.admin,
      body: { value: 20, reason },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ value: 20, lastChange: { from: 25, to: 20, reason } });
    const history = await api<{ changes: { from: number; to: number; by: { username: string } }[] }>(
      h,
      `/api/policy/${key}/history`,
      { token: tokens.inspector },
    );
    expect(history.body.changes).toMatchObject([{ from: 25, to: 20, by: { username: 'admin' } }]);
  });

  it('refuses a bad value or reason (400 naming the field), others (403), unknown settings (404)', async () => {
    const put = (key: string, body: unknown, token = tokens.admin!) =>
      api<{ errors?: { field: string }[] }>(h, `/api/policy/${key}`, { method: 'PUT', token, body });
    const tooLong = await put(KEY, { value: 731, reason: '超出启动参数上限' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors?.map((e) => e.field)).toEqual(['body.value']);
    const noReason = await put(KEY, { value: 30, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.map((e) => e.field)).toEqual(['body.reason']);
    expect((await put(KEY, { value: 30, reason: '督查室想改' }, tokens.inspector)).status).toBe(403);
    // Every setting is changeable now; a value outside what the workflow takes is refused.
    const longTerm = await put('land.temporary-use-years', { value: 6, reason: '超出启动参数上限' });
    expect(longTerm.status).toBe(400);
    expect(longTerm.body.errors?.map((e) => e.field)).toEqual(['body.value']);
    expect(await policyNumber(h.db, 'land.temporary-use-years')).toBe(2);
    expect((await put('no.such-setting', { value: 1, reason: '没有这项参数' })).status).toBe(404);
    // Nothing refused reached the record.
    expect(await policyNumber(h.db, KEY)).toBe(45);
  });
});
