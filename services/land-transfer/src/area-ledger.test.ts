import { describe, expect, it } from 'vitest';
import { reserveOn } from './area-ledger';

// 第二十三条: 经营主体租赁农地的面积上限控制在5000亩以内 (以内 includes 5000), per application once.
describe('the operator area ledger (第二十三条)', () => {
  const held = [{ applicationId: 'A', centiMu: 490_000 }];

  it('reserves up to exactly 5000 亩 and refuses one 亩 more, naming the others', () => {
    expect(reserveOn(held, 'B', 100)).toEqual({
      reservation: { reserved: true, otherMu: 4900, fresh: true },
      next: [...held, { applicationId: 'B', centiMu: 10_000 }],
    });
    expect(reserveOn(held, 'B', 100.01)).toEqual({
      reservation: { reserved: false, otherMu: 4900 },
      next: null,
    });
  });

  it('a retried filing or the decision finds its reservation and writes nothing', () => {
    const both = [...held, { applicationId: 'B', centiMu: 10_000 }];
    expect(reserveOn(both, 'B', 100)).toEqual({
      reservation: { reserved: true, otherMu: 4900, fresh: false },
      next: null,
    });
  });
});
