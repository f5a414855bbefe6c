/** An application is known by its operator, village and filing day: filing it twice starts nothing new. */
export function landTransferApplicationId(a: {
  operatorCode: string;
  villageCode: string;
  filedOn: string;
}): string {
  return `LZ-${a.filedOn.replace(/-/g, '')}-${a.operatorCode}-${a.villageCode}`;
}

export function landTransferWorkflowId(applicationId: string): string {
  return `land-transfer-${applicationId}`;
}

/** 市农业农村局 and its 农经站 (第七、三十二、三十七、三十八条). */
export const AGRI = 'agri';
export const ECON_STATION = 'agri-econ-station';
