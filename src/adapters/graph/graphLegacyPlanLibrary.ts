import * as z from 'zod/mini';
import { serializePlan } from '../../domain/plan/migrations';
import { PlanSchema, type Plan } from '../../domain/plan/planDocument';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { LegacyEntry, LegacyPlanLibrary, MovedPointer } from '../../domain/ports/legacyPlanLibrary';
import type { Conflict, PlanSummary, SaveOutcome } from '../../domain/ports/planStore';
import { query, type GraphClient } from './graphClient';
import {
  DriveItemSchema,
  INVALID_PLAN_DOCUMENT,
  PARALLEL_DOWNLOADS,
  inParallel,
  itemText,
  parseJson,
  readPlanDocument,
  type DriveItem,
} from './planDocuments';

/**
 * The first version's store, kept for plans not yet moved and for the move itself (src/domain/plan/movePlans.ts):
 * plan documents as JSON files `<folder>/<planId>.json` in one SharePoint document library of the home tenant,
 * which every member of the organisation could open — the reason plans now live in containers of their own. A
 * moved plan leaves a pointer here (`tovholderMovedPlan`), so links in old cards and invitations still find it.
 */

export interface GraphLegacyPlanLibraryOptions {
  /** e.g. "drive-tovholder" (config.legacyDriveId). */
  driveId: string;
  /** e.g. "Tovholder/plans" (config.legacyFolder). */
  folder: string;
}

const ChildrenSchema = z.object({ value: z.array(DriveItemSchema), '@odata.nextLink': z.nullish(z.string()) });

const PointerSchema = z.object({
  tovholderMovedPlan: z.literal(1),
  movedTo: z.string().check(z.minLength(1), z.maxLength(200)),
  caseReference: z.string().check(z.maxLength(60)),
  movedAt: z.string(),
});

const PLAN_FILE = /^(.+)\.json$/i;
const MAX_PAGES = 50;

const encodePath = (value: string): string => value.split('/').filter(Boolean).map(encodeURIComponent).join('/');

export class GraphLegacyPlanLibrary implements LegacyPlanLibrary {
  private readonly driveId: string;
  private readonly drive: string;
  private readonly folder: string;

  constructor(
    private readonly graph: GraphClient,
    options: GraphLegacyPlanLibraryOptions,
  ) {
    this.driveId = options.driveId;
    this.drive = `/drives/${encodeURIComponent(options.driveId)}`;
    this.folder = encodePath(options.folder);
  }

  private itemPath(planId: string): string {
    return `${this.drive}/root:/${this.folder}/${encodeURIComponent(`${planId}.json`)}`;
  }

  /** A plan, or the pointer a moved plan left. */
  private async read(item: DriveItem): Promise<Outcome<LegacyEntry>> {
    const text = await itemText(this.graph, this.driveId, item);
    if (!text.ok) return text;
    const pointer = PointerSchema.safeParse(parseJson(text.value));
    if (pointer.success) {
      const { movedTo, caseReference, movedAt } = pointer.data;
      const planId = PLAN_FILE.exec(item.name)?.[1] ?? item.name;
      return success({ kind: 'moved', pointer: { movedTo, caseReference, movedAt }, eTag: item.eTag, planId });
    }
    const plan = readPlanDocument(text.value);
    return plan.ok ? success({ kind: 'plan', stored: { plan: plan.value, eTag: item.eTag } }) : plan;
  }

  /** The listing (eTags and download URLs), then the documents side by side. */
  async list(): Promise<Outcome<{ entries: LegacyEntry[]; unreadable: PlanSummary[] }>> {
    const files: DriveItem[] = [];
    let path: string | null = `${this.drive}/root:/${this.folder}:/children${query({ $top: 200 })}`;
    for (let page = 0; path !== null && page < MAX_PAGES; page++) {
      const outcome: Outcome<z.infer<typeof ChildrenSchema>> = await this.graph.request(
        { method: 'GET', path },
        ChildrenSchema,
      );
      if (!outcome.ok) return outcome.kind === 'notFound' ? success({ entries: [], unreadable: [] }) : outcome;
      files.push(...outcome.value.value.filter((item) => !item.folder && PLAN_FILE.test(item.name)));
      const next: string | null | undefined = outcome.value['@odata.nextLink'];
      path = next ? this.graph.pathOf(next) : null;
    }
    const read = await inParallel(files, PARALLEL_DOWNLOADS, (file) => this.read(file));
    const entries: LegacyEntry[] = [];
    const unreadable: PlanSummary[] = [];
    read.forEach((entry, index) => {
      const file = files[index] as DriveItem;
      if (entry.ok) entries.push(entry.value);
      else if (entry.kind !== 'notFound') {
        // A file that is not a plan must not hide every other plan: it is reported by its name.
        unreadable.push({ planId: PLAN_FILE.exec(file.name)?.[1] ?? file.name, caseReference: '', eTag: file.eTag });
      }
    });
    return success({ entries, unreadable });
  }

  async load(planId: string): Promise<Outcome<LegacyEntry>> {
    const item = await this.graph.request({ method: 'GET', path: this.itemPath(planId) }, DriveItemSchema);
    return item.ok ? this.read(item.value) : item;
  }

  /**
   * Writes the whole document with If-Match on the eTag it was loaded with; `null` creates it and refuses to
   * replace an existing one. Either refusal comes back as a `Conflict` holding the document as stored now.
   */
  async save(plan: Plan, eTag: string | null): Promise<SaveOutcome> {
    const outcome = await this.put(plan.id, serializePlan(plan), eTag);
    if (outcome.ok) return success({ plan: PlanSchema.parse(plan), eTag: outcome.value });
    if (outcome.kind !== 'conflict') return outcome;
    const current = await this.load(plan.id);
    if (!current.ok) return current;
    if (current.value.kind !== 'plan')
      return failure('notFound', 'planMoved', 'Planen er flyttet til sin egen lagerplads; åbn den igen.');
    return { ok: false, kind: 'conflict', current: current.value.stored };
  }

  async leavePointer(planId: string, pointer: MovedPointer, eTag: string): Promise<Outcome<void> | Conflict> {
    const body = JSON.stringify({ tovholderMovedPlan: 1, ...pointer });
    const outcome = await this.put(planId, body, eTag);
    if (outcome.ok) return success(undefined);
    if (outcome.kind !== 'conflict') return outcome;
    const current = await this.load(planId);
    if (!current.ok) return current;
    return current.value.kind === 'plan'
      ? { ok: false, kind: 'conflict', current: current.value.stored }
      : success(undefined);
  }

  private async put(
    planId: string,
    body: string,
    eTag: string | null,
  ): Promise<Outcome<string> | { ok: false; kind: 'conflict' }> {
    const create = eTag === null;
    const outcome = await this.graph.request(
      {
        method: 'PUT',
        path: `${this.itemPath(planId)}:/content${create ? query({ '@microsoft.graph.conflictBehavior': 'fail' }) : ''}`,
        headers: { 'Content-Type': 'application/json', ...(create ? { 'If-None-Match': '*' } : { 'If-Match': eTag }) },
        body,
      },
      DriveItemSchema,
    );
    if (outcome.ok) return success(outcome.value.eTag);
    if (outcome.status === 412 || (create && outcome.status === 409)) return { ok: false, kind: 'conflict' };
    return outcome;
  }
}

export { INVALID_PLAN_DOCUMENT };
