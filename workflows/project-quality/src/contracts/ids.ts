/** One reporting year per unit: `project-quality-ndrc-2019`. */
export const unitYearWorkflowId = (unitCode: string, year: number): string =>
  `project-quality-${unitCode}-${year}`;
