// The same bench page with posthog-js instead of hearback, for the side-by-side figures: its browser
// bundle (`posthog-js/dist/array.js`, a dev-only input) loaded by a plain <script>, `posthog.init`
// with surveys on, and a fake PostHog API on the bench's own 127.0.0.1 server. The remote config
// turns surveys on, so posthog-js fetches its surveys extension (`dist/surveys.js`, served from
// node_modules) and the surveys list: one survey that waits for an event, as hearback's does on the
// bench page. Nothing leaves the machine: the bench fails if any page asks beyond its server.
import { existsSync, readFileSync } from 'node:fs';

const token = 'phc_bench';
const bundle = 'node_modules/posthog-js/dist/array.js';
const extension = 'node_modules/posthog-js/dist/surveys.js';

/** Whether posthog-js is installed (a dev-only input: the bench leaves its column out without it). */
export const posthogInstalled = () => existsSync(bundle) && existsSync(extension);

/** The page's script: posthog-js's bundle and its init (a real visitor: not filtered as a bot). */
export const posthogScript = `<script src="/${bundle}"></script>
<script>posthog.init(${JSON.stringify(token)},{api_host:location.origin+'/ph',persistence:'localStorage',opt_out_useragent_filter:true});</script>`;

const survey = {
  id: 'bench',
  name: 'bench',
  type: 'popover',
  questions: [{ type: 'rating', question: 'How likely are you to recommend us to a friend or colleague?', display: 'number', scale: 10, lowerBoundLabel: 'Unlikely', upperBoundLabel: 'Very likely' }],
  conditions: { events: { repeatedActivation: false, values: [{ name: 'go' }] } },
  start_date: '2026-01-01T00:00:00Z',
  end_date: null,
  appearance: null,
};

const send = (res, type, body) => res.writeHead(200, { 'content-type': type }).end(body);

/** The fake PostHog API under /ph/: a handler for `path`, or undefined for a path outside it. */
export function posthogApi(path) {
  if (!path.startsWith('/ph/')) return undefined;
  return (_req, res) => {
    if (/^\/ph\/static\/.*surveys\.js$/.test(path)) return send(res, 'text/javascript', readFileSync(extension));
    if (path.startsWith('/ph/array/')) {
      const config = { surveys: true, sessionRecording: false, heatmaps: false, supportedCompression: [] };
      return send(res, 'text/javascript', `(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{})[${JSON.stringify(token)}]={config:${JSON.stringify(config)},siteApps:[]};`);
    }
    if (path.startsWith('/ph/flags')) return send(res, 'application/json', JSON.stringify({ featureFlags: {}, featureFlagPayloads: {}, errorsWhileComputingFlags: false }));
    if (path.startsWith('/ph/api/surveys')) return send(res, 'application/json', JSON.stringify({ surveys: [survey] }));
    return send(res, 'application/json', '{"status":1}');
  };
}
