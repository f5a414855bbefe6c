import { ALERT_KINDS, Colours, type AlertEvents, type EventData } from '@duban/contracts';
import type { AlertRaised } from './subscriptions';

type ReviewRequested = EventData<typeof AlertEvents.ReviewRequested.type>;

export interface Message {
  /** The mail subject and the robots' markdown title. */
  title: string;
  /** Plain text: mail body and SMS. */
  text: string;
  /** Markdown for the group robots. */
  markdown: string;
  /** Where the console opens the thing (phone or desk). */
  link: string;
}

/** One alert as people read it, with the link that opens the item, case or step. */
export function alertMessage(alert: AlertRaised, consoleUrl: string): Message {
  const link = linkTo(consoleUrl, alert.href ?? `#/items/${encodeURIComponent(alert.itemId)}`);
  const colour = Colours[alert.colour];
  const title = `【督办提醒·${colour}】${alert.title}`.slice(0, 120);
  const what = ALERT_KINDS[alert.kind];
  const units = alert.leadUnits.join('、');
  const text = [
    `${what}：${alert.message}`,
    `事项：${alert.docNo} ${alert.ref} ${alert.title}`,
    units ? `牵头单位：${units}` : null,
    `查看办理：${link}`,
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  const markdown = [
    `### ${title}`,
    `> ${what}：${alert.message}`,
    `事项：${alert.docNo} ${alert.ref}`,
    units ? `牵头单位：${units}` : null,
    `[查看办理](${link})`,
  ]
    .filter((l): l is string => l !== null)
    .join('\n\n');
  return { title, text, markdown, link };
}

export function linkTo(consoleUrl: string, href: string): string {
  const base = consoleUrl.endsWith('/') ? consoleUrl : `${consoleUrl}/`;
  return `${base}${href.startsWith('#') ? href : `#${href.replace(/^\//, '')}`}`;
}

/** A request for review as the inspector reads it, with the link that opens the item to decide. */
export function reviewMessage(review: ReviewRequested, consoleUrl: string): Message {
  const link = linkTo(consoleUrl, review.href);
  const what = review.request === 'close' ? '办结申请' : '延期申请';
  const title = `【待审核·${what}】${review.title}`.slice(0, 120);
  const text = [review.message, `事项：${review.docNo} ${review.ref} ${review.title}`, `审核：${link}`].join(
    '\n',
  );
  const markdown = [`### ${title}`, `> ${review.message}`, `[去审核](${link})`].join('\n\n');
  return { title, text, markdown, link };
}
