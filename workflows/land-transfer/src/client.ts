// The sandbox-safe face of this process: its contracts and its Update/Query definitions. The
// service imports this entry; the worker entry (`.`) adds the worker and its activities.
export * from './contracts/index';
export * from './definitions';
export { actionsOpenTo } from './application';
export {
  OPERATOR_CAP_MU,
  LATEST_TERM_END,
  areaOf,
  capRefusal,
  depositRule,
  termRefusal,
  tierOf,
} from './rules';
