import type { Translation } from '../../translation';
import type { shell as da } from '../shell';

// English: fetched only by a page shown in English (src/ui/i18n/i18n.ts); Danish is in ../shell.ts.
export const shell: Translation<typeof da> = {
  languageSwitch: 'Language',
  danish: 'Dansk',
  english: 'English',
  languageFailed: 'The Danish text could not be loaded, so the page is still in English. Try again in a moment.',
  loading: 'Tovholder is starting …',
  crashed: {
    title: 'Something went wrong on this page',
    body: 'It is not your fault. What you typed is kept in this tab. Reload the page to continue.',
    reload: 'Reload the page',
  },
  onDemand: {
    loading: 'Loading …',
    failedTitle: 'This part of the page could not be loaded',
    failedBody: 'The connection failed while the page was loading it. What you typed is kept in this tab.',
    retry: 'Try again',
  },
  appointment: {
    title: 'New meeting (local imitation of Outlook)',
    explain: "This is how Outlook's appointment form would look. The pane on the right writes into it.",
    subject: 'Subject',
    when: '{{start}}–{{end}}',
    attendees: 'Attendees',
    noAttendees: 'None yet',
    optional: 'optional',
    body: "The meeting's text",
  },
  tabConfig: {
    title: 'Choose the plan for the meeting',
    intro: 'The tab shows the agenda and the minutes for the plan you choose. Teams shows only the case reference.',
    plan: 'Plan',
    choose: 'Choose a plan',
    noPlans: 'There are no plans yet. Book the meeting from the Plans tab first.',
    failed: 'The plans could not be fetched: {{message}}',
    ready: 'Press Save to add the tab to the meeting.',
    openLocal: "Open the meeting's tab with the plan",
  },
  startup: {
    title: 'Tovholder could not start',
    signIn:
      'You were not signed in. Close the tab and open Tovholder again. If it keeps happening, contact your IT team.',
    config: 'The app is not set up correctly: {{detail}}. Contact whoever installed Tovholder in your organisation.',
    sandbox: 'The local sandbox does not answer at {{origin}}. Start it with "npm start" and reload the page.',
    unknownUser: 'The demo user "{{user}}" does not exist in the sandbox. Pick a user on the start page.',
    host: 'The page could not talk to Teams or Outlook. Close the tab and open it again.',
    network: 'Microsoft 365 is not answering right now. Check the connection and try again in a moment.',
    params:
      'The address has an invalid value for "{{param}}": "{{value}}". Correct the address, or start from the start page.',
    pickUser: 'Choose who you want to be',
    pickUserIntro: 'This page runs locally against the sandbox. Choose a demo user to sign in as that person.',
    backToLauncher: 'To the start page',
    retry: 'Try again',
    technical: 'Technical detail',
  },
};
