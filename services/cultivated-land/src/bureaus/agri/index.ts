import { oneUnitInboxModule } from '../inbox-module';

/** The 农业农村局 module: its inbox (会同核实, “两区”调整, 参与考核 — 二(二), 三(九)). */
export const startAgriLandModule = oneUnitInboxModule('agri', 'agri', 'bureau-agri-cultivated-land');
