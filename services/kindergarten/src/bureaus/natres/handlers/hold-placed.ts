import type { CloudEvent, EventData } from '@duban/contracts';
import type { Db } from 'mongodb';
import { natresPermits } from '../../../collections';
import { applyHold } from '../../permits';
import { HOLD_KIND } from '../events';

type Data = EventData<'cn.gov.qtx.duban.kindergarten.hold_placed.v1'>;

/** 自然资源局: a project's 开工 (construction start) is held until its case is rectified (三(一)). */
export const onHoldPlaced = (db: Db) => async (event: CloudEvent<string, Data>) =>
  applyHold(natresPermits(db), HOLD_KIND, event.data, event.time);
