import { z } from 'zod';
import { isCivilDate } from '@duban/calendar';

export const MAX_PAGE_SIZE = 200;

// Query strings are text: digits only, then a number in range.
const positiveInt = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, '应为正整数')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .optional()
    .transform((v) => v ?? fallback)
    .meta({ type: 'integer', minimum: 1, maximum: max, default: fallback });

export const PagingQuery = {
  page: positiveInt(1_000_000, 1),
  pageSize: positiveInt(MAX_PAGE_SIZE, 50),
};

export function skipOf(paging: { page: number; pageSize: number }): number {
  return (paging.page - 1) * paging.pageSize;
}

export const PageMeta = {
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
};

export const CivilDateQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isCivilDate, 'not a calendar date')
  .meta({ format: 'date' });
