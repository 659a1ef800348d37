import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ACCESS_SCOPES, GRAPH_SCOPES, LEGACY_SCOPES, SEND_SCOPES, TODO_SCOPES } from '../src/adapters/auth/graphScopes';
import { SCOPES } from './scopes';

/**
 * The sandbox's whole state, one JSON document on disk. Every mutating request is written
 * (temp file + rename) before its response leaves, so a SIGKILL never loses an answered write: the file is in the
 * operating system's hands once written, whatever happens to the process. No fsync: that guards against the
 * machine losing power, which a local sandbox need not survive, and it made every write wait on the disk, so
 * requests that Graph would serve side by side queued behind each other here.
 */

/** `guest`: a B2B guest account in a resource tenant, standing for a person whose home is another tenant. */
export type UserKind = 'inTenant' | 'federated' | 'emailOnly' | 'guest';

/** Who may send B2B invitations in a tenant (Entra's external collaboration settings, simplified). */
export type AllowInvitesFrom = 'everyone' | 'adminsAndGuestInviters' | 'none';
/** SharePoint's external sharing setting for the tenant (what SharePoint Embedded containers may be shared with). */
export type SharingCapability = 'disabled' | 'existingExternalUserSharingOnly' | 'externalUserSharingOnly';

/** A tenant's admin settings that Tovholder's setup depends on (PATCH /_sandbox/tenants/{id} changes them). */
export interface TenantSettings {
  /** Tovholder's container type is registered in this tenant (else creating a container is 403). */
  containerTypeRegistered: boolean;
  /** The delegated scopes the admin consented to: the `scp` of every token issued in this tenant. */
  grantedScopes: string[];
  /** Cross-tenant access: users of partner tenants may come in (B2B collaboration inbound). */
  b2bInbound: boolean;
  /** Cross-tenant access: this tenant's users may go out to partner tenants (B2B collaboration outbound). */
  b2bOutbound: boolean;
  allowInvitesFrom: AllowInvitesFrom;
  /** Invitations are redeemed at once (automatic redemption in the cross-tenant access settings). */
  autoRedeem: boolean;
  sharingCapability: SharingCapability;
  /** Only owners and managers of a container may change its permissions. */
  isSharingRestricted: boolean;
}

export interface TenantRecord {
  id: string;
  displayName: string;
  domain: string;
  settings: TenantSettings;
}

export interface UserRecord {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  /** The organisation (department / company). */
  department: string;
  companyName: string;
  officeLocation: string | null;
  /** The tenant the person belongs to; null for e-mail-only people. */
  tenantId: string | null;
  kind: UserKind;
  /** Plan document sector, a hint for tools and the viewer. */
  sector: string;
  /** A role hint for demos, e.g. "koordinator". */
  roleHint: string | null;
  preferredLanguage: string;
  businessPhones: string[];
  mobilePhone: string | null;
  /** Guests: the person's own account in their home tenant (null for an address no demo tenant knows). */
  homeUserId: string | null;
  /** Guests: whether the invitation was redeemed; null for everyone else. */
  externalUserState: 'PendingAcceptance' | 'Accepted' | null;
  /** Has a OneDrive in their tenant (members by default; guests never). Listing containers needs one. */
  oneDrive: boolean;
}

export type ResponseType = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface AttendeeRecord {
  address: string;
  name: string;
  type: 'required' | 'optional' | 'resource';
  response: ResponseType;
  /** ISO instant of the response, or null. */
  responseTime: string | null;
}

/** One meeting (or appointment), shared by every calendar it appears in. */
export interface EventRecord {
  /** Shared key of the meeting across calendars. */
  iCalUId: string;
  organizerId: string;
  transactionId: string | null;
  subject: string;
  bodyContentType: 'html' | 'text';
  body: string;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** The time zone the organiser wrote start/end in. */
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  isAllDay: boolean;
  showAs: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  importance: 'low' | 'normal' | 'high';
  location: string;
  categories: string[];
  attendees: AttendeeRecord[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: 'unknown' | 'teamsForBusiness' | 'skypeForBusiness' | 'skypeForConsumer';
  onlineMeetingId: string | null;
  isCancelled: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  /** Per calendar: the event id as that user sees it (Graph gives each copy its own id). */
  copies: { userId: string; id: string; removed: boolean }[];
}

export interface OnlineMeetingRecord {
  id: string;
  eventICalUId: string | null;
  organizerId: string;
  subject: string;
  joinWebUrl: string;
  threadId: string;
  start: number;
  end: number;
  createdDateTime: string;
  meetingCode: string;
}

export interface ChatMemberRecord {
  userId: string;
  tenantId: string;
  roles: string[];
  visibleHistoryStartDateTime: string;
}

export interface ChatMessageRecord {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fromUserId: string | null;
  messageType: 'message' | 'systemEventMessage';
  bodyContentType: 'html' | 'text';
  body: string;
  subject: string | null;
  importance: 'normal' | 'high' | 'urgent';
  attachments: {
    id: string;
    contentType: string;
    contentUrl: string | null;
    content: string | null;
    name: string | null;
    thumbnailUrl: string | null;
    teamsAppId: string | null;
  }[];
  mentions: {
    id: number;
    mentionText: string;
    mentioned: { user: { id: string; displayName: string; userIdentityType: string; tenantId?: string } };
  }[];
  /**
   * Set by softDelete (ISO instant), cleared by undoSoftDelete. The content is kept so an undo restores it, but
   * Graph and the inspection show a deleted message without body, attachments or mentions, as Teams does.
   */
  deletedDateTime: string | null;
}

export interface InstalledAppRecord {
  id: string;
  teamsAppId: string;
  installedBy: string;
  createdDateTime: string;
}

export interface TabRecord {
  id: string;
  displayName: string;
  teamsAppId: string;
  entityId: string | null;
  contentUrl: string | null;
  removeUrl: string | null;
  websiteUrl: string | null;
  createdBy: string;
}

export interface ChatRecord {
  id: string;
  chatType: 'oneOnOne' | 'group' | 'meeting';
  topic: string | null;
  createdDateTime: string;
  lastUpdatedDateTime: string;
  tenantId: string;
  onlineMeetingId: string | null;
  members: ChatMemberRecord[];
  messages: ChatMessageRecord[];
  installedApps: InstalledAppRecord[];
  tabs: TabRecord[];
}

export interface MailRecord {
  id: string;
  /** Lower-cased address of the mailbox holding this copy. */
  mailbox: string;
  folder: 'inbox' | 'sentitems' | 'drafts' | 'deleteditems';
  /**
   * The id under `Prefer: IdType="ImmutableId"`: constant while the item stays in this mailbox, whereas `id` (the
   * default REST id) changes when the item moves folder.
   */
  immutableId: string;
  /** A draft made by POST /me/messages, until it is sent. */
  isDraft: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Single-value extended properties as given on create (ids as the client wrote them); the sender's copy only. */
  singleValueExtendedProperties: { id: string; value: string }[];
  /** Custom Internet message headers (`x-…`) as given on create; they travel with the message to every copy. */
  internetMessageHeaders?: { name: string; value: string }[];
  conversationId: string;
  internetMessageId: string;
  subject: string;
  bodyContentType: 'html' | 'text';
  body: string;
  from: { name: string; address: string };
  to: { name: string; address: string }[];
  cc: { name: string; address: string }[];
  bcc: { name: string; address: string }[];
  importance: 'low' | 'normal' | 'high';
  isRead: boolean;
  sentDateTime: string;
  receivedDateTime: string;
  /** For invitations and cancellations. */
  meetingMessageType: 'none' | 'meetingRequest' | 'meetingCancelled' | null;
}

export interface DriveRecord {
  id: string;
  name: string;
  tenantId: string;
  webUrl: string;
  rootId: string;
}

export interface DriveItemRecord {
  id: string;
  driveId: string;
  /** null for the root. */
  parentId: string | null;
  name: string;
  folder: boolean;
  /** UTF-8 or base64 content for files. */
  content: string;
  contentEncoding: 'utf8' | 'base64';
  mimeType: string | null;
  /** Bumped on every content or metadata change. */
  version: number;
  /** Bumped on every content change. */
  contentVersion: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: string | null;
  lastModifiedBy: string | null;
}

export type ContainerRole = 'reader' | 'writer' | 'manager' | 'owner' | 'principalOwner';

export interface ContainerPermissionRecord {
  id: string;
  /** One role per user, as SharePoint Embedded allows. */
  roles: [ContainerRole];
  userId: string;
}

/** A SharePoint Embedded container (fileStorageContainer); its drive is the DriveRecord with the same id. */
export interface ContainerRecord {
  id: string;
  tenantId: string;
  displayName: string;
  description: string | null;
  containerTypeId: string;
  status: 'inactive' | 'active';
  createdDateTime: string;
  permissions: ContainerPermissionRecord[];
  /** = id: a container's drive id is its own id. */
  driveId: string;
  /** Set by DELETE: the container moves to the deleted containers and leaves every listing. */
  deletedDateTime: string | null;
}

export interface TodoListRecord {
  id: string;
  ownerId: string;
  displayName: string;
  wellknownListName: 'none' | 'defaultList' | 'flaggedEmails';
}

export interface TodoTaskRecord {
  id: string;
  listId: string;
  title: string;
  bodyContentType: 'text' | 'html';
  body: string;
  importance: 'low' | 'normal' | 'high';
  status: 'notStarted' | 'inProgress' | 'completed' | 'waitingOnOthers' | 'deferred';
  dueDateTime: { dateTime: string; timeZone: string } | null;
  completedDateTime: { dateTime: string; timeZone: string } | null;
  categories: string[];
  linkedResources: {
    id: string;
    webUrl: string | null;
    applicationName: string | null;
    displayName: string | null;
    externalId: string | null;
  }[];
  createdDateTime: string;
  lastModifiedDateTime: string;
}

/**
 * The shape of state.json that this code reads and writes, kept in its `schema` field.
 *
 * Changing `State` — a new field or collection, a field renamed or no longer optional — is one step: raise
 * STATE_VERSION by one and add to MIGRATIONS the entry `from` the version before, which brings a state written by the
 * older code to the new shape (fill the new field with what the older code meant). A sandbox started on an older
 * state.json migrates it, one version after another, and writes it back; it refuses one written by a newer sandbox.
 * Seeding (seed.ts, `emptyState`) writes the new shape directly. No `--reset` is needed for either.
 */
export const STATE_VERSION = 3;

/**
 * Every delegated scope the app asks for (src/adapters/auth/graphScopes.ts) and the sandbox's own list: what a
 * tenant's admin consented to unless a test says otherwise.
 */
export const ALL_SCOPES: readonly string[] = [
  ...new Set([...SCOPES, ...GRAPH_SCOPES, ...ACCESS_SCOPES, ...LEGACY_SCOPES, ...SEND_SCOPES, ...TODO_SCOPES]),
];

export const defaultTenantSettings = (): TenantSettings => ({
  containerTypeRegistered: true,
  grantedScopes: [...ALL_SCOPES],
  b2bInbound: true,
  b2bOutbound: true,
  allowInvitesFrom: 'everyone',
  autoRedeem: true,
  sharingCapability: 'existingExternalUserSharingOnly',
  isSharingRestricted: true,
});

/** A state.json as parsed, of whatever version: what migrations read and change in place. */
export type StoredState = Record<string, unknown>;

export interface Migration {
  /** The version it reads; it leaves the state at `from + 1`. */
  from: number;
  /** What changed, for the log line and the reader. */
  change: string;
  migrate(state: StoredState): void;
}

/** The records of one collection of a stored state (or of a record), to change in place. */
const recordsOf = (holder: StoredState, key: string): StoredState[] => {
  const value = holder[key];
  return Array.isArray(value)
    ? value.filter((item): item is StoredState => typeof item === 'object' && item !== null)
    : [];
};

/** From each version to the next, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    change:
      'chat messages always have deletedDateTime; mail always has immutableId, isDraft, createdDateTime, lastModifiedDateTime and singleValueExtendedProperties',
    migrate: (state) => {
      for (const chat of recordsOf(state, 'chats'))
        for (const message of recordsOf(chat, 'messages')) message.deletedDateTime ??= null;
      for (const mail of recordsOf(state, 'mail')) {
        // What version 1 showed for a missing field: the REST id, not a draft, the time it was received, none.
        mail.immutableId ??= mail.id;
        mail.isDraft ??= false;
        mail.createdDateTime ??= mail.receivedDateTime;
        mail.lastModifiedDateTime ??= mail.receivedDateTime;
        mail.singleValueExtendedProperties ??= [];
      }
    },
  },
  {
    from: 2,
    change:
      'tenants have settings (container type, consented scopes, cross-tenant access, invitations, sharing); users have homeUserId, externalUserState and oneDrive; containers',
    migrate: (state) => {
      for (const tenant of recordsOf(state, 'tenants')) tenant.settings ??= defaultTenantSettings();
      for (const user of recordsOf(state, 'users')) {
        user.homeUserId ??= null;
        user.externalUserState ??= null;
        user.oneDrive ??= user.kind === 'inTenant' || user.kind === 'federated';
      }
      state.containers ??= [];
    },
  },
];

/**
 * Brings a parsed state.json to STATE_VERSION. Throws with a message for the person who started the sandbox when
 * it is not a sandbox state, or was written by a newer sandbox.
 */
export const migrateState = (stored: unknown, file: string): { state: State; from: number } => {
  const reset = 'start again with --reset (which replaces the sandbox data with a fresh seed)';
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    throw new Error(`${file} is not a sandbox state; ${reset}.`);
  const state = stored as StoredState;
  const from = state.schema;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    throw new Error(`${file} has no sandbox state version (schema ${JSON.stringify(from)}); ${reset}.`);
  if (from > STATE_VERSION) {
    throw new Error(
      `${file} was written by a newer sandbox (state version ${from}; this one reads versions up to ${STATE_VERSION}). ` +
        `Run the sandbox of the code that wrote it, or ${reset}.`,
    );
  }
  for (let version = from; version < STATE_VERSION; version += 1) {
    const step = MIGRATIONS.find((migration) => migration.from === version);
    if (!step) throw new Error(`sandbox bug: no state migration from version ${version} (store.ts, MIGRATIONS)`);
    step.migrate(state);
    state.schema = version + 1;
  }
  return { state: state as unknown as State, from };
};

export interface State {
  schema: typeof STATE_VERSION;
  /** Signs the sandbox's bearer tokens; kept in state so tokens survive a restart. */
  secret: string;
  seededAt: string;
  /** Monotonic counter for ids and for the viewer's "something changed" check. */
  revision: number;
  tenants: TenantRecord[];
  users: UserRecord[];
  events: EventRecord[];
  onlineMeetings: OnlineMeetingRecord[];
  chats: ChatRecord[];
  mail: MailRecord[];
  drives: DriveRecord[];
  driveItems: DriveItemRecord[];
  todoLists: TodoListRecord[];
  todoTasks: TodoTaskRecord[];
  containers: ContainerRecord[];
}

export const emptyState = (): State => ({
  schema: STATE_VERSION,
  secret: randomBytes(32).toString('base64url'),
  seededAt: new Date().toISOString(),
  revision: 0,
  tenants: [],
  users: [],
  events: [],
  onlineMeetings: [],
  chats: [],
  mail: [],
  drives: [],
  driveItems: [],
  todoLists: [],
  todoTasks: [],
  containers: [],
});

const STATE_FILE = 'state.json';

export class Store {
  private dirty = false;
  /** The writes of `persist`, one after another; never rejects (each caller hears its own write's error). */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    public state: State,
    /** The version the state on disk had when it was older than STATE_VERSION and migrated on opening. */
    readonly migratedFrom: number | null = null,
  ) {}

  /**
   * Loads the state from disk (migrated to STATE_VERSION and written back if it was older), or makes a new one with
   * `seed` when there is none (or on reset). Throws with a message for the user on a state it cannot read.
   */
  static open(dataDir: string, reset: boolean, seed: (state: State) => void): Store {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, STATE_FILE);
    if (!reset && existsSync(file)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(
          `${file} cannot be read as JSON (${(error as Error).message}); start again with --reset (which replaces the sandbox data with a fresh seed).`,
        );
      }
      const { state, from } = migrateState(parsed, file);
      if (from === STATE_VERSION) return new Store(dataDir, state);
      const store = new Store(dataDir, state, from);
      store.dirty = true;
      store.flush();
      return store;
    }
    const state = emptyState();
    seed(state);
    const store = new Store(dataDir, state);
    store.touch();
    store.flush();
    return store;
  }

  /** Marks the state changed; the dispatcher writes it (persist) before answering. */
  touch(): void {
    this.dirty = true;
    this.state.revision += 1;
  }

  /** Writes the state if it changed: temp file, then rename — never a half-written state.json. */
  flush(): void {
    if (!this.dirty) return;
    const file = join(this.dataDir, STATE_FILE);
    const temp = `${file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, JSON.stringify(this.state));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    this.dirty = false;
  }

  /**
   * Writes the state if it changed, as `flush` does but off the event loop, so other requests run while the file
   * is written (as Graph serves requests side by side). Resolves once the state as it is now is on disk: the
   * dispatcher answers after that, so a SIGKILL still loses nothing answered. Writes are queued, never interleaved;
   * changes made while one is under way go into the next.
   */
  persist(): Promise<void> {
    if (!this.dirty) return this.writing;
    const next = this.writing.then(async () => {
      if (!this.dirty) return;
      const text = JSON.stringify(this.state);
      this.dirty = false;
      const file = join(this.dataDir, STATE_FILE);
      const temp = `${file}.${process.pid}.tmp`;
      try {
        await writeFile(temp, text);
        await rename(temp, file);
      } catch (error) {
        this.dirty = true;
        throw error;
      }
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  newGuid(): string {
    return randomUUID();
  }
}
