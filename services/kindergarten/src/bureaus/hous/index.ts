import { housPermits } from '../../collections';
import { permitHoldModule } from '../permit-holds/index';

/** 住建局 holds a project's 竣工验收备案 (completion filing) until its case is rectified (三(一)). */
export const startHousModule = permitHoldModule({
  unitCode: 'hous',
  holdKind: 'completion_filing',
  permits: housPermits,
  durable: 'bureau-hous-kindergarten',
});
