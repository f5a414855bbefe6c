import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  text: '内容',
  lead: '牵头单位',
  cooperating: '配合单位',
  deadline: '期限',
  other: '其他',
  restored: '重新列入',
};

/** A revised notice re-imported: the timeline says what changed, or that the notice dropped it. */
export function onItemRevised(db: Db) {
  return projection<typeof SupervisionEvents.ItemRevised.type>(db, ({ data }) => ({
    summary:
      data.change === 'removed'
        ? `修订版通知已删除此任务，待督查室决定：${oneLine(data.reason ?? '')}`
        : `通知修订（第${data.catalogVersion}版）：${data.fields.map((f) => FIELD_NAMES[f] ?? f).join('、') || '内容'}已更新` +
          (data.previous.deadline !== data.item.deadline
            ? `，期限 ${data.previous.deadline ?? '无'} → ${data.item.deadline ?? '无'}`
            : ''),
  }));
}
