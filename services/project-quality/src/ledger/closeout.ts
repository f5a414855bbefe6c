// 四(三) 建立销号台账: "完成一项，销号一项". A project is closed out once it is done: started, and its
// year's investment done in full (our reading of 完成: the ledger has no other measure of done). A
// project closed out stays on the ledger with its date; it leaves the rates of later months.
import type { CivilDate } from '@duban/calendar';
import type { Project, ProjectProgress } from '@duban/workflow-project-quality/client';

export function closeOutRefusal(
  p: Project,
  latest: ProjectProgress | undefined,
  on: CivilDate,
): string | null {
  if (p.closedOn) return `项目已于 ${p.closedOn} 销号`;
  if (on < p.plannedStart && !latest?.started) return '项目尚未开工，不能销号';
  if (!latest?.started) return '项目尚未报送开工，不能销号（四(三)：完成一项，销号一项）';
  if (latest.investmentDoneWan < p.yearTargetWan)
    return `年度投资尚未完成（已完成 ${latest.investmentDoneWan} 万元，计划 ${p.yearTargetWan} 万元），不能销号`;
  return null;
}

export function closeOut(p: Project, on: CivilDate): Project {
  return { ...p, closedOn: on };
}
