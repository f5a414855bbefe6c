/* global document */
// 演练模式 (issue 22): when the gateway is a rehearsal's, /api/rehearsal answers with the simulated
// date; a banner says so on every page and the console's "today" follows that clock. Outside a
// rehearsal the route does not exist (404) and nothing is shown.
import { get } from './api.js';
import { h, setClockOffset } from './ui.js';

let known = null;

/** Shows (or refreshes, with `status` from an advance) the banner; signed in only. */
export async function showRehearsalBanner(status) {
  if (status) known = status;
  else if (known === null) {
    try {
      known = await get('/api/rehearsal');
    } catch (e) {
      // 404: no rehearsal. Anything else (a session that ran out) is asked again next time.
      if (e && e.status === 404) known = false;
      return;
    }
  }
  if (!known) return;
  setClockOffset(known.offsetMs);
  const old = document.getElementById('rehearsal-banner');
  const banner = h(
    'div',
    { id: 'rehearsal-banner', class: 'rehearsal-banner', role: 'status' },
    h('strong', {}, '演练'),
    ` 模拟日期 ${known.today}（自 ${known.startedOn} 起）· 数据与正式系统无关`,
  );
  if (old) old.replaceWith(banner);
  else document.body.prepend(banner);
}
