import { html } from 'hono/html';
import type { App } from '../app-env';
import { requireUser } from '../auth/require-user';

/**
 * The editor's preview frame, signed in: `GET /app/surveys/preview` is a bare page that loads the
 * real widget (`/hearback.min.js`, the same file sites get) and shows whatever definition the
 * editor page posts to it (`client/survey-preview.ts`). Framable by this app's own pages only.
 * The widget's answers go to `POST /app/surveys/preview/answers`, which keeps nothing.
 */
export function mountSurveyPreview(app: App) {
  app.post('/app/surveys/preview/answers', requireUser(), (c) => c.body(null, 204));

  app.get('/app/surveys/preview', requireUser({ page: true }), (c) => {
    const lang = c.var.lang;
    return c.html(
      html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Preview</title>
<link rel="stylesheet" href="/assets/survey-preview.css">
<script type="module" src="/assets/survey-preview.js"></script>
<script async src="/hearback.min.js"></script></head>
<body><main><div class="preview-page" aria-hidden="true"><div class="bar"></div><div class="line"></div><div class="line short"></div><div class="block"></div></div><div id="inline-target"></div></main></body>
</html>`,
      200,
      {
        'cache-control': 'no-store',
        // Only this app's editor may frame the preview.
        'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
        'x-frame-options': 'SAMEORIGIN',
      },
    );
  });
}
