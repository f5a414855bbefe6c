import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseCommand, CaseSnapshot, PurchaseCommand, PurchaseSnapshot } from './contracts/index';

// Imported by the worker and by every client (the social-assistance service): one place for these names.
export const SOCIAL_ASSISTANCE_TASK_QUEUE = 'duban-social-assistance';

/** One step of a purchase (plan, contract, payments, dispatch, evaluations, rectification). */
export const purchaseActionUpdate = defineUpdate<PurchaseSnapshot, [PurchaseCommand]>('purchaseAction');
export const purchaseQuery = defineQuery<PurchaseSnapshot>('purchase');
/** One step of a household case (investigation, appraisal, spot check, decision). */
export const caseActionUpdate = defineUpdate<CaseSnapshot, [CaseCommand]>('caseAction');
export const caseQuery = defineQuery<CaseSnapshot>('case');
