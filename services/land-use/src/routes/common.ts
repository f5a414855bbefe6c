// What the land-use routes share: who reads the ledger and the town check (who acts: LandUseGrants).
import { ALL_ROLES } from '@duban/contracts';
import { problems } from '@duban/http';
import { townName } from '../towns';

export const LU_TAGS = ['land-use'];

/** 自然资源局 keeps the ledger and the cases; 督查室 and the leaders read them. */
export const readers = {
  access: { roles: ALL_ROLES, units: ['natres'], refusal: '耕地保护台账由自然资源局办理，督查室、领导查阅' },
} as const;

/** The town must be one of the city's towns (镇、农林场、街道). */
export function checkTown(townCode: string | undefined): void {
  if (townCode !== undefined && townName(townCode) === null) {
    throw problems.invalid([{ field: 'body.townCode', message: `unknown town ${townCode}` }]);
  }
}

export const named = <T extends { townCode: string }>(row: T) => ({
  ...row,
  townName: townName(row.townCode),
});
