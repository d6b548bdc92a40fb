/** Members of the Apps Script interfaces the local runtime does not implement throw a clear error. */
import { SPREADSHEET_INTERFACE_MEMBERS } from './generated-members';

export function unsupportedError(interfaceName: string, member: string): Error {
  return new Error(`not supported by the local runtime: ${interfaceName}.${member}`);
}

/** Gives every interface member the class lacks a method that throws "not supported by the local runtime". */
export function installUnsupportedMembers(cls: { prototype: object }, interfaceName: string): void {
  const members = SPREADSHEET_INTERFACE_MEMBERS[interfaceName] ?? [];
  for (const member of members) {
    if (member in cls.prototype) continue;
    Object.defineProperty(cls.prototype, member, {
      configurable: true,
      writable: true,
      enumerable: false,
      value: function unsupported(): never {
        throw unsupportedError(interfaceName, member);
      },
    });
  }
}
