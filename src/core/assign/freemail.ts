/**
 * Free-mail domains: an address at one of these says nothing about the company behind it, so routing to the
 * account owner (src/core/assign/account.ts) never matches on them. The one list in SalesDesk; extend it here.
 * Sub-domains count too (`mail.yahoo.co.jp` is yahoo), and a bare provider name matches every country domain
 * (`yahoo.com`, `yahoo.com.hk`, `yahoo.co.uk`).
 */

/** Exact domains (lower case). */
const FREE_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'zoho.com',
  'qq.com',
  'vip.qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'vip.163.com',
  'vip.126.com',
  '188.com',
  '139.com',
  '189.cn',
  'wo.cn',
  'aliyun.com',
  'tom.com',
  '21cn.com',
  'sina.com',
  'sina.cn',
  'vip.sina.com',
  'sohu.com',
  'naver.com',
  'daum.net',
  'web.de',
]);

/** Providers whose every country domain is free mail (`hotmail.co.uk`, `yahoo.com.tw`, `outlook.jp`…). */
const FREE_PROVIDERS: ReadonlySet<string> = new Set([
  'gmail',
  'googlemail',
  'outlook',
  'hotmail',
  'live',
  'yahoo',
  'ymail',
  'rocketmail',
  'icloud',
  'sina',
  'sohu',
  'foxmail',
  'qq',
  'yandex',
  'gmx',
]);

/** Public suffix parts that may follow a provider name (`co.uk`, `com.cn`, `jp`). */
const COUNTRY_PART = /^(com|co|net|org|[a-z]{2})$/;

/**
 * True when `domain` (lower case, NFKC) is a free-mail domain: listed, a sub-domain of one listed, or a listed
 * provider followed only by country parts (`yahoo.co.jp`).
 */
export function isFreeMailDomain(domain: string): boolean {
  const parts = domain.split('.').filter(Boolean);
  for (let i = 0; i < parts.length - 1; i++) {
    if (FREE_DOMAINS.has(parts.slice(i).join('.'))) return true;
  }
  for (let i = 0; i < parts.length - 1; i++) {
    if (FREE_PROVIDERS.has(parts[i]) && parts.slice(i + 1).every((part) => COUNTRY_PART.test(part)))
      return true;
  }
  return false;
}

/** The free-mail domains listed exactly (for documentation and tests). */
export function freeMailDomains(): readonly string[] {
  return [...FREE_DOMAINS];
}
