/**
 * Reading a stored plan document: older documents are migrated step by step (keyed by `schemaVersion`), then
 * validated with PlanSchema. A document that cannot be read gives one clear message naming the first bad field,
 * never a half-read plan.
 */
import { PlanSchema, SCHEMA_VERSION, type Plan } from './planDocument';
import { issueText } from '../issueText';
import { problem, type Problem } from '../problems';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Migrations from a version to the next. Version 0 is a document written before `schemaVersion` existed (the
 * prototype): the same shape, but meetings could lack `agendaSteps` and minutes could lack `followUp`.
 */
const migrations: Record<number, (doc: Json) => Json> = {
  0: (doc) => ({
    ...doc,
    schemaVersion: 1,
    meetings: Array.isArray(doc.meetings)
      ? doc.meetings.map((m: unknown) =>
          isObject(m)
            ? {
                ...m,
                agendaSteps: m.agendaSteps ?? [],
                minutes: isObject(m.minutes) ? { ...m.minutes, followUp: m.minutes.followUp ?? [] } : m.minutes,
              }
            : m,
        )
      : doc.meetings,
  }),
};

export type ParsedPlan = { ok: true; plan: Plan; migratedFrom: number | null } | { ok: false; problem: Problem };

const versionOf = (doc: Json): number | null => {
  if (!('schemaVersion' in doc) || doc.schemaVersion === undefined) return 0;
  return typeof doc.schemaVersion === 'number' && Number.isInteger(doc.schemaVersion) ? doc.schemaVersion : null;
};

const fail = (code: string, field: string | null, da: string, en: string): ParsedPlan => ({
  ok: false,
  problem: problem(code, 'error', field, da, en),
});

/** A path such as `meetings.0.minutes.efforts.2.ownerId`. */
const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

export const parsePlanDocument = (json: unknown): ParsedPlan => {
  if (!isObject(json)) {
    return fail(
      'plan.notADocument',
      null,
      'Filen er ikke et plandokument (den indeholder ikke et JSON-objekt). Åbn planen fra listen igen, eller gendan en tidligere version af filen i SharePoint.',
      'The file is not a plan document (it does not hold a JSON object). Open the plan from the list again, or restore an earlier version of the file in SharePoint.',
    );
  }
  let doc = json;
  const from = versionOf(doc);
  if (from === null) {
    return fail(
      'plan.badVersion',
      'schemaVersion',
      `Plandokumentet har en ugyldig version (${JSON.stringify(doc.schemaVersion)}). Gendan en tidligere version af filen i SharePoint.`,
      `The plan document has an invalid version (${JSON.stringify(doc.schemaVersion)}). Restore an earlier version of the file in SharePoint.`,
    );
  }
  if (from > SCHEMA_VERSION) {
    return fail(
      'plan.newerVersion',
      'schemaVersion',
      `Planen er gemt af en nyere udgave af Tovholder (version ${from}). Genindlæs siden for at få den nyeste udgave.`,
      `The plan was saved by a newer release of Tovholder (version ${from}). Reload the page to get the latest release.`,
    );
  }
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`No migration from plan schema version ${v}`);
    doc = step(doc);
  }
  const parsed = PlanSchema.safeParse(doc, issueText);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first ? pathOf(first.path) : '';
    const where = field === '' ? 'dokumentet' : `feltet "${field}"`;
    const whereEn = field === '' ? 'the document' : `the field "${field}"`;
    return fail(
      'plan.invalid',
      field || null,
      `Plandokumentet kan ikke læses: ${where} er ugyldigt (${first?.message ?? 'ukendt fejl'}). Intet er ændret. Gendan en tidligere version af filen i SharePoint, eller kontakt jeres administrator.`,
      `The plan document cannot be read: ${whereEn} is invalid (${first?.message ?? 'unknown error'}). Nothing was changed. Restore an earlier version of the file in SharePoint, or contact your administrator.`,
    );
  }
  return { ok: true, plan: parsed.data, migratedFrom: from < SCHEMA_VERSION ? from : null };
};

/** The document as stored: stable key order from the schema, indented so a SharePoint version diff is readable. */
export const serializePlan = (plan: Plan): string => `${JSON.stringify(PlanSchema.parse(plan), null, 2)}\n`;
