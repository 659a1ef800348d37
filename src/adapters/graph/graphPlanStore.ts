import { z } from 'zod';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import { PlanSchema, type Plan } from '../../domain/plan/planDocument';
import type { PlanStore, PlanSummary, SaveOutcome, StoredPlan } from '../../domain/ports/planStore';
import { sendBatch, type BatchItemResponse } from './graphBatch';
import { query, type GraphClient } from './graphClient';

/**
 * Plan documents (indsatsplaner) as JSON files in one SharePoint document library of the home tenant:
 * `<folder>/<planId>.json` in the drive the admin chose. Every save carries the eTag it started from (If-Match),
 * so two writers never silently overwrite each other: a 412 comes back as a `Conflict` holding what is stored now.
 */

export interface GraphPlanStoreOptions {
  /** e.g. "drive-tovholder" (config.driveId). */
  driveId: string;
  /** e.g. "Tovholder/plans" (config.plansFolder). */
  folder: string;
}

const DriveItemSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  eTag: z.string().min(1),
  file: z.object({}).passthrough().nullish(),
});

const ChildrenSchema = z.object({
  value: z.array(DriveItemSchema.extend({ folder: z.object({}).passthrough().nullish() })),
  '@odata.nextLink': z.string().nullish(),
});

const PLAN_FILE = /^(.+)\.json$/i;
const MAX_PAGES = 50;

/** The stored document, through the domain's schema (and its migrations, as the schema grows them). */
export const parsePlanDocument = (json: unknown): Outcome<Plan> => {
  const parsed = PlanSchema.safeParse(json);
  if (parsed.success) return success(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(rod)'}: ${issue.message}` : '';
  return failure('failed', 'invalidPlanDocument', `Plandokumentet kan ikke læses (${where})`);
};

const fromBase64 = (text: string): string | null => {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
};

/** File content as Graph gives it: text from a plain request; inside $batch a JSON body, or base64 for other types. */
const contentJson = (body: unknown, headers: Record<string, string> = {}): Outcome<unknown> => {
  if (typeof body !== 'string') return success(body);
  const candidates = [body];
  const isJson = Object.entries(headers).some(
    ([key, value]) => key.toLowerCase() === 'content-type' && /json/i.test(value),
  );
  if (!isJson) {
    const decoded = fromBase64(body);
    if (decoded !== null) candidates.unshift(decoded);
  }
  for (const text of candidates) {
    try {
      return success(JSON.parse(text) as unknown);
    } catch {
      // try the next reading
    }
  }
  return failure('failed', 'invalidPlanDocument', 'Plandokumentet er ikke gyldig JSON');
};

const segment = (value: string): string => value.split('/').filter(Boolean).map(encodeURIComponent).join('/');

export class GraphPlanStore implements PlanStore {
  private readonly drive: string;
  private readonly folder: string;

  constructor(
    private readonly graph: GraphClient,
    options: GraphPlanStoreOptions,
  ) {
    this.drive = `/drives/${encodeURIComponent(options.driveId)}`;
    this.folder = segment(options.folder);
  }

  private itemPath(planId: string): string {
    return `${this.drive}/root:/${this.folder}/${encodeURIComponent(`${planId}.json`)}`;
  }

  /**
   * Every plan in the folder with its case reference. The children listing has no case reference, so the documents
   * are read too — twenty per $batch, all batches side by side: one round trip more, whatever the number of plans.
   */
  async list(): Promise<Outcome<PlanSummary[]>> {
    // The listing's eTags are read before the contents: content newer than its eTag can only cause a needless
    // conflict later, never a lost write.
    const files: { id: string; planId: string; eTag: string }[] = [];
    let path: string | null =
      `${this.drive}/root:/${this.folder}:/children${query({ $select: 'id,name,eTag,file,folder', $top: 200 })}`;
    for (let page = 0; path !== null && page < MAX_PAGES; page++) {
      const outcome: Outcome<z.infer<typeof ChildrenSchema>> = await this.graph.request(
        { method: 'GET', path },
        ChildrenSchema,
      );
      if (!outcome.ok) return outcome.kind === 'notFound' ? success([]) : outcome;
      for (const item of outcome.value.value) {
        const planId = PLAN_FILE.exec(item.name)?.[1];
        if (planId && !item.folder) files.push({ id: item.id, planId, eTag: item.eTag });
      }
      const next: string | null | undefined = outcome.value['@odata.nextLink'];
      path = next ? this.graph.pathOf(next) : null;
    }
    if (files.length === 0) return success([]);

    const results = await sendBatch(
      this.graph,
      files.map((file) => ({
        id: file.id,
        method: 'GET' as const,
        path: `${this.drive}/items/${encodeURIComponent(file.id)}/content`,
      })),
    );
    const summaries: PlanSummary[] = [];
    for (const file of files) {
      const content = await this.contentOf(results.get(file.id), file.id);
      if (!content.ok) {
        if (content.kind === 'notFound') continue; // deleted meanwhile
        if (content.code === 'invalidPlanDocument') continue; // one unreadable file must not hide every other plan
        return content;
      }
      summaries.push({ planId: content.value.id, caseReference: content.value.caseReference, eTag: file.eTag });
    }
    return success(summaries);
  }

  /** A content answer from the batch; Graph may answer a download with a redirect, which a plain GET follows. */
  private async contentOf(outcome: Outcome<BatchItemResponse> | undefined, itemId: string): Promise<Outcome<Plan>> {
    if (!outcome) throw new Error(`no batch result for content of ${itemId}`);
    if (!outcome.ok) return outcome;
    if (outcome.value.status >= 300 && outcome.value.status < 400) {
      const text = await this.graph.send({
        method: 'GET',
        path: `${this.drive}/items/${encodeURIComponent(itemId)}/content`,
        asText: true,
      });
      if (!text.ok) return text;
      const json = contentJson(text.value, { 'content-type': 'application/json' });
      return json.ok ? parsePlanDocument(json.value) : json;
    }
    const json = contentJson(outcome.value.body, outcome.value.headers);
    return json.ok ? parsePlanDocument(json.value) : json;
  }

  /** The eTag first, then the content (see `list`): a stale eTag can only cause a conflict, never a lost update. */
  async load(planId: string): Promise<Outcome<StoredPlan>> {
    const meta = await this.graph.request(
      { method: 'GET', path: `${this.itemPath(planId)}${query({ $select: 'id,name,eTag' })}` },
      DriveItemSchema,
    );
    if (!meta.ok) return meta;
    const text = await this.graph.send({ method: 'GET', path: `${this.itemPath(planId)}:/content`, asText: true });
    if (!text.ok) return text;
    const json = contentJson(text.value, { 'content-type': 'application/json' });
    if (!json.ok) return json;
    const plan = parsePlanDocument(json.value);
    if (!plan.ok) return plan;
    return success({ plan: plan.value, eTag: meta.value.eTag });
  }

  /**
   * Writes the whole document with If-Match on the eTag it was loaded with; `null` creates it and refuses to
   * replace an existing one. Either refusal comes back as a `Conflict` holding the document as stored now.
   */
  async save(plan: Plan, eTag: string | null): Promise<SaveOutcome> {
    const checked = PlanSchema.safeParse(plan);
    if (!checked.success) throw new Error(`refusing to store an invalid plan document: ${checked.error.message}`);
    const outcome = await this.graph.request(
      {
        method: 'PUT',
        path: `${this.itemPath(plan.id)}:/content${eTag === null ? query({ '@microsoft.graph.conflictBehavior': 'fail' }) : ''}`,
        headers: {
          'Content-Type': 'application/json',
          ...(eTag === null ? { 'If-None-Match': '*' } : { 'If-Match': eTag }),
        },
        body: JSON.stringify(checked.data, null, 2),
      },
      DriveItemSchema,
    );
    if (outcome.ok) return success({ plan: checked.data, eTag: outcome.value.eTag });
    if (outcome.status === 412 || outcome.status === 409) {
      const current = await this.load(plan.id);
      if (!current.ok) return current;
      return { ok: false, kind: 'conflict', current: current.value };
    }
    return outcome;
  }
}
