/* global document, window, Blob */
// 台账 (青政办发〔2019〕31号 四(一)): 教育局 uploads the survey ledger as xlsx or csv and sees every
// row's fate; 教育局, 督查室 and the leadership download the whole ledger with each case's progress.
import { download, get, query, upload } from '/api.js';
import { campaignSelect, caseLink, DEFAULT_CAMPAIGN, loadCampaigns, ROW_STATUSES } from '../kg.js';
import { errorBox, fill, h, toast, todayShanghai } from '/ui.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COLUMNS = [
  '小区项目',
  '所在镇',
  '开发企业',
  '土地性质',
  '规划时间',
  '建成时间',
  '现状',
  '拟定类别',
  '项目状态',
];

/** The content type the API expects for a chosen file, or null when it cannot read it. */
export function ledgerType(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX;
  return null;
}

const mayUpload = (user) => user.role === 'bureau' && user.unitCode === 'edu';
const mayExport = (user) => mayUpload(user) || user.role !== 'bureau';

/** A blank ledger with the header row, so a town fills in the columns the import reads. */
function templateLink() {
  const a = h('a', { href: '#', id: 'kg-ledger-template' }, '下载空白台账模板（CSV）');
  a.addEventListener('click', (event) => {
    event.preventDefault();
    const example = '某小区,小坝镇,某置业有限公司,出让,2018-03-01,,未配建或配建不足,新建,在建';
    const blob = new Blob(['\uFEFF' + COLUMNS.join(',') + '\r\n' + example + '\r\n'], { type: 'text/csv' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: '幼儿园治理台账模板.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return a;
}

/** How often the page asks for an import job's progress. */
const POLL_MS = 1000;

/** An import job still running: how many rows have their result, of how many. */
function progressView(job) {
  const percent = job.rows ? Math.floor((job.done / job.rows) * 100) : 100;
  return h(
    'div',
    { id: 'kg-ledger-progress', 'data-state': job.state },
    h(
      'p',
      {},
      `正在导入：已处理 ${job.done} / ${job.rows} 行（新建 ${job.created}，已存在 ${job.existing}，退回 ${job.rejected}）`,
    ),
    h('progress', { max: String(job.rows || 1), value: String(job.done) }, `${percent}%`),
    h('p', { class: 'muted' }, '导入在服务器上进行，离开本页不会中断；回到本页可再次查看结果。'),
  );
}

function reportView(res) {
  return [
    h(
      'p',
      { id: 'kg-ledger-summary' },
      `共 ${res.rows} 行：`,
      h('b', { 'data-status': 'created' }, `新建 ${res.created}`),
      '，',
      h('b', { 'data-status': 'exists' }, `已存在 ${res.existing}`),
      '，',
      h('b', { 'data-status': 'rejected', class: res.rejected ? 'days over' : '' }, `退回 ${res.rejected}`),
      res.failed ? h('b', { 'data-status': 'failed', class: 'days over' }, `，未登记 ${res.failed}`) : '',
      res.rejected || res.failed ? '。退回或未登记的行请改正后重新上传，已建立的个案不会重复建立。' : '。',
    ),
    h(
      'table',
      { id: 'kg-ledger-report' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['行号', '状态', '原因', '个案'].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        res.report.map((r) =>
          h(
            'tr',
            { 'data-row': r.row, 'data-status': r.status, class: r.status === 'rejected' ? 'rejected' : '' },
            h('td', {}, r.row),
            h(
              'td',
              {},
              h(
                'span',
                {
                  class: `chip ${r.status === 'rejected' ? 'red' : r.status === 'created' ? 'green' : 'state'}`,
                },
                ROW_STATUSES[r.status] || r.status,
              ),
            ),
            h(
              'td',
              {},
              r.reason ||
                (r.status === 'exists' ? '该小区项目已有个案，本次未重复建立' : '已列入台账，建立个案'),
            ),
            h('td', {}, r.caseId ? caseLink(r.caseId) : '—'),
          ),
        ),
      ),
    ),
  ];
}

export async function kgLedgerPage(container, { user, params, isCurrent }) {
  const campaignId = params.get('campaign') || DEFAULT_CAMPAIGN;
  const campaigns = await loadCampaigns();
  if (!isCurrent()) return;
  document.title = '幼儿园治理台账 · 督办';
  const path = `/api/campaigns/${encodeURIComponent(campaignId)}`;
  const result = h('div', { id: 'kg-ledger-result' });
  const file = h('input', { type: 'file', id: 'kg-ledger-file', name: 'ledger', accept: '.xlsx,.csv' });
  const send = h('button', { type: 'submit', class: 'primary', id: 'kg-ledger-upload' }, '上传并导入');
  const form = h(
    'form',
    { class: 'card', id: 'kg-ledger-form' },
    h('h2', {}, '上传台账'),
    h(
      'p',
      { class: 'muted' },
      `第一行为表头，列名：${COLUMNS.join('、')}。支持 Excel（.xlsx）和 CSV（UTF-8）。` +
        '每行单独校验：合格的行建立个案（同一小区项目只建一次），不合格的行退回并说明原因。',
    ),
    h('div', { class: 'toolbar' }, file, send, templateLink()),
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen) return void fill(result, errorBox(new Error('请选择要上传的台账文件')));
    const type = ledgerType(chosen);
    if (!type)
      return void fill(
        result,
        errorBox(new Error('只能上传 .xlsx 或 .csv 文件（旧版 .xls 请先另存为 .xlsx）')),
      );
    send.disabled = true;
    fill(result, h('p', { class: 'muted' }, `正在导入 ${chosen.name}…`));
    try {
      // The upload answers at once with an import job; its rows are registered in the background.
      let res = await upload(`${path}/ledger`, await chosen.arrayBuffer(), type);
      while (res.state !== 'done') {
        if (!isCurrent()) return;
        fill(result, progressView(res));
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        res = await get(`${path}/ledger/imports/${encodeURIComponent(res.jobId)}`);
      }
      if (!isCurrent()) return;
      fill(result, reportView(res));
      toast(
        `台账已导入：新建 ${res.created}，已存在 ${res.existing}，退回 ${res.rejected}`,
        res.rejected > 0,
      );
    } catch (e) {
      fill(result, errorBox(e));
    } finally {
      send.disabled = false;
    }
  });

  const exportButton = h('button', { type: 'button', id: 'kg-ledger-export' }, '导出台账（Excel）');
  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    try {
      await download(`${path}/ledger.xlsx`, `幼儿园治理台账-${campaignId}-${todayShanghai()}.xlsx`);
    } catch (e) {
      toast(e.message, true);
    } finally {
      exportButton.disabled = false;
    }
  });

  fill(
    container,
    h('p', {}, h('a', { href: `#/kindergarten${query({ campaign: campaignId })}` }, '← 幼儿园治理看板')),
    h('h1', {}, '幼儿园治理台账'),
    h(
      'div',
      { class: 'toolbar' },
      campaignSelect(campaigns, campaignId, (id) => `#/kindergarten/ledger${query({ campaign: id })}`),
    ),
    mayUpload(user)
      ? form
      : h('p', { class: 'muted' }, '台账由教育局汇总上传（四(一)）；本账号可导出全部台账。'),
    mayExport(user)
      ? h(
          'div',
          { class: 'card' },
          h('h2', {}, '导出台账'),
          h(
            'p',
            { class: 'muted' },
            '全部个案，一园一行：导入的各列，加个案编号、整改类别、当前阶段、预警、当前步骤和办园方式。',
          ),
          exportButton,
        )
      : errorBox(new Error('台账由教育局汇总，本单位无权查看全部台账')),
  );
}
