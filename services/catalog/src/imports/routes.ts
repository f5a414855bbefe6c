// POST /catalog/imports (read and preview), GET /catalog/imports/:id (preview again, with the
// registry as it is now), POST /catalog/imports/:id/confirm (import and start the items).
import type { Principal, ProcessRouteContext, Route } from '@duban/http';
import { defineRoute, HttpProblem, problems } from '@duban/http';
import { MAX_NOTICE_BYTES, NoticeInputError, readNoticeInput, type NoticeInput } from '../notice-input';
import { CatalogGrants } from '../grants';
import { confirmDraft, type ConfirmDeps } from './confirm';
import { draftsOf, newDraft, previewOf, type ImportActor } from './drafts';
import { ConfirmBody, ImportIdParams, ImportPreviewView, ImportResultView, NewImportBody } from './schemas';
import { previewView, resultView } from './views';

const tooLarge = () =>
  new HttpProblem(
    413,
    `文件超过 ${MAX_NOTICE_BYTES / 1024 / 1024} MB，无法导入；请拆分后分别导入 (file too large)`,
  );

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The uploaded file or the pasted text, read; a bad one is a 400 (413 when too large), nothing stored. */
async function readBody(body: {
  fileName?: string;
  contentBase64?: string;
  text?: string;
}): Promise<NoticeInput> {
  let input: Parameters<typeof readNoticeInput>[0];
  if (body.contentBase64 !== undefined) {
    const b64 = body.contentBase64.replace(/\s+/g, '');
    if (!BASE64.test(b64) || b64.length % 4 === 1)
      throw problems.invalid([{ field: 'body.contentBase64', message: '不是 Base64 编码的文件内容' }]);
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.byteLength > MAX_NOTICE_BYTES) throw tooLarge();
    input = { bytes, fileName: body.fileName! };
  } else {
    if (Buffer.byteLength(body.text ?? '', 'utf8') > MAX_NOTICE_BYTES) throw tooLarge();
    input = { text: body.text ?? '' };
  }
  try {
    const read = await readNoticeInput(input);
    return body.fileName && !read.fileName ? { ...read, fileName: body.fileName } : read;
  } catch (error) {
    if (error instanceof NoticeInputError) {
      if (error.problem === 'too-large') throw tooLarge();
      throw new HttpProblem(400, error.message);
    }
    throw error;
  }
}

const actorOf = (user: Principal): ImportActor => ({
  userId: user.username,
  name: user.name,
  role: user.role,
  unitCode: user.unitCode,
});

export interface ImportRouteOptions {
  /** Tests: another parser (a notice without a 文号 before the notice parser is merged). */
  parse?: ConfirmDeps['parse'];
}

export function importRoutes(ctx: ProcessRouteContext, options: ImportRouteOptions = {}): Route[] {
  const { db } = ctx;
  const common = { tags: ['catalog'], access: CatalogGrants.import };
  const loadDraft = async (id: string) => {
    const draft = await draftsOf(db).findOne({ _id: id });
    if (!draft) throw problems.notFound(`没有导入 ${id}`);
    return draft;
  };
  return [
    defineRoute({
      ...common,
      method: 'post',
      path: '/catalog/imports',
      operationId: 'createCatalogImport',
      summary: '上传通知并预览（不写入目录）',
      description:
        '读取上传的文件（Base64）或粘贴的文字并解析，暂存为导入草稿，答复预览：文件、每项任务的牵头与配合单位、期限、指标、全部警告（未识别单位及其行号），以及与目录相比新增、变更、删除的任务。',
      body: NewImportBody,
      responses: { 201: { description: '预览', schema: ImportPreviewView } },
      problems: { 413: `文件超过 ${MAX_NOTICE_BYTES / 1024 / 1024} MB` },
      handler: async ({ body, user, res }) => {
        const draft = newDraft(await readBody(body), actorOf(user), ctx.now());
        const preview = await previewOf(db, draft, options.parse);
        await draftsOf(db).insertOne(draft);
        res.status(201).location(`/api/catalog/imports/${draft._id}`).json(previewView(draft, preview));
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/catalog/imports/:id',
      operationId: 'getCatalogImport',
      summary: '导入预览（按当前单位库重新解析）',
      description: '管理员刚映射或新建的单位会被识别，导入可以继续。',
      params: ImportIdParams,
      responses: { 200: { description: '预览', schema: ImportPreviewView } },
      problems: { 404: '没有这个导入' },
      handler: async ({ params, res }) => {
        const draft = await loadDraft(params.id);
        res.json(previewView(draft, await previewOf(db, draft, options.parse)));
      },
    }),
    defineRoute({
      ...common,
      method: 'post',
      path: '/catalog/imports/:id/confirm',
      operationId: 'confirmCatalogImport',
      summary: '确认导入：写入目录并启动督办事项',
      description:
        '新增任务启动督办；变更任务在目录中存为新版本，运行中的事项随之修订（时间线留痕）；修订版删除的任务保留并标记，由督查室决定。同一导入再次确认得到同一结果。',
      params: ImportIdParams,
      body: ConfirmBody,
      emptyBodyIsObject: true,
      responses: { 200: { description: '导入结果', schema: ImportResultView } },
      problems: { 404: '没有这个导入', 409: '未识别的单位使任务没有牵头单位（列出单位名称）' },
      handler: async ({ params, body, user, requestId, res }) => {
        const draft = await loadDraft(params.id);
        const result = await confirmDraft(
          {
            db,
            temporal: ctx.temporal,
            ...(ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {}),
            ...(ctx.escalateAfterRedDays !== undefined
              ? { escalateAfterRedDays: ctx.escalateAfterRedDays }
              : {}),
            ...(options.parse ? { parse: options.parse } : {}),
          },
          draft,
          { by: { ...actorOf(user), requestId }, proceed: body.proceed, now: ctx.now() },
        );
        res.json(resultView(draft._id, result));
      },
    }),
  ];
}
