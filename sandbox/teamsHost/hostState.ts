import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What Teams keeps on its servers for the host windows to share: each user's consent to the app's scopes (as Entra
 * keeps a grant; on disk, so it outlives a restart) and what each meeting's stage shows (in memory: a meeting's
 * sharing ends with it).
 */
export interface StageRecord {
  id: string;
  meeting: string;
  url: string;
  protocol: 'Collaborative' | 'ScreenShare';
  presenterUpn: string;
  presenterName: string;
}

export class HostState {
  private consent: Record<string, string[]>;
  private readonly stages = new Map<string, StageRecord>();
  private counter = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'consent.json');
    this.consent = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {};
  }

  consentOf(user: string): string[] {
    return this.consent[user.toLowerCase()] ?? [];
  }

  grant(user: string, scopes: string[]): string[] {
    const key = user.toLowerCase();
    this.consent[key] = [...new Set([...(this.consent[key] ?? []), ...scopes])].sort();
    const file = join(this.dir, 'consent.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(this.consent, null, 2));
    renameSync(`${file}.tmp`, file);
    return this.consent[key] ?? [];
  }

  stageOf(meeting: string): StageRecord | null {
    return this.stages.get(meeting) ?? null;
  }

  share(stage: Omit<StageRecord, 'id'>): StageRecord {
    this.counter += 1;
    const record = { ...stage, id: `stage-${this.counter}` };
    this.stages.set(stage.meeting, record);
    return record;
  }
}
