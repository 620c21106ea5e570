// One stylesheet for every prompt, scoped by the shadow root. `:host` declarations are !important
// because host-page !important rules (e.choices. `* { all: unset !important }`) would otherwise win over
// them (css-scoping: important declarations of the inner context beat those of the outer one).
// Sizes are px, never rem: a page's `html { font-size }` must not resize the prompt.
const dark = '--background:#1c1f26;--text:#f3f4f6;--muted:#c2c7d0;--border:#4b5260;--surface:#2a2e37;--danger:#ffb4ab;color-scheme:dark';

export const css = `:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important}
*{box-sizing:border-box}
.widget{--background:#fff;--text:#15171c;--muted:#4d5461;--border:#cfd4dc;--surface:#f4f5f7;--danger:#b42318;color-scheme:light;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Thai","Leelawadee UI",sans-serif;color:var(--text);overflow-wrap:break-word;word-break:normal;line-break:auto;-webkit-text-size-adjust:100%;text-align:start}
.dark{${dark}}
@media(prefers-color-scheme:dark){.auto{${dark}}}
.panel{position:fixed;z-index:2147483600;bottom:16px;right:16px;width:min(460px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;background:var(--background);border:1px solid var(--border);border-radius:16px;box-shadow:0 10px 38px rgba(0,0,0,.2);padding:20px}
.bottom-left .panel,.bottom-left .pill{right:auto;left:16px}
.center .panel{inset:50% auto auto 50%;transform:translate(-50%,-50%)}
.in-page .panel{position:relative;inset:auto;width:auto;max-height:none;box-shadow:none;z-index:auto;transform:none}
.kiosk .panel{inset:0;width:auto;max-height:none;border:0;border-radius:0;display:flex;flex-direction:column;justify-content:center;padding:5vmin;font-size:22px}
.kiosk .step{max-width:880px;width:100%;margin:0 auto}
.kiosk.in-page .panel{border-radius:16px}
.kiosk .more{display:grid;grid-template-columns:1fr auto;column-gap:16px}.kiosk .more>*{grid-column:1/-1}.kiosk .more textarea{grid-column:1}.kiosk .more .actions{grid-column:2;margin:0}
@media(max-width:480px){.popup .panel{inset:auto 0 0;transform:none;width:auto;max-height:85vh;border-radius:18px 18px 0 0;border-width:1px 0 0;padding-bottom:max(20px,env(safe-area-inset-bottom))}}
@media(prefers-reduced-motion:no-preference){.popup .panel{animation:rise .25s ease-out}@keyframes rise{from{opacity:0;translate:0 12px}}}
.step:focus,fieldset:focus{outline:0}
.corner{position:absolute;top:10px;right:10px;display:flex}
[dir=rtl] .corner{right:auto;left:10px}
.icon-button{display:grid;place-items:center;width:32px;height:32px;border:0;border-radius:8px;background:none;color:var(--muted);cursor:pointer;padding:0}
.icon-button:hover{background:var(--surface);color:var(--text)}
.popup .question{padding-inline-end:64px}
fieldset{border:0;margin:0;padding:0;min-width:0}
.question{display:block;padding:0;margin:0 0 14px;font-size:1.07em;font-weight:600;line-height:1.4;text-wrap:pretty}
.scale{container-type:inline-size}
.choices{display:grid;grid-template-columns:repeat(var(--count),1fr);gap:6px}
@container(max-width:400px){.choices-11{grid-template-columns:repeat(6,1fr)}}
.choice{position:relative;display:flex}
.choice input,.chip input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.choice-face{flex:1;display:grid;place-items:center;min-height:42px;border:1px solid var(--border);border-radius:10px;background:var(--surface);font-weight:600;font-variant-numeric:tabular-nums}
.kiosk .choice-face{min-height:72px;font-size:26px}
.smileys .choice-face{min-height:52px}.smileys svg{width:32px;height:32px}.kiosk .smileys svg{width:56px;height:56px}
.choice:hover .choice-face,.chip:hover span{border-color:var(--muted)}
input:checked+.choice-face,input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
input:focus-visible+.choice-face,input:focus-visible+span,.button:focus-visible,.icon-button:focus-visible,.pill:focus-visible,textarea:focus-visible,.contact input:focus-visible,.contact-way input:focus-visible{outline:2px solid var(--text);outline-offset:2px}
.anchors{display:flex;justify-content:space-between;gap:12px;margin-top:8px;font-size:.85em;color:var(--muted)}
.anchors span:last-child{text-align:end}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:16px}
.button{display:inline-flex;align-items:center;justify-content:center;min-height:42px;padding:0 20px;border:1px solid var(--accent);border-radius:10px;background:var(--accent);color:var(--on-accent);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.button:disabled{opacity:.55;cursor:default}
.button-quiet{background:none;border-color:var(--border);color:var(--text)}
.kiosk .button{min-height:64px;padding:0 36px}
textarea,.contact-way input{display:block;width:100%;padding:10px 12px;border:1px solid var(--border);border-radius:10px;background:var(--background);color:var(--text);font:inherit}
textarea{min-height:84px;resize:vertical}
.contact-way{margin-top:10px}.contact-way label{display:block;margin-bottom:4px;font-weight:600}
.contact-way [aria-invalid]{border:2px solid var(--danger)}.problem{margin:4px 0 0;color:var(--danger);font-size:.9em}
.chips{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px}
.chip{position:relative;display:flex}
.chip span{padding:6px 14px;min-height:36px;display:grid;place-items:center;border:1px solid var(--border);border-radius:99px;background:var(--surface)}
.contact{display:flex;gap:10px;align-items:center;margin-top:12px;cursor:pointer}
.contact input{width:20px;height:20px;margin:0;accent-color:var(--accent)}
.thanks:not(:empty){display:flex;flex-direction:column;align-items:center;gap:12px;padding:8px 28px;text-align:center;font-size:1.07em;font-weight:600}
.thanks svg{width:40px;height:40px;color:var(--accent)}
.waiting{margin:16px 0 0;color:var(--muted);text-align:center;font-size:.8em}
.pill{position:fixed;z-index:2147483600;bottom:16px;right:16px;display:flex;gap:8px;align-items:center;min-height:44px;padding:0 18px;border:0;border-radius:99px;background:var(--accent);color:var(--on-accent);font:inherit;font-weight:600;box-shadow:0 6px 20px rgba(0,0,0,.2);cursor:pointer}
.lifted .pill{top:16px;bottom:auto}`;
