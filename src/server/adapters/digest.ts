/** Hashing through Apps Script's native digest: one service call, whatever the length of the text. */

/**
 * SHA-256 of `text` (UTF-8) as 64 hex digits. Not a secret: a fingerprint to compare two texts by.
 * @param text what to hash; any length (computeDigest runs natively, not a character at a time in script).
 */
export function sha256Hex(text: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
  let hex = '';
  // computeDigest gives signed bytes (-128…127).
  for (const byte of bytes) hex += ((byte + 256) % 256).toString(16).padStart(2, '0');
  return hex;
}
