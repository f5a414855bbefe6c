export { checkProcessList, defineProcess } from './define';
export type {
  ConsolePage,
  ProcessConsole,
  ProcessModule,
  ProcessServiceDeps,
  ProcessStartDeps,
  ProcessWorker,
  ProcessWorkerDeps,
} from './define';
