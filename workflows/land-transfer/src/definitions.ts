import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ApplicationSnapshot, TransferCommand } from './contracts/index';

// Imported by the worker and by every client (the land-transfer service): one place for these names.
export const LAND_TRANSFER_TASK_QUEUE = 'duban-land-transfer';

/** One step of an application (meeting, review, contract, filing, deposit, reports, risk). */
export const transferActionUpdate = defineUpdate<ApplicationSnapshot, [TransferCommand]>('transferAction');
export const applicationQuery = defineQuery<ApplicationSnapshot>('application');
