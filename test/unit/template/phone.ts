/** Test mirror of the template's phone rule (PHONE_RULE_FORMULA): '+', 8–15 digits, spaces/hyphens/parentheses. */
export function isValidPhoneText(text: string): boolean {
  if (text === '') return true;
  if (!text.startsWith('+')) return false;
  const digits = text.slice(1).replace(/[\s()-]/g, '');
  return /^\d{8,15}$/.test(digits);
}
