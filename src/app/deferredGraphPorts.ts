import { GraphCalendar } from '../adapters/graph/graphCalendar';
import type { GraphClient } from '../adapters/graph/graphClient';
import { GraphMeetingChat } from '../adapters/graph/graphMeetingChat';
import { GraphMinutesTransport } from '../adapters/graph/graphMinutesTransport';
import { GraphSetupProbe, type GraphSetupProbeOptions } from '../adapters/graph/graphSetupProbe';
import { GraphTodo } from '../adapters/graph/graphTodo';

/**
 * The Graph adapters no surface needs for its first render (booking, pinning, sending, To Do), with the card
 * builders the transport uses: one chunk, loaded by src/app/lazyPort.ts on the first call to any of them.
 */
export const graphCalendar = (graph: GraphClient) => new GraphCalendar(graph);
export const graphMeetingChat = (graph: GraphClient) => new GraphMeetingChat(graph);
export const graphMinutesTransport = (graph: GraphClient, meUserId: string | null) =>
  new GraphMinutesTransport(graph, meUserId ? { meUserId } : {});
export const graphTodo = (graph: GraphClient) => new GraphTodo(graph);
export const graphSetupProbe = (options: GraphSetupProbeOptions) => new GraphSetupProbe(options);
