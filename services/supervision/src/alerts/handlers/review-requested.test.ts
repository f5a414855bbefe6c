import { describe, expect, it } from 'vitest';
import { SupervisionEvents } from '@duban/workflow-supervision/client';
import { itemSnapshot } from '../testing';
import { reviewRequestOf } from './review-requested';

// Issue 19: a unit's request that 督查室 must review becomes a ReviewRequested for the delivery service.
describe('review requests for 督查室', () => {
  const item = itemSnapshot('qzbf-2019-31.3.2', { state: 'close_requested' });
  const base = {
    source: 'test',
    subject: item.itemId,
    time: '2019-09-20T10:00:00+08:00',
    specversion: '1.0',
  };

  it('a close request names the unit’s summary and opens the item', () => {
    const review = reviewRequestOf({
      ...base,
      id: 'supervision-qzbf-2019-31.3.2/close-requested/7',
      type: SupervisionEvents.CloseRequested.type,
      data: { item, summary: '已回收3所', attachments: [] },
    } as never);
    expect(review).toMatchObject({
      requestEventId: 'supervision-qzbf-2019-31.3.2/close-requested/7',
      request: 'close',
      href: '#/items/qzbf-2019-31.3.2',
      leadUnits: ['hous', 'edu'],
    });
    expect(review.message).toContain('牵头单位申请办结：已回收3所');
  });

  it('an extension request names the unit, the deadline asked for and why', () => {
    const review = reviewRequestOf({
      ...base,
      id: 'supervision-qzbf-2019-31.3.2/extension-requested/8',
      type: SupervisionEvents.ExtensionRequested.type,
      data: { item, unitCode: 'edu', requestedDeadline: '2019-12-31', reason: '产权移交未完成' },
    } as never);
    expect(review.request).toBe('extension');
    expect(review.message).toMatch(/^教育局申请延期至 2019-12-31：产权移交未完成/);
  });
});
