/**
 * Where a page of cases ends, in the list's order: the signed-in person's own cases first (`mine`
 * 1, then 0), each group newest first (`openedAt`, then the answer id). Opaque to clients.
 */
export type CasePosition = [mine: 0 | 1, openedAt: string, id: string];

export const encodeCaseCursor = (position: CasePosition) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** The cursor's position, or undefined when it is not one this API gave out. */
export function decodeCaseCursor(cursor: string): CasePosition | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && (value[0] === 0 || value[0] === 1) && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[1])) && typeof value[2] === 'string') {
      return [value[0], value[1], value[2]];
    }
  } catch {
    // not base64url JSON: fall through
  }
  return undefined;
}
