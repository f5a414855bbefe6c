// The timeline's words for the lifecycle facts of issue 23 (催办, 反馈, 转办/改派, 承办人).
import { Ratings, type SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine, unitName } from '../units';

type Events = typeof SupervisionEvents;

export function onUrgeIssued(db: Db) {
  return projection<Events['UrgeIssued']['type']>(db, ({ data }) => ({
    summary: `第${data.urge}次催办${unitName(data.unitCode)}，${data.replyBy}前反馈：${oneLine(data.message)}`,
  }));
}

export function onUrgeAnswered(db: Db) {
  return projection<Events['UrgeAnswered']['type']>(db, ({ data }) => ({
    summary: `${unitName(data.unitCode)}反馈第${data.urge}次催办${data.late ? '（逾期反馈）' : ''}：${oneLine(data.text)}`,
    progress: { text: data.text, unitCode: data.unitCode },
  }));
}

export function onUrgeOverdue(db: Db) {
  return projection<Events['UrgeOverdue']['type']>(db, ({ data }) => ({
    summary: `第${data.urge}次催办逾期未反馈：${unitName(data.unitCode)}应于${data.replyBy}前反馈`,
  }));
}

export function onHandbackRequested(db: Db) {
  return projection<Events['HandbackRequested']['type']>(db, ({ data }) => ({
    summary: `${unitName(data.unitCode)}申请转办：${oneLine(data.reason)}`,
  }));
}

export function onHandbackDecided(db: Db) {
  return projection<Events['HandbackDecided']['type']>(db, ({ data }) => ({
    summary:
      data.decision === 'reassigned'
        ? `改派：${unitName(data.fromUnit)} → ${unitName(data.toUnit ?? '')}，` +
          `${data.deadlineKept ? `保留期限 ${data.newDeadline ?? '无期限'}` : `期限 ${data.previousDeadline ?? '无期限'} → ${data.newDeadline ?? '无期限'}`}：${oneLine(data.opinion)}`
        : `不同意${unitName(data.fromUnit)}转办：${oneLine(data.opinion)}`,
  }));
}

export function onHandlerAssigned(db: Db) {
  return projection<Events['HandlerAssigned']['type']>(db, ({ data }) => ({
    summary:
      `${unitName(data.unitCode)}指定承办人 ${data.handlerName ?? data.handler}` +
      (data.previousHandler ? `（原承办人 ${data.previousHandler}）` : ''),
  }));
}

export function onItemArchived(db: Db) {
  return projection<Events['ItemArchived']['type']>(db, ({ data }) => ({
    summary: `归档（${data.item.archived?.byName ?? '督查室'}）`,
  }));
}

/** 办结评价 in a close's timeline line. */
export function ratingLine(rating: keyof typeof Ratings | undefined, comment: string | undefined): string {
  if (!rating) return '';
  return `；评价：${Ratings[rating]}${comment ? `（${oneLine(comment)}）` : ''}`;
}
