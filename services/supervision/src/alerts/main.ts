// Runs the alerts service alone: `tsx services/supervision/src/alerts/main.ts [--durable=<name>]`.
import { runStandalone } from '@duban/runner';
import { startAlertsService } from './service';

runStandalone('alerts', ({ bus, db, durable, onError }) => startAlertsService({ bus, db, durable, onError }));
