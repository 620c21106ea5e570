/**
 * The survey page's stylesheet (served from `/s/_/survey.css`; the CSP allows no inline style).
 * Mobile-first: one column, large type, the prompt full width; the shop's colour comes from
 * `shop.css` as `--shop` / `--on-shop`.
 */
export const surveyPageStyles = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Thai","Noto Sans",sans-serif;color:#1f2328;background:#f6f7f9}
.bar{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:12px 16px;background:var(--shop,#2563eb);color:var(--on-shop,#fff)}
.shop{margin:0;font-weight:700;font-size:1.05rem;overflow-wrap:anywhere}
.switch{color:inherit;font-weight:600;padding:8px 12px;border:2px solid currentColor;border-radius:999px;text-decoration:none;white-space:nowrap;min-height:44px;display:inline-flex;align-items:center}
.switch:focus-visible{outline:3px solid currentColor;outline-offset:2px}
main{max-width:560px;margin:0 auto;padding:20px 16px 40px}
h1{font-size:1.35rem;line-height:1.3;margin:0 0 16px;text-wrap:balance}
#hearback-survey{margin:0 -4px}
.notice{margin:16px 0 0;padding:14px 16px;border-radius:12px;background:#fff;border:1px solid #d0d7de}
.debug{margin-top:32px;padding:12px 16px;border:1px dashed #57606a;border-radius:8px;font-size:.9rem;background:#fff}
.debug h2{font-size:1rem;margin:0 0 8px}
.debug ul{margin:0 0 8px;padding-inline-start:20px}
code{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}.notice,.debug{background:#161b22;border-color:#30363d}}
`;
