import type { CloudEvent, EventData } from '@duban/contracts';
import type { Db } from 'mongodb';
import { housPermits } from '../../../collections';
import { applyHold } from '../../permits';
import { HOLD_KIND } from '../events';

type Data = EventData<'cn.gov.qtx.duban.kindergarten.hold_placed.v1'>;

/** 住建局: a project's 竣工验收备案 (completion filing) is held until its case is rectified (三(一)). */
export const onHoldPlaced = (db: Db) => async (event: CloudEvent<string, Data>) =>
  applyHold(housPermits(db), HOLD_KIND, event.data, event.time);
