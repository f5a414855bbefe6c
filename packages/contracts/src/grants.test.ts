import { describe, expect, it } from 'vitest';
import { isGranted, type Grant } from './grants';

// Outside users (a village, an operator, a travel agency …) pass only the grants opened to them.
describe('isGranted', () => {
  const agency = { role: 'bureau', unitCode: 'agency-1', outside: true } as const;
  const bureau = { role: 'bureau', unitCode: 'edu' } as const;
  const sign: Grant = { roles: ['bureau'], owner: '牵头单位' };
  const fileTrip: Grant = { roles: ['bureau'], owner: '旅行社本单位', outside: true };
  const centre: Grant = { roles: ['bureau'], units: ['tourism-marketing'], outside: true };

  it('a bureau passes by role and, where the grant names units, by unit', () => {
    expect(isGranted(sign, bureau)).toBe(true);
    expect(isGranted(fileTrip, bureau)).toBe(true);
    expect(isGranted(centre, bureau)).toBe(false);
    expect(isGranted(sign, { role: 'inspector', unitCode: null })).toBe(false);
  });

  it('an outside user passes only a grant opened to outside users, and still its units', () => {
    expect(isGranted(sign, agency)).toBe(false);
    expect(isGranted(fileTrip, agency)).toBe(true);
    expect(isGranted(centre, agency)).toBe(false);
    expect(isGranted(fileTrip, { ...agency, outside: false })).toBe(true);
  });

  it('a grant for the unit’s 督办员 refuses an ordinary user of the unit, and other roles pass by role', () => {
    const assign: Grant = { roles: ['bureau', 'admin'], unitSupervisor: true };
    expect(isGranted(assign, bureau)).toBe(false);
    expect(isGranted(assign, { ...bureau, unitSupervisor: true })).toBe(true);
    expect(isGranted(assign, { role: 'admin', unitCode: null })).toBe(true);
    expect(isGranted(sign, bureau)).toBe(true);
  });
});
