import { MeetingApp } from '../surfaces/meeting/MeetingApp';
import { bootSurface } from './boot';

/** The meeting surface: details tab, side panel and stage; the host tells the frame. */
bootSurface('meeting', (launch) => <MeetingApp planId={launch.planId} />);
