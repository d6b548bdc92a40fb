/**
 * What makes two customers "likely the same" for Merge duplicates (issue 14 §5): the same e-mail, the same phone,
 * or the same company and contact — compared case- and width-insensitively (NFKC folds full-width Latin letters,
 * digits, the ideographic space and full-width punctuation such as （）＠ to their ASCII forms), phones through the
 * one phone rule (src/core/validation/phone.ts: `0086 138-0013-8000` = `+86 13800138000` = `１３８００１３８０００`).
 */
import { normalizePhone } from '../validation/phone';

/** Printable ASCII: NFKC leaves it unchanged, so the costly normalisation is skipped (50 000 rows × 4 cells). */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Case-, width- and space-insensitive text: NFKC, trimmed, runs of spaces as one, lower case. */
export function foldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = value instanceof Date ? value.toISOString() : String(value);
  const text = PLAIN_ASCII.test(raw) ? raw : raw.normalize('NFKC');
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The e-mail key ('' when blank): `Li.Lei@Example.COM` = `ｌｉ．ｌｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ`. */
export function emailKey(value: unknown): string {
  return foldText(value).replace(/\s+/g, '');
}

/**
 * The phone key: SalesDesk's normalised phone (E.164 for valid numbers, the digits otherwise), '' when it has
 * fewer than 6 digits — "0", "n/a" or an extension alone is a placeholder, not an identity (as Check data).
 */
export function phoneKey(value: unknown): string {
  const normalised = normalizePhone(value);
  return normalised.replace(/\D/g, '').length >= 6 ? normalised : '';
}

/** The company + contact key, '' unless both are filled. */
export function companyContactKey(company: unknown, contact: unknown): string {
  const a = foldText(company);
  const b = foldText(contact);
  return a !== '' && b !== '' ? `${a}\u0000${b}` : '';
}
