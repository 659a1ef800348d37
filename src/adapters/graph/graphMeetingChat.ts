import * as z from 'zod/mini';
import type { MeetingChat, TabToPin } from '../../domain/ports/meetingChat';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import { sendBatch } from './graphBatch';
import { odataString, query, type GraphClient } from './graphClient';

/**
 * The Teams meeting's chat: found from the join URL (the online meeting's chatInfo.threadId), and the app's tab
 * pinned in it so the agenda sits beside the call. Installing the app and adding the tab go in one $batch, the
 * tab depending on the installation.
 */

const OnlineMeetingsSchema = z.object({
  value: z.array(z.object({ chatInfo: z.nullish(z.object({ threadId: z.string().check(z.minLength(1)) })) })),
});

const TabsSchema = z.object({
  value: z.array(z.object({ configuration: z.nullish(z.object({ entityId: z.nullish(z.string()) })) })),
});

const chatPath = (chatId: string): string => `/chats/${encodeURIComponent(chatId)}`;

/** 403 (permission or app policy) and 409 on the tab are the tenant saying no; the UI then explains the two clicks. */
const isRefusal = (status: number | null): boolean => status === 403 || status === 409;

export class GraphMeetingChat implements MeetingChat {
  constructor(private readonly graph: GraphClient) {}

  async findChatId(joinUrl: string): Promise<Outcome<string>> {
    const outcome = await this.graph.request(
      {
        method: 'GET',
        path: `/me/onlineMeetings${query({ $filter: `JoinWebUrl eq ${odataString(joinUrl)}` })}`,
      },
      OnlineMeetingsSchema,
    );
    if (!outcome.ok) return outcome;
    const threadId = outcome.value.value.find((meeting) => meeting.chatInfo?.threadId)?.chatInfo?.threadId;
    if (!threadId) return failure('notFound', 'meetingNotFound', 'Teams-mødet blev ikke fundet ud fra mødelinket', 404);
    return success(threadId);
  }

  async pinTab(chatId: string, tab: TabToPin): Promise<Outcome<'pinned' | 'notAllowed'>> {
    const teamsApp = this.graph.bindUrl(`/appCatalogs/teamsApps/${encodeURIComponent(tab.teamsAppId)}`);
    const tabRequest = {
      id: 'tab',
      method: 'POST' as const,
      path: `${chatPath(chatId)}/tabs`,
      body: {
        displayName: tab.displayName,
        'teamsApp@odata.bind': teamsApp,
        configuration: { entityId: tab.entityId, contentUrl: tab.contentUrl, websiteUrl: tab.websiteUrl },
      },
    };
    const results = await sendBatch(this.graph, [
      // Installing twice is refused with 409, never done twice: safe to repeat.
      {
        id: 'install',
        method: 'POST',
        path: `${chatPath(chatId)}/installedApps`,
        body: { 'teamsApp@odata.bind': teamsApp },
        idempotent: true,
      },
      { ...tabRequest, dependsOn: ['install'] },
    ]);
    const install = results.get('install');
    let pinned = results.get('tab');
    if (!install || !pinned) throw new Error('pinTab: batch answered without install or tab');
    if (!install.ok) {
      if (install.status === 403) return success('notAllowed');
      if (install.status !== 409) return install;
      // Already installed: most likely pinned by an earlier attempt. Add the tab only if it is not there yet.
      const tabs = await this.graph.request({ method: 'GET', path: `${chatPath(chatId)}/tabs` }, TabsSchema);
      if (!tabs.ok) return tabs.status === 403 ? success('notAllowed') : tabs;
      if (tabs.value.value.some((existing) => existing.configuration?.entityId === tab.entityId))
        return success('pinned');
      pinned = (await sendBatch(this.graph, [tabRequest])).get('tab');
      if (!pinned) throw new Error('pinTab: batch answered without the tab');
    }
    if (pinned.ok) return success('pinned');
    if (isRefusal(pinned.status)) return success('notAllowed');
    return pinned;
  }
}
