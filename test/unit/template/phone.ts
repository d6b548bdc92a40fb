/** The sample's phones must pass the one phone rule (src/core/validation/phone.ts) and be in its stored form. */
import { formatPhone, isValidPhone } from '../../../src/core/validation/phone';

export function isValidPhoneText(text: string): boolean {
  return text === '' || (isValidPhone(text) && formatPhone(text) === text);
}
