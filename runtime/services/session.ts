/** Session: who runs the execution and in which locale, set per execution by `rt.execute(fn, args, { user, locale })`. */

export class LocalUser implements GoogleAppsScript.Base.User {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
}

/** Apps Script spells locales with an underscore and gives the bare language for English: 'en', 'zh_CN'. */
export function appsScriptLocale(locale: string): string {
  const [language, region] = locale.replace('-', '_').split('_');
  if (!region || language === 'en') return language.toLowerCase();
  return `${language.toLowerCase()}_${region.toUpperCase()}`;
}

export class LocalSession implements GoogleAppsScript.Base.Session {
  constructor(
    private readonly activeUser: string,
    private readonly effectiveUser: string,
    private readonly locale: string,
    private readonly timeZone: string,
  ) {}
  getActiveUser(): GoogleAppsScript.Base.User {
    return new LocalUser(this.activeUser);
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new LocalUser(this.effectiveUser);
  }
  getActiveUserLocale(): string {
    return appsScriptLocale(this.locale);
  }
  getScriptTimeZone(): string {
    return this.timeZone;
  }
  getTemporaryActiveUserKey(): string {
    return Buffer.from(this.activeUser).toString('base64');
  }
  getTimeZone(): string {
    return this.timeZone;
  }
  /** Deprecated: the active user (reference/base/session#getUser()). */
  getUser(): GoogleAppsScript.Base.User {
    return new LocalUser(this.activeUser);
  }
}
