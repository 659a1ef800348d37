import type { AppointmentItem } from '../../domain/ports/appointmentItem';
import type { Calendar } from '../../domain/ports/calendar';
import type { Clock } from '../../domain/ports/clock';
import type { Logger } from '../../domain/ports/logger';
import type { MeetingChat } from '../../domain/ports/meetingChat';
import type { MeetingHost } from '../../domain/ports/meetingHost';
import type { MinutesTransport } from '../../domain/ports/minutesTransport';
import type { PeopleDirectory } from '../../domain/ports/peopleDirectory';
import type { LegacyPlanLibrary } from '../../domain/ports/legacyPlanLibrary';
import type { PlanAccess } from '../../domain/ports/planAccess';
import type { PlanStore } from '../../domain/ports/planStore';
import type { SetupProbe } from '../../domain/ports/setupProbe';
import type { TaskList } from '../../domain/ports/taskList';
import type { TenantPolicy } from '../../domain/policy';

/** The signed-in user. */
export interface CurrentUser {
  userId: string | null;
  name: string;
  email: string;
  tenantId: string | null;
}

/** Where links into the app point (the deployed origin, or the local dev server). */
export interface AppLocation {
  appBaseUrl: string;
  teamsAppId: string;
}

/**
 * Everything a surface needs from the outside world, as domain ports. The composition root in src/app
 * builds it (Graph or sandbox, Teams or Office or standalone); tests inject fakes.
 */
export interface Services {
  me: CurrentUser;
  host: MeetingHost;
  clock: Clock;
  policy: TenantPolicy;
  location: AppLocation;
  planStore: PlanStore;
  /** Who can open each plan, in Microsoft 365 (the roles on its container). */
  planAccess: PlanAccess;
  /** The first version's library, while plans may still have to be moved from it; null otherwise. */
  legacyPlans?: LegacyPlanLibrary | null;
  /** "Tjek opsætning"'s questions to Microsoft 365; absent where the page is not offered. */
  setupProbe?: SetupProbe;
  /** Partner organisations' tenants, for "Tjek opsætning". */
  partnerTenants?: { tenantId: string; name: string }[];
  calendar: Calendar;
  people: PeopleDirectory;
  meetingChat: MeetingChat;
  transport: MinutesTransport;
  logger: Logger;
  /** Only in the Outlook compose surface (or its standalone stand-in). */
  appointment: AppointmentItem | null;
  /**
   * My own Microsoft To Do list, for the opt-in "Tilføj til To Do" in the plans tab. Its permission is asked for
   * only when used. Absent or null where there is none: the plans tab then offers no To Do switch.
   */
  tasks?: TaskList | null;
}
