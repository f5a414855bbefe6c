export { checkProcessList, defineProcess } from './define';
export type {
  ProcessModule,
  ProcessServiceDeps,
  ProcessStartDeps,
  ProcessWorker,
  ProcessWorkerDeps,
} from './define';
