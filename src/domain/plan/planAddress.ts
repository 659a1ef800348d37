/**
 * Where a plan lives: its own SharePoint Embedded container in the Microsoft 365 tenant of the organisation that
 * started it (docs/decisions/0008-plan-access.md). A plan's id is that address, `<tenantId>~<containerId>`, so a
 * link, a pinned tab or a card opens the plan in the right tenant — a professional of the other organisation asks
 * their own sign-in for a token to the plan's tenant, where they are a guest. Neither part says anything about
 * the case: a tenant id and an opaque container id.
 *
 * Plans written before plans had containers have other ids (`plan-ki-2026-014`): `addressOf` gives null for them,
 * and the store follows the pointer the migration left in the old library.
 */

export interface PlanAddress {
  /** The Entra tenant (GUID) the plan's container lives in. */
  tenantId: string;
  /** The fileStorageContainer id (also its drive id), e.g. `b!ISJs1WRro0y0…`. */
  containerId: string;
}

const SEPARATOR = '~';
const TENANT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Container ids are drive ids: base64url-ish with a `b!` prefix in SharePoint; letters, digits and `!_-` here. */
const CONTAINER = /^[A-Za-z0-9!_-]{1,160}$/;

export const planIdOf = (address: PlanAddress): string =>
  `${address.tenantId.toLowerCase()}${SEPARATOR}${address.containerId}`;

/** The address in a plan id, or null for an id from before containers (or anything else). */
export const addressOf = (planId: string): PlanAddress | null => {
  const at = planId.indexOf(SEPARATOR);
  if (at < 0) return null;
  const tenantId = planId.slice(0, at);
  const containerId = planId.slice(at + 1);
  return TENANT.test(tenantId) && CONTAINER.test(containerId)
    ? { tenantId: tenantId.toLowerCase(), containerId }
    : null;
};
