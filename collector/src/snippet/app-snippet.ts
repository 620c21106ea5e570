/** Where the snippet's script and the app's public routes are. */
export interface SnippetTarget {
  /** The pinned script (`/hearback-<version>.min.js`) and its SRI value. */
  scriptUrl: string;
  integrity: string;
  /** This app's public address (`HEARBACK_PUBLIC_URL`, else the origin the page was opened on). */
  origin: string;
}

/**
 * The one tag a shop pastes: the script pinned with its SRI hash, and this app's addresses only —
 * where answers go (`/api/responses`), where the published surveys are read (`/api/surveys.json`)
 * and where the prompts shown are reported (`/api/shown`). What to ask, when and how is set in the
 * app, so a change there reaches the site's next page view within a minute, with no change to it.
 */
export function appSnippet({ scriptUrl, integrity, origin }: SnippetTarget): string {
  const data = [['endpoint', '/api/responses'], ['surveys-url', '/api/surveys.json'], ['shown-url', '/api/shown']];
  return [
    `<script async src="${attribute(scriptUrl)}"`,
    `        integrity="${attribute(integrity)}" crossorigin="anonymous"`,
    ...data.map(([name, path]) => `        data-${name}="${attribute(origin + path)}"`),
  ].join('\n') + '></script>';
}

/** Text safe inside a double-quoted HTML attribute. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
