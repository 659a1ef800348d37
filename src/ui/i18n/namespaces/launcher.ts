import type { Translation } from '../translation';

const da = {
  title: 'Tovholder – lokal demo',
  intro:
    'Her kører Tovholder på din egen maskine mod en lokal sandkasse, der efterligner Microsoft 365 med en demo-kommune og dens medarbejdere. Vælg, hvem du vil være, og åbn appen, som den ser ud i Teams og Outlook.',
  pickUser: 'Vælg demobruger',
  userLoading: 'Henter demobrugere fra sandkassen …',
  userFailed: 'Sandkassen svarer ikke på {{origin}}. Start alt med "npm start", og genindlæs siden.',
  userRole: '{{jobTitle}}, {{organisation}}',
  external: 'ekstern',
  emailOnly: 'kun e-mail',
  theme: 'Tema',
  themes: { light: 'Lyst', dark: 'Mørkt', contrast: 'Høj kontrast' },
  plan: 'Plan',
  surfaces: 'Åbn appen som {{name}}',
  open: 'Åbn',
  openInNewTab: 'Åbn i ny fane',
  openHere: 'Vis her',
  surface: {
    plans: { title: 'Mine planer', where: 'Teams-fanen for dig selv, Outlook og Microsoft 365-appen' },
    details: { title: 'Mødets fane', where: 'Fanen "Tovholder" i mødet, før mødet' },
    meeting: {
      title: 'Sidepanel og fælles skærm',
      where: 'Under mødet: sidepanelet (320 px) ved siden af den delte visning',
    },
    compose: { title: 'Outlook: Gør til indsatsplansmøde', where: 'Opgaveruden i Outlooks mødeformular' },
  },
  viewer: 'Se chats, post og kalendere i sandkassen',
  viewerHint: 'Her kan du se referater og indkaldelser lande hos hver demobruger.',
  sidePanel: 'Sidepanel (320 px)',
  stage: 'Fælles skærm',
  stageShared: 'Den fælles skærm blev vist for alle.',
  closePreview: 'Luk visningen',
  frameTitle: '{{surface}} som {{name}}',
  cloudOnly: 'Tovholder åbnes fra Teams og Outlook. Denne startside bruges kun, når appen kører lokalt med npm start.',
} as const;

const en: Translation<typeof da> = {
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

export const launcher = { da, en };
