import { extractDeadlines, extractRecurringDeadlines, reportingFrequency, undatedPhrases } from './deadlines';
import type { NoticeYear } from './deadlines';
import { extractIndicators } from './indicators';
import { allParagraphs, caption, firstSentence, lineRange, nodeText } from './outline';
import type { Outline, OutlineNode } from './outline';
import type { Paragraph } from './paragraphs';
import { dividedClause } from './divided-duties';
import type { DividedClause } from './divided-duties';
import { explicitAssignment, parentheticalAssignment, proseAssignment } from './responsibility';
import type { Assignment } from './responsibility';
import type { Article, LineRange, Target, Task } from './schema';
import type { WarningLog } from './warnings';

/** What a section of a plan is for, read from its heading. */
type SectionRole = 'tasks' | 'measures' | 'steps' | 'targets' | 'context';

/**
 * Order matters: 保障措施 is context although it says 措施; 主要任务 is tasks although a 目标 may
 * follow in the same heading.
 */
function sectionRole(heading: string): SectionRole {
  if (/保障|组织领导|工作要求|其他事项|附则/u.test(heading)) return 'context';
  if (/目标/u.test(heading) && !/任务/u.test(heading)) return 'targets';
  if (/措施/u.test(heading)) return 'measures';
  if (/步骤/u.test(heading)) return 'steps';
  if (/任务|责任|分工|重点工作|行动|落实/u.test(heading)) return 'tasks';
  return 'context';
}

const TASK_KIND: Record<SectionRole, Task['kind']> = {
  tasks: 'task',
  measures: 'measure',
  steps: 'step',
  targets: 'task',
  context: 'task',
};

export interface DocumentContent {
  targets: Target[];
  tasks: Task[];
  articles: Article[];
}

interface Candidate {
  node: OutlineNode;
  /** The item is the whole section (a section without numbered items). */
  isSection: boolean;
  section: OutlineNode | undefined;
  /** Labels from the section down, for the full reference. */
  labels: string[];
  path: string[];
  role: SectionRole;
}

const rangeOf = (paras: Paragraph[]): LineRange => ({
  from: Math.min(...paras.map((p) => p.from)),
  to: Math.max(...paras.map((p) => p.to)),
});

const headingOf = (node: OutlineNode) =>
  node.kind === 'section' ? `${node.label}、${node.opening}` : `${node.label}${node.opening}`;

const hasResponsibility = (node: OutlineNode): boolean =>
  node.responsibility.length > 0 || node.children.some(hasResponsibility);

/** The clause a section-level item stands for: its heading is the title, the rest is the text. */
function sectionTitleAndText(node: OutlineNode): { title: string; text: string } {
  const headingOnly = (node.paras[0]?.heading ?? 0) > 0 || !/[。;；]/u.test(node.opening);
  if (!headingOnly) return { title: firstSentence(node.opening), text: nodeText(node) };
  const text = nodeText(node).split('\n').slice(1).join('\n');
  return { title: node.opening.replace(/[。:：]$/u, ''), text };
}

function itemTitleAndText(node: OutlineNode): { title: string; text: string } {
  const text = nodeText(node);
  return { title: caption(node) ?? firstSentence(text), text };
}

class ContentBuilder {
  readonly targets: (Target & { fullRef: string })[] = [];
  readonly tasks: (Task & { fullRef: string })[] = [];
  readonly articles: (Article & { fullRef: string })[] = [];

  /** A notice's year dates its yearless phrases; without it (a gazette) they are only reported. */
  constructor(
    private readonly log: WarningLog,
    private readonly noticeYear?: NoticeYear,
  ) {}

  article(
    ref: string,
    fullRef: string,
    text: string,
    sourceLines: LineRange,
    extra: Partial<Pick<Article, 'chapter' | 'title'>> = {},
  ) {
    if (!text.trim()) return;
    this.articles.push({
      ref,
      fullRef,
      ...extra,
      text,
      sourceLines,
      deadlines: extractDeadlines(text, this.noticeYear).deadlines,
      recurringDeadlines: extractRecurringDeadlines(text),
    });
  }

  target(ref: string, fullRef: string, title: string, text: string, sourceLines: LineRange) {
    const { deadlines, unparsed } = extractDeadlines(text, this.noticeYear);
    this.reportUnparsed(unparsed, ref, sourceLines);
    this.targets.push({
      ref,
      fullRef,
      title,
      text,
      sourceLines,
      deadlines,
      indicators: extractIndicators(text),
    });
  }

  task(c: Candidate, ref: string, fullRef: string, assignment: Assignment) {
    const { title, text } = c.isSection ? sectionTitleAndText(c.node) : itemTitleAndText(c.node);
    this.push(
      { kind: TASK_KIND[c.role], ref, fullRef, title, text, path: c.path },
      lineRange(c.node),
      assignment,
    );
  }

  /**
   * A clause divided among units (28号 三(九)): each unit's share is an item of its own, numbered
   * in the order written (三.(九).3 is the third share), under the clause's heading. The clause's
   * own words before the shares, if any besides its heading, stay an article.
   */
  dividedTasks(c: Candidate, ref: string, fullRef: string, divided: DividedClause, log: WarningLog) {
    const heading = c.isSection ? [] : [headingOf(c.node)];
    divided.duties.forEach((duty, index) => {
      const text = duty.paras.map((p) => p.text).join('\n');
      const share = {
        kind: TASK_KIND[c.role],
        ref: `${ref}.${index + 1}`,
        fullRef: `${fullRef}.${index + 1}`,
        title: firstSentence(text),
        text,
        path: [...c.path, ...heading],
      };
      this.push(share, rangeOf(duty.paras), proseAssignment(duty.paras, log));
    });
    const [, ...rest] = divided.intro;
    if (rest.length > 0 || /[。；;]./u.test(c.node.opening)) {
      const text = [c.node.opening, ...rest.map((p) => p.text)].join('\n');
      this.article(ref, fullRef, text, rangeOf(divided.intro), { title: firstSentence(c.node.opening) });
    }
  }

  private push(
    draft: Pick<Task, 'kind' | 'ref' | 'title' | 'text' | 'path'> & { fullRef: string },
    sourceLines: LineRange,
    assignment: Assignment,
  ) {
    const { ref, fullRef, title, text } = draft;
    if (assignment.lead.length === 0) {
      this.log.add(
        'no-lead-unit',
        `task ${ref} "${title.slice(0, 30)}" names no lead unit`,
        sourceLines.from,
      );
    }
    const { deadlines, unparsed } = extractDeadlines(text, this.noticeYear);
    this.reportUnparsed(unparsed, ref, sourceLines);
    const task: Task & { fullRef: string } = {
      ref,
      fullRef,
      kind: draft.kind,
      title,
      text,
      path: draft.path,
      sourceLines,
      lead: assignment.lead,
      cooperating: assignment.cooperating,
      otherParties: assignment.others,
      duties: assignment.duties,
      deadlines,
      recurringDeadlines: extractRecurringDeadlines(text),
      indicators: extractIndicators(text),
    };
    const frequency = reportingFrequency(text);
    if (frequency) task.reportingFrequency = frequency;
    if (this.noticeYear) {
      // A notice keeps what it cannot date; the gazette's output stays as it was.
      const phrases = [...new Set([...undatedPhrases(text, false), ...unparsed])];
      if (phrases.length > 0) task.deadlinePhrases = phrases;
    }
    this.tasks.push(task);
  }

  private reportUnparsed(phrases: string[], ref: string, lines: LineRange) {
    for (const phrase of phrases) {
      this.log.add('unparsed-deadline', `"${phrase}" in ${ref} names no year; no date given`, lines.from);
    }
  }
}

/** Lead units from the first style the item uses: 牵头单位 lines, (X牵头) remarks, prose subjects. */
function assignmentOf(node: OutlineNode, log: WarningLog): Assignment {
  const paras = allParagraphs(node).filter((p) => !node.responsibility.includes(p));
  return (
    explicitAssignment(node.responsibility, log) ??
    parentheticalAssignment(paras, log) ??
    proseAssignment(paras, log)
  );
}

/**
 * Items under a section: a (一) heading that only groups numbered items (互联网+教育 二.(一)) is
 * opened up in task sections, or wherever its items carry 牵头单位 lines.
 */
function collectCandidates(
  nodes: OutlineNode[],
  section: OutlineNode | undefined,
  labels: string[],
  path: string[],
  role: SectionRole,
  groups: OutlineNode[],
): Candidate[] {
  return nodes.flatMap((node) => {
    const opens =
      node.kind === 'paren' &&
      node.children.some((c) => c.kind === 'numbered') &&
      (role !== 'context' || hasResponsibility(node));
    if (opens) {
      groups.push(node);
      return collectCandidates(
        node.children,
        section,
        [...labels, node.label],
        [...path, headingOf(node)],
        role,
        groups,
      );
    }
    return [{ node, isSection: false, section, labels: [...labels, node.label], path, role }];
  });
}

function refOf(c: Candidate): { ref: string; fullRef: string } {
  const sectionLabel = c.section?.label;
  const own = c.labels[c.labels.length - 1] ?? '';
  const short = c.isSection ? (sectionLabel ?? own) : [sectionLabel, own].filter(Boolean).join('.');
  return { ref: short, fullRef: c.labels.join('.') };
}

function handleCandidate(c: Candidate, out: ContentBuilder, log: WarningLog) {
  const { ref, fullRef } = refOf(c);
  if (c.node.responsibility.length > 0) {
    out.task(c, ref, fullRef, assignmentOf(c.node, log));
    return;
  }
  if (c.role === 'targets') {
    const { title, text } = c.isSection ? sectionTitleAndText(c.node) : itemTitleAndText(c.node);
    out.target(ref, fullRef, title, text, lineRange(c.node));
    return;
  }
  if (c.role !== 'context') {
    // A section without items is a task only if it assigns someone (通知 三: "市纪委监委…要…").
    if (!c.isSection || assignmentOf(c.node, log.quiet()).lead.length > 0) {
      const divided = dividedClause(c.node);
      if (divided) {
        out.dividedTasks(c, ref, fullRef, divided, log);
        return;
      }
      out.task(c, ref, fullRef, assignmentOf(c.node, log));
      return;
    }
  }
  if (c.isSection) {
    const { title, text } = sectionTitleAndText(c.node);
    out.article(ref, fullRef, text, lineRange(c.node), title ? { title } : {});
  } else {
    out.article(ref, fullRef, nodeText(c.node), lineRange(c.node), captionOf(c.node));
  }
}

const captionOf = (node: OutlineNode): { title?: string } => {
  const title = caption(node);
  return title ? { title } : {};
};

/**
 * A group heading or section with text of its own besides the heading keeps that text as an
 * article. The opening counts when it runs on past its first sentence ("一、指导思想。坚持…").
 */
function ownTextArticle(node: OutlineNode, ref: string, out: ContentBuilder) {
  const [first, ...rest] = node.paras;
  const opensWithText = first !== undefined && first.heading === 0 && /。./u.test(node.opening);
  const paras = opensWithText ? node.paras : rest;
  if (paras.length === 0) return;
  const text = [...(opensWithText ? [node.opening] : []), ...rest.map((p) => p.text)].join('\n');
  out.article(ref, ref, text, rangeOf(paras));
}

function handleSection(section: OutlineNode, out: ContentBuilder, log: WarningLog) {
  const role = sectionRole(section.opening);
  if (section.children.length === 0) {
    handleCandidate(
      { node: section, isSection: true, section, labels: [section.label], path: [], role },
      out,
      log,
    );
    return;
  }
  ownTextArticle(section, section.label, out);
  const groups: OutlineNode[] = [];
  const candidates = collectCandidates(
    section.children,
    section,
    [section.label],
    [headingOf(section)],
    role,
    groups,
  );
  for (const c of candidates) handleCandidate(c, out, log);
  for (const g of groups) ownTextArticle(g, `${section.label}.${g.label}`, out);
}

function handleRulesDocument(root: OutlineNode, out: ContentBuilder) {
  const visit = (node: OutlineNode, chapter: string | undefined) => {
    if (node.kind === 'chapter') {
      const heading = `${node.label} ${node.opening}`.trim();
      ownTextArticle(node, node.label, out);
      node.children.forEach((c) => visit(c, heading));
      return;
    }
    const title = caption(node);
    out.article(node.label, node.label, nodeText(node), lineRange(node), {
      ...(chapter ? { chapter } : {}),
      ...(title ? { title } : {}),
    });
  };
  root.children.forEach((c) => visit(c, undefined));
}

/** Make every reference unique within the document; fall back to the full label path. */
function uniqueRefs<T extends { ref: string; fullRef: string }>(items: T[]): Omit<T, 'fullRef'>[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.ref, (counts.get(i.ref) ?? 0) + 1);
  return items.map(({ fullRef, ...rest }) => ({
    ...rest,
    ref: (counts.get(rest.ref) ?? 0) > 1 ? fullRef : rest.ref,
  }));
}

/**
 * Turn a document's clause tree into supervision items (tasks), goals (targets) and every other
 * clause (articles), so that each content line lands in exactly one of them.
 */
export function extractContent(outline: Outline, log: WarningLog, noticeYear?: NoticeYear): DocumentContent {
  const out = new ContentBuilder(log, noticeYear);
  const { root } = outline;
  if (root.paras.length > 0) {
    const text = root.paras.map((p) => p.text).join('\n');
    out.article('序言', '序言', text, rangeOf(root.paras));
  }
  const organisedByArticles = root.children.some(
    (c) => c.kind === 'article' || (c.kind === 'chapter' && c.children.some((a) => a.kind === 'article')),
  );
  if (organisedByArticles) {
    handleRulesDocument(root, out);
  } else {
    for (const child of root.children) {
      if (child.kind === 'section') handleSection(child, out, log);
      else
        handleCandidate(
          {
            node: child,
            isSection: false,
            section: undefined,
            labels: [child.label],
            path: [],
            role: 'context',
          },
          out,
          log,
        );
    }
  }
  const byLine = <T extends { sourceLines: LineRange }>(items: T[]) =>
    [...items].sort((a, b) => a.sourceLines.from - b.sourceLines.from);
  return {
    targets: byLine(uniqueRefs(out.targets)),
    tasks: byLine(uniqueRefs(out.tasks)),
    articles: byLine(uniqueRefs(out.articles)),
  };
}
