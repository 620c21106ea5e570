/**
 * The link that opens the shop's LINE chat with `text` typed in, ready to send
 * (`https://line.me/R/oaMessage/<basic id>/?<text>`, LINE's "share a message to an official
 * account" URL scheme): what the counter QR code holds.
 */
export function chatLink(basicId: string, text: string): string {
  return `https://line.me/R/oaMessage/${encodeURIComponent(basicId)}/?${encodeURIComponent(text)}`;
}
