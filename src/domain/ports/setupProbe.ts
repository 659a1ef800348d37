import type { Outcome } from './outcome';

/**
 * What "Tjek opsætning" asks Microsoft 365, as the signed-in user: each answer is one thing an admin may not have
 * set up yet. Nothing here reads or sends anything of a plan.
 */
export interface SetupProbe {
  /** The delegated permissions the user's token in their own tenant carries (its `scp`). */
  grantedScopes(): Promise<Outcome<string[]>>;
  /** Lists the user's containers of Tovholder's type: the container type is registered and the app may use it. */
  listPlaces(): Promise<Outcome<number>>;
  /** Whether the user has a OneDrive (SharePoint Embedded lists containers only for users who have one). */
  hasOneDrive(): Promise<Outcome<boolean>>;
  /** Makes a container of Tovholder's type and removes it again: new plans can be made from here. */
  tryPlace(): Promise<Outcome<void>>;
  /** Whether the user can sign in to a partner organisation's tenant as the guest they are there. */
  partner(tenantId: string): Promise<Outcome<'guest' | 'notGuest'>>;
}
