import * as z from 'zod/mini';
import { serializePlan } from '../../domain/plan/migrations';
import { addressOf, planIdOf, type PlanAddress } from '../../domain/plan/planAddress';
import { AccessRoleSchema, PlanSchema, type Plan } from '../../domain/plan/planDocument';
import type { LegacyPlanLibrary } from '../../domain/ports/legacyPlanLibrary';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { MyPlans, PlanPlace, PlanStore, PlanSummary, SaveOutcome, StoredPlan } from '../../domain/ports/planStore';
import { batchResult, sendBatch, type BatchItem } from './graphBatch';
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
 * Plans in SharePoint Embedded (docs/decisions/0008-plan-access.md): each plan is `plan.json` in a container of its
 * own, of Tovholder's container type, in the tenant of the organisation that started it. Microsoft 365 decides who
 * may open it — the container's members — so Graph itself refuses everyone else, before a byte leaves.
 *
 * Listing costs what my plans cost, not what the organisation's do: Graph lists only the containers the signed-in
 * user is a direct member of (`GET /storage/fileStorage/containers?$filter=containerTypeId eq …`). A guest cannot
 * list containers in another organisation's tenant (the call needs a OneDrive there, which guests never have), so
 * plans of other organisations the user has opened are remembered in a small index of their own — a container in
 * their own tenant holding `index.json` with plan ids and case references, nothing else about any case.
 *
 * Round trips for the plans tab: the listing; one $batch (per 20) for the documents' items, with the index; the
 * downloads, six at a time; then one $batch per other tenant in the index, and its downloads.
 */

export interface GraphPlanStoreOptions {
  /** A Graph client acting in that tenant, as the signed-in user (a guest there for another organisation's). */
  graphFor: (tenantId: string) => GraphClient;
  /** The signed-in user's own tenant: where new plans are made, and listed. */
  homeTenantId: string;
  /** Tovholder's container type (config.containerTypeId). */
  containerTypeId: string;
  /** The first version's library, while plans may still be there (config.legacyDriveId). */
  legacy: LegacyPlanLibrary | null;
}

const PLAN_FILE = 'plan.json';
const INDEX_FILE = 'index.json';
/**
 * The index container's name: how the store tells it from the plans (listing gives only id, name, type and
 * creation time). A case reference cannot take this name: it has no spaces (bookingProblems).
 */
export const INDEX_NAME = 'Tovholder: planer i andre organisationer';
const MAX_PAGES = 50;

const ContainerSchema = z.object({ id: z.string().check(z.minLength(1)), displayName: z.string() });
const ContainersSchema = z.object({ value: z.array(ContainerSchema), '@odata.nextLink': z.nullish(z.string()) });
const ViewpointSchema = z.object({
  id: z.string(),
  viewpoint: z.nullish(z.object({ effectiveRole: z.nullish(z.string()) })),
});

const IndexSchema = z.object({
  schemaVersion: z.literal(1),
  plans: z.array(
    z.object({
      planId: z.string().check(z.minLength(1), z.maxLength(200)),
      caseReference: z.string().check(z.maxLength(60)),
    }),
  ),
});
type Index = z.infer<typeof IndexSchema>;

const itemPath = (containerId: string, file: string): string =>
  `/drives/${encodeURIComponent(containerId)}/root:/${file}`;

/** SharePoint Embedded's effective role (principalOwner is an owner whom nobody can remove). */
const roleOf = (effective: string | null | undefined): StoredPlan['myRole'] => {
  if (effective === 'principalOwner') return 'owner';
  const parsed = z.union([AccessRoleSchema, z.literal('writer')]).safeParse(effective);
  return parsed.success ? parsed.data : null;
};

interface IndexState {
  containerId: string;
  /** The index file with its eTag; null before it was ever written. */
  item: DriveItem | null;
  index: Index;
}

interface Found {
  address: PlanAddress;
  item: DriveItem;
  myRole?: StoredPlan['myRole'];
}

export class GraphPlanStore implements PlanStore {
  /** The index container and the index as last read, once known this session. */
  private index: IndexState | null = null;

  constructor(private readonly options: GraphPlanStoreOptions) {}

  private graph(tenantId: string): GraphClient {
    return this.options.graphFor(tenantId);
  }

  private get home(): string {
    return this.options.homeTenantId.toLowerCase();
  }

  /** The containers I am a member of in my own tenant (every page). */
  private async myContainers(): Promise<Outcome<z.infer<typeof ContainerSchema>[]>> {
    const graph = this.graph(this.home);
    const found: z.infer<typeof ContainerSchema>[] = [];
    let path: string | null =
      `/storage/fileStorage/containers${query({ $filter: `containerTypeId eq ${this.options.containerTypeId}` })}`;
    for (let page = 0; path !== null && page < MAX_PAGES; page++) {
      const outcome: Outcome<z.infer<typeof ContainersSchema>> = await graph.request(
        { method: 'GET', path },
        ContainersSchema,
      );
      if (!outcome.ok) return outcome;
      found.push(...outcome.value.value);
      const next: string | null | undefined = outcome.value['@odata.nextLink'];
      path = next ? graph.pathOf(next) : null;
    }
    return success(found);
  }

  /** Each container's document item (`plan.json`, or the index), one $batch per 20 in that tenant. */
  private async items(tenantId: string, wanted: { containerId: string; file: string }[]) {
    const items: BatchItem[] = wanted.map((w, n) => ({
      id: `i${n}`,
      method: 'GET',
      path: itemPath(w.containerId, w.file),
    }));
    const results = items.length > 0 ? await sendBatch(this.graph(tenantId), items) : new Map();
    return wanted.map((w, n) => ({
      containerId: w.containerId,
      item: batchResult(results, `i${n}`, DriveItemSchema, `GET ${w.file}`),
    }));
  }

  private plansIn(containerIds: string[]): { containerId: string; file: string }[] {
    return containerIds.map((containerId) => ({ containerId, file: PLAN_FILE }));
  }

  private async read(found: Found): Promise<Outcome<StoredPlan>> {
    const text = await itemText(this.graph(found.address.tenantId), found.address.containerId, found.item);
    if (!text.ok) return text;
    const plan = readPlanDocument(text.value);
    if (!plan.ok) return plan;
    const id = planIdOf(found.address);
    // A document copied between containers by hand would claim another plan's id: the container is what counts.
    if (plan.value.id !== id)
      return failure('failed', INVALID_PLAN_DOCUMENT, 'Plandokumentet hører til en anden plan.');
    return success({
      plan: plan.value,
      eTag: found.item.eTag,
      ...(found.myRole !== undefined ? { myRole: found.myRole } : {}),
    });
  }

  async list(): Promise<Outcome<MyPlans>> {
    const containers = await this.myContainers();
    const places: PlanPlace[] = [];
    if (!containers.ok) return containers;
    places.push({ tenantId: this.home, state: 'listed' });
    const indexContainer = containers.value.find((c) => c.displayName === INDEX_NAME) ?? null;
    // A container without its plan.json holds no plan yet: a booking under way, or one given up (Microsoft 365
    // removes a container nothing was ever written to within a day). It is simply not shown.
    const planContainers = containers.value.filter((c) => c.displayName !== INDEX_NAME);
    // The plans' items and the index's in one round.
    const all = await this.items(this.home, [
      ...this.plansIn(planContainers.map((c) => c.id)),
      ...(indexContainer ? [{ containerId: indexContainer.id, file: INDEX_FILE }] : []),
    ]);
    const items = all.slice(0, planContainers.length);
    const indexItem = indexContainer ? all[planContainers.length] : undefined;

    const plans: StoredPlan[] = [];
    const unreadable: PlanSummary[] = [];
    const readAll = async (
      tenantId: string,
      found: { containerId: string; item: Outcome<DriveItem> }[],
      names: Map<string, string>,
    ) => {
      const read = await inParallel(found, PARALLEL_DOWNLOADS, async ({ containerId, item }) => {
        const address = { tenantId, containerId };
        if (!item.ok) return { address, outcome: item as Outcome<StoredPlan> };
        return { address, outcome: await this.read({ address, item: item.value }) };
      });
      const gone: string[] = [];
      for (const { address, outcome } of read) {
        if (outcome.ok) plans.push(outcome.value);
        else if (outcome.kind === 'notFound' || outcome.kind === 'forbidden') gone.push(planIdOf(address));
        else
          unreadable.push({ planId: planIdOf(address), caseReference: names.get(address.containerId) ?? '', eTag: '' });
      }
      return gone;
    };

    const homeNames = new Map(planContainers.map((c) => [c.id, c.displayName]));
    // The index is read beside the plans: one more item in the same round of downloads.
    const [homeGone, index] = await Promise.all([
      readAll(this.home, items, homeNames),
      indexContainer && indexItem ? this.readIndex(indexContainer.id, indexItem.item) : Promise.resolve(null),
    ]);
    void homeGone; // a plan container without its document yet: nothing to show (booking under way)

    // Plans of other organisations I have opened before, read in their tenants.
    if (index) {
      const byTenant = new Map<string, { containerId: string; caseReference: string }[]>();
      for (const entry of index.plans) {
        const address = addressOf(entry.planId);
        if (!address || address.tenantId === this.home) continue;
        byTenant.set(address.tenantId, [
          ...(byTenant.get(address.tenantId) ?? []),
          { containerId: address.containerId, caseReference: entry.caseReference },
        ]);
      }
      const lost = await Promise.all(
        [...byTenant].map(async ([tenantId, entries]) => {
          const found = await this.items(tenantId, this.plansIn(entries.map((e) => e.containerId)));
          const notMember = found.every(
            (f) => !f.item.ok && f.item.kind === 'unauthorized' && f.item.code === 'notInTenant',
          );
          const failedAll = found.length > 0 && found.every((f) => !f.item.ok && f.item.kind === 'unauthorized');
          if (notMember || failedAll) {
            const first = found[0]?.item;
            places.push({
              tenantId,
              state: notMember ? 'notMember' : 'failed',
              ...(first && !first.ok ? { failure: first } : {}),
            });
            return notMember ? entries.map((e) => planIdOf({ tenantId, containerId: e.containerId })) : [];
          }
          places.push({ tenantId, state: 'listed' });
          return readAll(tenantId, found, new Map(entries.map((e) => [e.containerId, e.caseReference])));
        }),
      );
      const forget = new Set(lost.flat());
      // Access that ended is forgotten: the index never keeps a plan the user can no longer open.
      if (forget.size > 0) void this.updateIndex((plans) => plans.filter((p) => !forget.has(p.planId)));
    }
    return success({ plans, unreadable, places });
  }

  private async readIndex(containerId: string, item: Outcome<DriveItem>): Promise<Index | null> {
    if (!item.ok) {
      this.index = { containerId, item: null, index: { schemaVersion: 1, plans: [] } };
      return null;
    }
    const text = await itemText(this.graph(this.home), containerId, item.value);
    const parsed = text.ok ? IndexSchema.safeParse(parseJson(text.value)) : null;
    const index = parsed?.success ? parsed.data : { schemaVersion: 1 as const, plans: [] };
    this.index = { containerId, item: item.value, index };
    return index;
  }

  async load(planId: string): Promise<Outcome<StoredPlan>> {
    const address = addressOf(planId);
    if (!address) return this.loadLegacy(planId);
    const graph = this.graph(address.tenantId);
    const results = await sendBatch(graph, [
      {
        id: 'container',
        method: 'GET',
        path: `/storage/fileStorage/containers/${encodeURIComponent(address.containerId)}${query({ $select: 'id,viewpoint' })}`,
      },
      { id: 'item', method: 'GET', path: itemPath(address.containerId, PLAN_FILE) },
    ]);
    const item = batchResult(results, 'item', DriveItemSchema, `GET ${PLAN_FILE}`);
    if (!item.ok) return item;
    const container = batchResult(results, 'container', ViewpointSchema, 'GET container');
    const myRole = container.ok ? roleOf(container.value.viewpoint?.effectiveRole) : undefined;
    const stored = await this.read({ address, item: item.value, ...(myRole !== undefined ? { myRole } : {}) });
    if (stored.ok && address.tenantId !== this.home) void this.remember(stored.value.plan);
    return stored;
  }

  private async loadLegacy(planId: string): Promise<Outcome<StoredPlan>> {
    if (!this.options.legacy) return failure('notFound', 'itemNotFound', 'Planen findes ikke.', 404);
    const entry = await this.options.legacy.load(planId);
    if (!entry.ok) return entry;
    if (entry.value.kind === 'plan') return success(entry.value.stored);
    const moved = entry.value.pointer.movedTo;
    return addressOf(moved) ? this.load(moved) : failure('notFound', 'itemNotFound', 'Planen findes ikke.', 404);
  }

  async reserve(caseReference: string): Promise<Outcome<string>> {
    const created = await this.graph(this.home).request(
      {
        method: 'POST',
        path: '/storage/fileStorage/containers',
        headers: { 'Content-Type': 'application/json' },
        body: { displayName: caseReference, containerTypeId: this.options.containerTypeId },
      },
      ContainerSchema,
    );
    return created.ok ? success(planIdOf({ tenantId: this.home, containerId: created.value.id })) : created;
  }

  async save(plan: Plan, eTag: string | null): Promise<SaveOutcome> {
    const address = addressOf(plan.id);
    if (!address) {
      if (!this.options.legacy) return failure('notFound', 'itemNotFound', 'Planen findes ikke.', 404);
      return this.options.legacy.save(plan, eTag);
    }
    const body = serializePlan(plan); // throws on an invalid plan: storing one would be a bug
    const create = eTag === null;
    const put: BatchItem = {
      id: 'put',
      method: 'PUT',
      path: `${itemPath(address.containerId, PLAN_FILE)}:/content${create ? query({ '@microsoft.graph.conflictBehavior': 'fail' }) : ''}`,
      headers: { 'Content-Type': 'application/json', ...(create ? { 'If-None-Match': '*' } : { 'If-Match': eTag }) },
      body,
    };
    // The first write also activates the container (any write does): until then Microsoft 365 removes it in a day.
    const results = await sendBatch(this.graph(address.tenantId), [put]);
    const outcome = batchResult(results, 'put', DriveItemSchema, `PUT ${PLAN_FILE}`);
    if (outcome.ok) return success({ plan: PlanSchema.parse(plan), eTag: outcome.value.eTag });
    if (outcome.status === 412 || (create && outcome.status === 409)) {
      const current = await this.load(plan.id);
      if (!current.ok) return current;
      return { ok: false, kind: 'conflict', current: current.value };
    }
    return outcome;
  }

  /** Notes a plan of another organisation in my index, so my plans tab finds it next time. Best effort. */
  private async remember(plan: Plan): Promise<void> {
    await this.updateIndex((plans) =>
      plans.some((p) => p.planId === plan.id)
        ? null
        : [...plans, { planId: plan.id, caseReference: plan.caseReference }],
    );
  }

  /** Read-modify-write of the index with If-Match, creating its container the first time. */
  private async updateIndex(change: (plans: Index['plans']) => Index['plans'] | null): Promise<Outcome<void>> {
    const graph = this.graph(this.home);
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = this.index ? success(this.index) : await this.findIndex();
      if (!found.ok) return found;
      let state = found.value;
      if (!state) {
        const created = await graph.request(
          {
            method: 'POST',
            path: '/storage/fileStorage/containers',
            headers: { 'Content-Type': 'application/json' },
            body: { displayName: INDEX_NAME, containerTypeId: this.options.containerTypeId },
          },
          ContainerSchema,
        );
        if (!created.ok) return created;
        state = { containerId: created.value.id, item: null, index: { schemaVersion: 1, plans: [] } };
      }
      const next = change(state.index.plans);
      if (next === null) return success(undefined);
      const doc: Index = { schemaVersion: 1, plans: next };
      const put: BatchItem = {
        id: 'put',
        method: 'PUT',
        path: `${itemPath(state.containerId, INDEX_FILE)}:/content`,
        headers: {
          'Content-Type': 'application/json',
          ...(state.item ? { 'If-Match': state.item.eTag } : { 'If-None-Match': '*' }),
        },
        body: JSON.stringify(doc),
      };
      const results = await sendBatch(graph, [put]);
      const saved = batchResult(results, 'put', DriveItemSchema, `PUT ${INDEX_FILE}`);
      if (saved.ok) {
        this.index = { containerId: state.containerId, item: saved.value, index: doc };
        return success(undefined);
      }
      if (saved.status !== 412 && saved.status !== 409) return saved;
      this.index = null; // another tab wrote it meanwhile: read it again
    }
    return failure('failed', 'indexConflict', 'Oversigten over planer i andre organisationer kunne ikke gemmes.');
  }

  private async findIndex(): Promise<Outcome<IndexState | null>> {
    const containers = await this.myContainers();
    if (!containers.ok) return containers;
    const container = containers.value.find((c) => c.displayName === INDEX_NAME);
    if (!container) return success(null);
    const [found] = await this.items(this.home, [{ containerId: container.id, file: INDEX_FILE }]);
    if (!found) return success(null);
    await this.readIndex(container.id, found.item);
    return success(this.index);
  }
}
