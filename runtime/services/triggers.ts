/**
 * ScriptApp: installable triggers (time-driven; spreadsheet on-form-submit / on-edit / on-open / on-change),
 * kept per user like Apps Script (20 per user per script: guides/services/quotas), fired by the runtime
 * (`rt.fireDueTriggers()`, `rt.submitForm(...)`) against the fake clock.
 */
import { notSupported } from '../errors';
import type { FakeClock } from '../clock';
import {
  AuthMode,
  AuthorizationStatus,
  EventType,
  InstallationSource,
  TriggerSource,
  WeekDay,
} from './enums';
import { zonedParts } from './format-date';

export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const MAX_TRIGGERS_PER_USER = 20;
const ALLOWED_MINUTES = [1, 5, 10, 15, 30];
const ALLOWED_HOURS = [1, 2, 4, 6, 8, 12];

export type TriggerEventName = 'CLOCK' | 'ON_FORM_SUBMIT' | 'ON_EDIT' | 'ON_OPEN' | 'ON_CHANGE';

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  weekDay?: number; // 1 = Monday ... 7 = Sunday
  atHour?: number;
  nearMinute?: number;
  atMs?: number;
  timeZone: string;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  owner: string;
  eventType: TriggerEventName;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  clock?: ClockSchedule;
  createdMs: number;
  /** Last time it fired (ms) and the local day it fired on (daily/weekly triggers fire once a day). */
  lastFiredMs?: number;
  lastFiredDay?: string;
}

let nextTriggerId = 1;

/** The runtime's triggers (`rt.triggers`). */
export class TriggerRegistry {
  readonly all: TriggerRecord[] = [];

  constructor(
    private readonly clock: FakeClock,
    readonly timeZone: string,
  ) {}

  add(record: Omit<TriggerRecord, 'id' | 'createdMs'>): TriggerRecord {
    const owned = this.all.filter((t) => t.owner === record.owner).length;
    if (owned >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
    const full: TriggerRecord = { ...record, id: String(nextTriggerId++), createdMs: this.clock.nowMs() };
    this.all.push(full);
    return full;
  }
  /** Puts back triggers saved with the document (ids kept; new ids continue after the highest). */
  restore(records: TriggerRecord[]): void {
    for (const record of records) {
      this.all.push({ ...record, ...(record.clock ? { clock: { ...record.clock } } : {}) });
      const numeric = Number(record.id);
      if (Number.isInteger(numeric) && numeric >= nextTriggerId) nextTriggerId = numeric + 1;
    }
  }
  remove(id: string): void {
    const index = this.all.findIndex((t) => t.id === id);
    if (index >= 0) this.all.splice(index, 1);
  }
  ofUser(email: string): TriggerRecord[] {
    return this.all.filter((t) => t.owner === email);
  }
  /** Time-driven triggers due now; marks them fired (each fires once per due time). */
  takeDue(): TriggerRecord[] {
    const now = this.clock.nowMs();
    const due: TriggerRecord[] = [];
    for (const trigger of this.all) {
      if (trigger.eventType !== 'CLOCK' || !trigger.clock) continue;
      const day = isDue(trigger, trigger.clock, now);
      if (day === undefined) continue;
      trigger.lastFiredMs = now;
      trigger.lastFiredDay = day;
      due.push(trigger);
    }
    return due;
  }
}

/** The local day it fires on when due now, else undefined. */
function isDue(trigger: TriggerRecord, schedule: ClockSchedule, now: number): string | undefined {
  const parts = zonedParts(new Date(now), schedule.timeZone);
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const since = trigger.lastFiredMs ?? trigger.createdMs;
  if (schedule.atMs !== undefined)
    return trigger.lastFiredMs === undefined && now >= schedule.atMs ? day : undefined;
  if (schedule.everyMinutes) return now - since >= schedule.everyMinutes * 60000 ? day : undefined;
  if (schedule.everyHours) return now - since >= schedule.everyHours * 3600000 ? day : undefined;
  // Daily and weekly: once, some time in the hour starting at atHour (guides/triggers/installable).
  if (trigger.lastFiredDay === day) return undefined;
  const created = zonedParts(new Date(trigger.createdMs), schedule.timeZone);
  const hour = schedule.atHour ?? created.hour;
  if (parts.hour !== hour) return undefined;
  const daysSinceCreation = Math.round(
    (Date.UTC(parts.year, parts.month - 1, parts.day) -
      Date.UTC(created.year, created.month - 1, created.day)) /
      86400000,
  );
  if (schedule.everyWeeks) {
    if (schedule.weekDay !== undefined && parts.weekday !== schedule.weekDay) return undefined;
    return Math.floor(daysSinceCreation / 7) % schedule.everyWeeks === 0 ? day : undefined;
  }
  return daysSinceCreation % (schedule.everyDays ?? 1) === 0 ? day : undefined;
}

/** The event object a time-driven trigger receives (guides/triggers/events). */
export function clockEvent(trigger: TriggerRecord, now: Date): Record<string, unknown> {
  const parts = zonedParts(now, 'UTC');
  return {
    authMode: AuthMode.FULL,
    'day-of-month': parts.day,
    'day-of-week': parts.weekday,
    hour: parts.hour,
    minute: parts.minute,
    month: parts.month,
    second: parts.second,
    timezone: 'UTC',
    triggerUid: trigger.id,
    'week-of-year': Math.ceil(((now.getTime() - Date.UTC(parts.year, 0, 1)) / 86400000 + 1) / 7),
    year: parts.year,
  };
}

export class LocalTrigger implements GoogleAppsScript.Script.Trigger {
  constructor(readonly record: TriggerRecord) {}
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.id;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this.record.eventType];
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource[this.record.source];
  }
  getTriggerSourceId(): string {
    // Apps Script returns null for time-driven triggers; the published type says string.
    return this.record.sourceId as string;
  }
}

export class LocalClockTriggerBuilder implements GoogleAppsScript.Script.ClockTriggerBuilder {
  private readonly schedule: ClockSchedule;
  constructor(
    private readonly create_: (schedule: ClockSchedule) => GoogleAppsScript.Script.Trigger,
    private readonly clock: FakeClock,
    timeZone: string,
  ) {
    this.schedule = { timeZone };
  }
  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.schedule.atMs = this.clock.nowMs() + Number(durationMilliseconds);
    return this;
  }
  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(date instanceof Date)) throw new Error('Invalid argument: date');
    this.schedule.atMs = date.getTime();
    return this;
  }
  atDate(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return notSupported('ClockTriggerBuilder.atDate');
  }
  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    this.schedule.atHour = hour;
    return this;
  }
  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new Error('Invalid argument: minute');
    this.schedule.nearMinute = minute;
    return this;
  }
  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!ALLOWED_MINUTES.includes(n))
      throw new Error('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.schedule.everyMinutes = n;
    return this;
  }
  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!ALLOWED_HOURS.includes(n))
      throw new Error('The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.schedule.everyHours = n;
    return this;
  }
  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: n');
    this.schedule.everyDays = n;
    return this;
  }
  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: n');
    this.schedule.everyWeeks = n;
    return this;
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    const index = Object.keys(WeekDay).indexOf(String(day)); // SUNDAY first
    if (index < 0) throw new Error('Invalid argument: day');
    this.schedule.weekDay = index === 0 ? 7 : index;
    if (!this.schedule.everyWeeks) this.schedule.everyWeeks = 1;
    return this;
  }
  onMonthDay(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return notSupported('ClockTriggerBuilder.onMonthDay');
  }
  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    zonedParts(new Date(0), String(timezone)); // throws on an unknown zone
    this.schedule.timeZone = String(timezone);
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    const s = this.schedule;
    const kinds = [
      s.atMs !== undefined,
      !!s.everyMinutes,
      !!s.everyHours,
      !!s.everyDays,
      !!s.everyWeeks,
    ].filter(Boolean);
    if (kinds.length !== 1) {
      throw new Error(
        'A time-driven trigger needs exactly one of at/after/everyMinutes/everyHours/everyDays/everyWeeks.',
      );
    }
    if (s.atHour !== undefined && !s.everyDays && !s.everyWeeks) {
      throw new Error('atHour can only be used with everyDays or everyWeeks.');
    }
    return this.create_(s);
  }
}

export class LocalSpreadsheetTriggerBuilder implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
  private eventType: TriggerEventName | undefined;
  constructor(private readonly create_: (eventType: TriggerEventName) => GoogleAppsScript.Script.Trigger) {}
  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this.eventType)
      throw new Error('A spreadsheet trigger needs an event: onFormSubmit/onEdit/onOpen/onChange.');
    return this.create_(this.eventType);
  }
}

export class LocalTriggerBuilder implements GoogleAppsScript.Script.TriggerBuilder {
  constructor(
    private readonly registry: TriggerRegistry,
    private readonly clock: FakeClock,
    private readonly handler: string,
    private readonly owner: string,
  ) {}
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return new LocalClockTriggerBuilder(
      (clock) =>
        new LocalTrigger(
          this.registry.add({
            handler: this.handler,
            owner: this.owner,
            eventType: 'CLOCK',
            source: 'CLOCK',
            sourceId: null,
            clock: { ...clock },
          }),
        ),
      this.clock,
      this.registry.timeZone,
    );
  }
  forSpreadsheet(sheet: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : spreadsheetId(sheet);
    return new LocalSpreadsheetTriggerBuilder(
      (eventType) =>
        new LocalTrigger(
          this.registry.add({
            handler: this.handler,
            owner: this.owner,
            eventType,
            source: 'SPREADSHEETS',
            sourceId: id,
          }),
        ),
    );
  }
  forDocument(): GoogleAppsScript.Script.DocumentTriggerBuilder {
    return notSupported('TriggerBuilder.forDocument');
  }
  forForm(): GoogleAppsScript.Script.FormTriggerBuilder {
    return notSupported('TriggerBuilder.forForm');
  }
  forUserCalendar(): GoogleAppsScript.Script.CalendarTriggerBuilder {
    return notSupported('TriggerBuilder.forUserCalendar');
  }
}

export function spreadsheetId(spreadsheet: unknown): string {
  const withId = spreadsheet as { getId?: () => string } | null;
  if (withId && typeof withId.getId === 'function') return withId.getId();
  throw new Error('Invalid argument: sheet');
}

export class LocalScriptApp implements GoogleAppsScript.Script.ScriptApp {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(
    private readonly registry: TriggerRegistry,
    private readonly clock: FakeClock,
    private readonly user: string,
  ) {}

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string' || !functionName) throw new Error('Invalid argument: functionName');
    return new LocalTriggerBuilder(this.registry, this.clock, functionName, this.user);
  }
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return this.registry.ofUser(this.user).map((t) => new LocalTrigger(t));
  }
  getUserTriggers(source: unknown): GoogleAppsScript.Script.Trigger[] {
    const id = spreadsheetId(source);
    return this.registry
      .ofUser(this.user)
      .filter((t) => t.sourceId === id)
      .map((t) => new LocalTrigger(t));
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    if (!(trigger instanceof LocalTrigger)) throw new Error('Invalid argument: trigger');
    this.registry.remove(trigger.record.id);
  }
  getScriptId(): string {
    return 'local-script';
  }
  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return InstallationSource.NONE;
  }
  getAuthorizationInfo(): GoogleAppsScript.Script.AuthorizationInfo {
    // Locally every scope is granted.
    return {
      getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
      getAuthorizationUrl: () => '',
      getAuthorizedScopes: () => [],
    } as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }
  requireAllScopes(): void {
    // Locally every scope is granted: nothing to require.
  }
  requireScopes(): void {
    // Locally every scope is granted: nothing to require.
  }
  getProjectKey(): string {
    return notSupported('ScriptApp.getProjectKey');
  }
  getScriptTriggers(): GoogleAppsScript.Script.Trigger[] {
    return notSupported('ScriptApp.getScriptTriggers');
  }
  /**
   * An OAuth access token for the effective user (reference/script/script-app#getOAuthToken()). Offline there is
   * no Google to accept it: a stable placeholder ("ya29.local-…"), enough for code that builds headers with it.
   */
  getOAuthToken(): string {
    return `ya29.local-${Buffer.from(this.user || 'owner').toString('base64url')}`;
  }
  getIdentityToken(): string {
    return notSupported('ScriptApp.getIdentityToken');
  }
  getService(): GoogleAppsScript.Script.Service {
    return notSupported('ScriptApp.getService');
  }
  invalidateAuth(): void {
    notSupported('ScriptApp.invalidateAuth');
  }
  newStateToken(): GoogleAppsScript.Script.StateTokenBuilder {
    return notSupported('ScriptApp.newStateToken');
  }
}
