import type { Translation } from '../../translation';
import type { launcher as da } from '../launcher';

// English: fetched only by a page shown in English (src/ui/i18n/i18n.ts); Danish is in ../launcher.ts.
export const launcher: Translation<typeof da> = {
  title: 'Tovholder – local demo',
  intro:
    'Tovholder runs here on your own machine against a local sandbox that imitates Microsoft 365 with a demo municipality and its staff. Choose who you want to be, and open the app as it looks in Teams and Outlook.',
  pickUser: 'Choose a demo user',
  userLoading: 'Fetching demo users from the sandbox …',
  userFailed: 'The sandbox does not answer at {{origin}}. Start everything with "npm start" and reload the page.',
  userRole: '{{jobTitle}}, {{organisation}}',
  external: 'external',
  emailOnly: 'e-mail only',
  theme: 'Theme',
  themes: { light: 'Light', dark: 'Dark', contrast: 'High contrast' },
  plan: 'Plan',
  noPlans: "No plans are shared with this user: the citizen's consent does not cover them.",
  surfaces: 'Open the app as {{name}}',
  open: 'Open',
  openInNewTab: 'Open in a new tab',
  openHere: 'Show here',
  surface: {
    plans: { title: 'My plans', where: 'The personal Teams tab, Outlook and the Microsoft 365 app' },
    details: { title: 'Meeting tab', where: 'The "Tovholder" tab in the meeting, before the meeting' },
    meeting: {
      title: 'Side panel and shared stage',
      where: 'During the meeting: the side panel (320 px) beside the shared view',
    },
    compose: { title: 'Outlook: Make it an indsatsplansmøde', where: "The task pane in Outlook's appointment form" },
  },
  asInTeams: 'Open as in Teams',
  asInTeamsHint:
    'The meeting with its chat, details tab, side panel and stage, and the personal tab, with the real teams-js and MSAL. These pages are the same without Teams.',
  viewer: 'See chats, mail and calendars in the sandbox',
  viewerHint: 'Here you can watch minutes and invitations arrive for each demo user.',
  sidePanel: 'Side panel (320 px)',
  stage: 'Shared stage',
  stageShared: 'The shared stage was shown to everyone.',
  closePreview: 'Close the view',
  frameTitle: '{{surface}} as {{name}}',
  cloudOnly:
    'Tovholder is opened from Teams and Outlook. This start page is only used when the app runs locally with npm start.',
};
