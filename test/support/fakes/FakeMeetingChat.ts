import type { MeetingChat, TabToPin } from '../../../src/domain/ports/meetingChat';
import { failure, success, type Outcome } from '../../../src/domain/ports/outcome';

/** Meeting chats in memory: one per join URL; pinning is allowed unless the tenant says no. */
export class FakeMeetingChat implements MeetingChat {
  readonly pinned: { chatId: string; tab: TabToPin }[] = [];

  constructor(private readonly options: { pinAllowed?: boolean; chatFound?: boolean } = {}) {}

  async findChatId(joinUrl: string): Promise<Outcome<string>> {
    if (this.options.chatFound === false) return failure('notFound', 'ChatNotFound', 'No chat for this meeting', 404);
    return success(`chat:${joinUrl.split('/').pop() ?? 'x'}`);
  }

  async pinTab(chatId: string, tab: TabToPin): Promise<Outcome<'pinned' | 'notAllowed'>> {
    if (this.options.pinAllowed === false) return success('notAllowed');
    this.pinned.push({ chatId, tab });
    return success('pinned');
  }
}
