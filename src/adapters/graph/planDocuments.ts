import * as z from 'zod/mini';
import { parsePlanDocument } from '../../domain/plan/migrations';
import type { Plan } from '../../domain/plan/planDocument';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { GraphClient } from './graphClient';

/**
 * What both plan stores share: a plan document is a JSON file (driveItem) read through its pre-authenticated
 * `@microsoft.graph.downloadUrl` (GET …/content is only a redirect to it, which a $batch would not follow). The
 * eTag is always read *before* the content: content newer than its eTag can only cause a needless conflict later,
 * never a lost write.
 */

export const DOWNLOAD_URL = '@microsoft.graph.downloadUrl';
export const INVALID_PLAN_DOCUMENT = 'invalidPlanDocument';
/** Downloads at a time: the browser's connection pool is six per host anyway. */
export const PARALLEL_DOWNLOADS = 6;

export const DriveItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  eTag: z.string().check(z.minLength(1)),
  folder: z.nullish(z.looseObject({})),
  [DOWNLOAD_URL]: z.nullish(z.string()),
});
export type DriveItem = z.infer<typeof DriveItemSchema>;

/**
 * The stored document through the domain's reader (migrations, then the schema): a document that does not fit is
 * a clear `invalidPlanDocument` failure with the domain's Danish message, not a crash.
 */
export const readPlanDocument = (text: string): Outcome<Plan> => {
  const parsed = parsePlanDocument(parseJson(text));
  return parsed.ok ? success(parsed.plan) : failure('failed', INVALID_PLAN_DOCUMENT, parsed.problem.message.da);
};

export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** The text of an item whose eTag we already hold. */
export const itemText = async (graph: GraphClient, driveId: string, item: DriveItem): Promise<Outcome<string>> => {
  const url = item[DOWNLOAD_URL];
  const text = url
    ? await graph.download(url)
    : await graph.send({
        method: 'GET',
        path: `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(item.id)}/content`,
        asText: true,
      });
  if (!text.ok) return text;
  return typeof text.value === 'string'
    ? success(text.value)
    : failure('failed', 'malformedResponse', 'Plandokumentet kom ikke som tekst');
};

/** Runs `work` over `items`, at most `limit` at a time, keeping the order. */
export const inParallel = async <T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
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
