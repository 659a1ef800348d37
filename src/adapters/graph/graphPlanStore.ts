import * as z from 'zod/mini';
import { parsePlanDocument, serializePlan } from '../../domain/plan/migrations';
import { PlanSchema, type Plan } from '../../domain/plan/planDocument';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { PlanStore, PlanSummary, SaveOutcome, StoredPlan } from '../../domain/ports/planStore';
import { query, type GraphClient } from './graphClient';

/**
 * Plan documents (indsatsplaner) as JSON files in one SharePoint document library of the home tenant:
 * `<folder>/<planId>.json` in the drive the admin chose. Every save carries the eTag it started from (If-Match),
 * so two writers never silently overwrite each other: a 412 comes back as a `Conflict` holding what is stored now.
 *
 * Content is read through the item's pre-authenticated `@microsoft.graph.downloadUrl` (GET …/content is only a
 * redirect to it, which a $batch would not follow). The eTag is always read *before* the content: content newer
 * than its eTag can only cause a needless conflict later, never a lost write.
 */

export interface GraphPlanStoreOptions {
  /** e.g. "drive-tovholder" (config.driveId). */
  driveId: string;
  /** e.g. "Tovholder/plans" (config.plansFolder). */
  folder: string;
}

const DOWNLOAD_URL = '@microsoft.graph.downloadUrl';

const DriveItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  eTag: z.string().check(z.minLength(1)),
  folder: z.nullish(z.looseObject({})),
  [DOWNLOAD_URL]: z.nullish(z.string()),
});
type DriveItem = z.infer<typeof DriveItemSchema>;

const ChildrenSchema = z.object({ value: z.array(DriveItemSchema), '@odata.nextLink': z.nullish(z.string()) });

const PLAN_FILE = /^(.+)\.json$/i;
export const INVALID_PLAN_DOCUMENT = 'invalidPlanDocument';
const MAX_PAGES = 50;
/** Downloads at a time when listing: the browser's connection pool is six per host anyway. */
const PARALLEL_DOWNLOADS = 6;

/**
 * The stored document through the domain's reader (migrations, then the schema): a document that does not fit is
 * a clear `invalidPlanDocument` failure with the domain's Danish message, not a crash.
 */
export const readPlanDocument = (text: string): Outcome<Plan> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = parsePlanDocument(json);
  return parsed.ok ? success(parsed.plan) : failure('failed', INVALID_PLAN_DOCUMENT, parsed.problem.message.da);
};

const encodePath = (value: string): string => value.split('/').filter(Boolean).map(encodeURIComponent).join('/');

/** Runs `work` over `items`, at most `limit` at a time, keeping the order. */
const inParallel = async <T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

export class GraphPlanStore implements PlanStore {
  private readonly drive: string;
  private readonly folder: string;

  constructor(
    private readonly graph: GraphClient,
    options: GraphPlanStoreOptions,
  ) {
    this.drive = `/drives/${encodeURIComponent(options.driveId)}`;
    this.folder = encodePath(options.folder);
  }

  private itemPath(planId: string): string {
    return `${this.drive}/root:/${this.folder}/${encodeURIComponent(`${planId}.json`)}`;
  }

  /** The document behind an item whose eTag we already hold. */
  private async read(item: DriveItem): Promise<Outcome<StoredPlan>> {
    const url = item[DOWNLOAD_URL];
    const text = url
      ? await this.graph.download(url)
      : await this.graph.send({
          method: 'GET',
          path: `${this.drive}/items/${encodeURIComponent(item.id)}/content`,
          asText: true,
        });
    if (!text.ok) return text;
    if (typeof text.value !== 'string')
      return failure('failed', 'malformedResponse', 'Plandokumentet kom ikke som tekst');
    const plan = readPlanDocument(text.value);
    return plan.ok ? success({ plan: plan.value, eTag: item.eTag }) : plan;
  }

  /**
   * Every plan in the folder with its case reference: the listing (with eTags and download URLs), then the
   * documents side by side — two round trips whatever the number of plans.
   */
  async list(): Promise<Outcome<PlanSummary[]>> {
    const files: DriveItem[] = [];
    let path: string | null = `${this.drive}/root:/${this.folder}:/children${query({ $top: 200 })}`;
    for (let page = 0; path !== null && page < MAX_PAGES; page++) {
      const outcome: Outcome<z.infer<typeof ChildrenSchema>> = await this.graph.request(
        { method: 'GET', path },
        ChildrenSchema,
      );
      if (!outcome.ok) return outcome.kind === 'notFound' ? success([]) : outcome;
      files.push(...outcome.value.value.filter((item) => !item.folder && PLAN_FILE.test(item.name)));
      const next: string | null | undefined = outcome.value['@odata.nextLink'];
      path = next ? this.graph.pathOf(next) : null;
    }
    const read = await inParallel(files, PARALLEL_DOWNLOADS, (file) => this.read(file));
    const summaries: PlanSummary[] = [];
    for (const stored of read) {
      if (!stored.ok) {
        // A file deleted meanwhile, or one that is not a plan, must not hide every other plan.
        if (stored.kind === 'notFound' || stored.code === INVALID_PLAN_DOCUMENT) continue;
        return stored;
      }
      summaries.push({
        planId: stored.value.plan.id,
        caseReference: stored.value.plan.caseReference,
        eTag: stored.value.eTag,
      });
    }
    return success(summaries);
  }

  async load(planId: string): Promise<Outcome<StoredPlan>> {
    const item = await this.graph.request({ method: 'GET', path: this.itemPath(planId) }, DriveItemSchema);
    return item.ok ? this.read(item.value) : item;
  }

  /**
   * Writes the whole document with If-Match on the eTag it was loaded with; `null` creates it and refuses to
   * replace an existing one. Either refusal comes back as a `Conflict` holding the document as stored now.
   */
  async save(plan: Plan, eTag: string | null): Promise<SaveOutcome> {
    const body = serializePlan(plan); // throws on an invalid plan: storing one would be a bug
    const create = eTag === null;
    const outcome = await this.graph.request(
      {
        method: 'PUT',
        path: `${this.itemPath(plan.id)}:/content${create ? query({ '@microsoft.graph.conflictBehavior': 'fail' }) : ''}`,
        headers: { 'Content-Type': 'application/json', ...(create ? { 'If-None-Match': '*' } : { 'If-Match': eTag }) },
        body,
      },
      DriveItemSchema,
    );
    if (outcome.ok) return success({ plan: PlanSchema.parse(plan), eTag: outcome.value.eTag });
    if (outcome.status === 412 || (create && outcome.status === 409)) {
      const current = await this.load(plan.id);
      if (!current.ok) return current;
      return { ok: false, kind: 'conflict', current: current.value };
    }
    return outcome;
  }
}
