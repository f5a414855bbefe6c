// What the tourism routes share: who sees which trips and settlements.
import type { Principal } from '@duban/http';
import { MARKETING_CENTRE } from '@duban/workflow-tourism/client';

export const TOURISM_TAGS = ['tourism'];

/** 旅游营销中心, its bureau (文旅广电局) and 财政局 (it pays) see every agency's trips and sheet. */
const SEE_ALL_UNITS = new Set([MARKETING_CENTRE, 'culture', 'fin']);

/**
 * Everyone but a bureau-role user sees all; an agency sees its own trips and year, a scenic spot or
 * hotel the trips that name it (一、奖励范围: agencies are outside users).
 */
export function visibleTo(user: Principal): Record<string, unknown> {
  if (user.role !== 'bureau' || SEE_ALL_UNITS.has(user.unitCode ?? '')) return {};
  const unit = user.unitCode ?? '';
  return { $or: [{ 'agency.code': unit }, { confirmerCodes: unit }] };
}

export function settlementsVisibleTo(user: Principal): Record<string, unknown> {
  if (user.role !== 'bureau' || SEE_ALL_UNITS.has(user.unitCode ?? '')) return {};
  return { 'agency.code': user.unitCode ?? '' };
}

export const seesAll = (user: Principal): boolean => Object.keys(visibleTo(user)).length === 0;
