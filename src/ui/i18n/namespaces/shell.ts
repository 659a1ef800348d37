import type { Translation } from '../translation';

const da = {
  languageSwitch: 'Sprog',
  danish: 'Dansk',
  english: 'English',
  loading: 'Tovholder starter …',
  crashed: {
    title: 'Der skete en fejl på siden',
    body: 'Det er ikke din skyld. Det, du har skrevet, er gemt i denne fane. Genindlæs siden for at fortsætte.',
    reload: 'Genindlæs siden',
  },
  onDemand: {
    loading: 'Henter …',
    failedTitle: 'Denne del af siden kunne ikke hentes',
    failedBody: 'Forbindelsen svigtede, mens siden hentede den. Det, du har skrevet, er gemt i denne fane.',
    retry: 'Prøv igen',
  },
  appointment: {
    title: 'Nyt møde (lokal efterligning af Outlook)',
    explain: 'Sådan ville mødeformularen i Outlook se ud. Ruden til højre skriver ind i den.',
    subject: 'Emne',
    when: '{{start}}–{{end}}',
    attendees: 'Deltagere',
    noAttendees: 'Ingen endnu',
    optional: 'valgfri',
    body: 'Mødets tekst',
  },
  tabConfig: {
    title: 'Vælg planen til mødet',
    intro: 'Fanen viser dagsordenen og referatet for den plan, du vælger. I Teams står kun sagsreferencen.',
    plan: 'Plan',
    choose: 'Vælg en plan',
    noPlans: 'Der er ingen planer endnu. Book mødet fra fanen Planer først.',
    failed: 'Planerne kunne ikke hentes: {{message}}',
    ready: 'Tryk på Gem for at tilføje fanen til mødet.',
    openLocal: 'Åbn mødets fane med planen',
  },
  startup: {
    title: 'Tovholder kunne ikke starte',
    signIn: 'Du blev ikke logget ind. Luk fanen og åbn Tovholder igen. Fortsætter det, så kontakt din IT-afdeling.',
    config:
      'Appen er ikke sat rigtigt op: {{detail}}. Kontakt den, der har installeret Tovholder i jeres organisation.',
    sandbox: 'Den lokale sandkasse svarer ikke på {{origin}}. Start den med "npm start", og genindlæs siden.',
    unknownUser: 'Demobrugeren "{{user}}" findes ikke i sandkassen. Vælg en bruger på startsiden.',
    host: 'Siden kunne ikke tale med Teams eller Outlook. Luk fanen og åbn den igen.',
    network: 'Microsoft 365 svarer ikke lige nu. Tjek forbindelsen, og prøv igen om lidt.',
    params: 'Adressen har en ugyldig værdi for "{{param}}": "{{value}}". Ret adressen, eller start fra startsiden.',
    pickUser: 'Vælg, hvem du vil være',
    pickUserIntro: 'Siden kører lokalt mod sandkassen. Vælg en demobruger for at logge ind som vedkommende.',
    backToLauncher: 'Til startsiden',
    retry: 'Prøv igen',
    technical: 'Teknisk detalje',
  },
} as const;

const en: Translation<typeof da> = {
  languageSwitch: 'Language',
  danish: 'Dansk',
  english: 'English',
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

export const shell = { da, en };
