/**
 * A path on this app to send a person to after a form (sign-in's `next`, the language switch's
 * `back`): `value` read as a browser reads a `Location` against the app's own origin — tabs and
 * newlines dropped, `\` taken for `/`, `.` and `..` segments resolved, absolute URLs and any
 * scheme honoured — and kept only when it lands on `appOrigin`. A path that starts with `//`
 * after all that (`/.//evil.example`) is refused too: sent back as a `Location` on its own, a
 * browser takes it for another host. What is returned is the path, query and fragment as read.
 */
export function localPath(value: string | undefined, appOrigin: string, fallback = '/'): string {
  if (!value) return fallback;
  let url: URL;
  try {
    url = new URL(value, appOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(appOrigin).origin || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
