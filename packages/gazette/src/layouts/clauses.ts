import type { NoticeLine } from '../notice/lines';
import type { Article, Task } from '../schema';
import { endsWithAssignment, parenthesisAssignments } from './labels';
import type { Label } from './labels';
import { buildTask, rangeOf, titleOf } from './task';
import type { Block, LayoutContext, LayoutResult } from './types';
import { itemLines, itemText, walkItems } from './walk';
import type { Item } from './walk';

type Labels = (Label & { line: number })[];

const parenthesisLabels = (lines: NoticeLine[]): Labels =>
  lines.flatMap((l) =>
    parenthesisAssignments(l.text).flatMap((a) => a.labels.map((x) => ({ ...x, line: l.n }))),
  );

/** Whether an item or one below it assigns anyone (by labels or by a parenthesis). */
const assigns = (item: Item): boolean =>
  item.labels.length > 0 || item.lines.some((l) => endsWithAssignment(l.text)) || item.children.some(assigns);

const childAssigns = (item: Item) => item.children.some(assigns);

/**
 * Supervision items of a prose block whose clauses say who answers for them: by labelled lines
 * under the clause (牵头单位：…) or by a closing parenthesis (（市发改局牵头，市财政局配合）). A clause
 * whose sub-clauses assign is a heading for them; one that assigns holds its sub-clauses as text;
 * unnumbered paragraphs that each close with a parenthesis are items of their own.
 */
export function parseClauses(block: Block, ctx: LayoutContext, kind: Task['kind']): LayoutResult {
  const out: LayoutResult = { tasks: [], targets: [], articles: [] };
  const { intro, items } = walkItems(block.lines, block.path);
  const article = (ref: string, lines: NoticeLine[], text: string) => {
    if (!text.trim() || lines.length === 0) return;
    const a: Article = { ref, text, sourceLines: rangeOf(lines), deadlines: [], recurringDeadlines: [] };
    out.articles.push(a);
  };
  const paragraphTasks = (lines: NoticeLine[], ref: string, path: string[]): NoticeLine[] => {
    const rest: NoticeLine[] = [];
    let k = 0;
    for (const line of lines) {
      if (!endsWithAssignment(line.text)) {
        rest.push(line);
        continue;
      }
      k++;
      const text = line.text;
      out.tasks.push(
        buildTask(
          {
            ref: `${ref}${k}`,
            kind,
            title: titleOf(text),
            text,
            path,
            sourceLines: rangeOf([line]),
            labels: parenthesisLabels([line]),
          },
          ctx,
        ),
      );
    }
    return rest;
  };

  const introRest = paragraphTasks(intro, '段', block.path);
  article('序言', introRest, introRest.map((l) => l.text).join('\n'));

  const visit = (item: Item, refs: string[]) => {
    const ref = [...refs, item.label].join('.');
    if (childAssigns(item)) {
      // A heading over assigning clauses; its own paragraphs may still be items or text.
      const own = item.lines.slice(1);
      const rest = paragraphTasks(own, `${ref}-`, [...item.path, item.heading]);
      article(ref, rest, rest.map((l) => l.text).join('\n'));
      item.children.forEach((c) => visit(c, [...refs, item.label]));
      return;
    }
    const text = itemText(item) || item.heading;
    if (!assigns(item)) {
      article(ref, itemLines(item), text);
      return;
    }
    const own = parenthesisLabels(itemLines(item).filter((l) => endsWithAssignment(l.text)));
    const labels: Labels = [...item.labels, ...(item.labels.some((l) => l.role === 'lead') ? [] : own)];
    const caption =
      item.body[0] && !/[。；;]/u.test(item.body[0]) && item.body.length > 1 ? item.body[0] : undefined;
    out.tasks.push(
      buildTask(
        {
          ref,
          kind,
          title: caption ?? titleOf(text),
          text,
          path: item.path,
          sourceLines: rangeOf(itemLines(item)),
          labels,
        },
        ctx,
      ),
    );
  };
  items.forEach((i) => visit(i, []));
  return out;
}
