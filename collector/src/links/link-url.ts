/**
 * The public address of a survey's link: `<publicUrl>/s/<id>` with the given context fields as
 * query parameters, in the order given, empty values left out. `publicUrl` may end in a path
 * (a collector behind a reverse proxy under `/feedback`).
 */
export function surveyLink(publicUrl: string, surveyId: string, fields: Record<string, string> = {}): string {
  const url = new URL(`s/${encodeURIComponent(surveyId)}`, publicUrl.endsWith('/') ? publicUrl : publicUrl + '/');
  for (const [key, value] of Object.entries(fields)) if (value !== '') url.searchParams.append(key, value);
  return url.href;
}
