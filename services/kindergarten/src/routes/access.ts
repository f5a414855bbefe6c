// What every kindergarten route shares in its declaration.
export const KG_TAGS = ['kindergarten'];

/** Every kindergarten route can answer these, so the document lists them on each. */
export const KG_PROBLEMS: Record<number, string> = {
  400: '请求参数不合法（errors 列出每个字段）',
  404: '资源不存在',
  409: '操作被拒绝（detail 写明原因）',
};
