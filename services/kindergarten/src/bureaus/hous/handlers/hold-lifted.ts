import type { CloudEvent, EventData } from '@duban/contracts';
import type { Db } from 'mongodb';
import { housPermits } from '../../../collections';
import { applyHold } from '../../permits';
import { HOLD_KIND } from '../events';

type Data = EventData<'cn.gov.qtx.duban.kindergarten.hold_lifted.v1'>;

/** 住建局: the case reached the step that rectifies the project; the hold lifts. */
export const onHoldLifted = (db: Db) => async (event: CloudEvent<string, Data>) =>
  applyHold(housPermits(db), HOLD_KIND, event.data, event.time);
