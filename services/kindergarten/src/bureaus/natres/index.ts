import { natresPermits } from '../../collections';
import { permitHoldModule } from '../permit-holds/index';

/** 自然资源局 holds a project's 开工 (construction start) until its case is rectified (三(一)). */
export const startNatresModule = permitHoldModule({
  unitCode: 'natres',
  holdKind: 'construction_start',
  permits: natresPermits,
  durable: 'bureau-natres-kindergarten',
});
