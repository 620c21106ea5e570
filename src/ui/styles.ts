// One stylesheet for every prompt, scoped by the shadow root. `:host` declarations are !important
// because host-page !important rules (e.g. `* { all: unset !important }`) would otherwise win over
// them (css-scoping: important declarations of the inner context beat those of the outer one).
// Sizes are px, never rem: a page's `html { font-size }` must not resize the prompt.
const dark = '--bg:#1c1f26;--fg:#f3f4f6;--mu:#c2c7d0;--bd:#4b5260;--sf:#2a2e37;color-scheme:dark';

export const css = `:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important}
*{box-sizing:border-box}
.r{--bg:#fff;--fg:#15171c;--mu:#4d5461;--bd:#cfd4dc;--sf:#f4f5f7;color-scheme:light;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Thai","Leelawadee UI",sans-serif;color:var(--fg);overflow-wrap:break-word;word-break:normal;line-break:auto;-webkit-text-size-adjust:100%;text-align:start}
.dark{${dark}}
@media(prefers-color-scheme:dark){.auto{${dark}}}
.p{position:fixed;z-index:2147483600;bottom:16px;right:16px;width:min(460px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;background:var(--bg);border:1px solid var(--bd);border-radius:16px;box-shadow:0 10px 38px rgba(0,0,0,.2);padding:20px}
.bottom-left .p,.bottom-left .pill{right:auto;left:16px}
.center .p{inset:50% auto auto 50%;transform:translate(-50%,-50%)}
.inline .p{position:relative;inset:auto;width:auto;max-height:none;box-shadow:none;z-index:auto;transform:none}
.kiosk .p{inset:0;width:auto;max-height:none;border:0;border-radius:0;display:flex;flex-direction:column;justify-content:center;padding:5vmin;font-size:22px}
.kiosk .s{max-width:880px;width:100%;margin:0 auto}
@media(max-width:480px){.popup .p{inset:auto 0 0;transform:none;width:auto;max-height:85vh;border-radius:18px 18px 0 0;border-width:1px 0 0;padding-bottom:max(20px,env(safe-area-inset-bottom))}}
@media(prefers-reduced-motion:no-preference){.popup .p{animation:in .25s ease-out}@keyframes in{from{opacity:0;translate:0 12px}}}
.s:focus{outline:0}
.x{position:absolute;top:10px;right:10px;display:flex}
[dir=rtl] .x{right:auto;left:10px}
.i{display:grid;place-items:center;width:32px;height:32px;border:0;border-radius:8px;background:none;color:var(--mu);cursor:pointer;padding:0}
.i:hover{background:var(--sf);color:var(--fg)}
.popup .q{padding-inline-end:64px}
fieldset{border:0;margin:0;padding:0;min-width:0}
.q{display:block;padding:0;margin:0 0 14px;font-size:1.07em;font-weight:600;line-height:1.4;text-wrap:pretty}
.sc{container-type:inline-size}
.g{display:grid;grid-template-columns:repeat(var(--n),1fr);gap:6px}
@container(max-width:400px){.g11{grid-template-columns:repeat(6,1fr)}}
.o{position:relative;display:flex}
.o input,.cp input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.b{flex:1;display:grid;place-items:center;min-height:42px;border:1px solid var(--bd);border-radius:10px;background:var(--sf);font-weight:600;font-variant-numeric:tabular-nums}
.kiosk .b{min-height:72px;font-size:26px}
.sm .b{min-height:52px}.sm svg{width:32px;height:32px}.kiosk .sm svg{width:56px;height:56px}
.o:hover .b,.cp:hover span{border-color:var(--mu)}
input:checked+.b,input:checked+span{background:var(--a);border-color:var(--a);color:var(--o)}
input:focus-visible+.b,input:focus-visible+span,.bt:focus-visible,.i:focus-visible,.pill:focus-visible,textarea:focus-visible,.ct input:focus-visible{outline:2px solid var(--fg);outline-offset:2px}
.an{display:flex;justify-content:space-between;gap:12px;margin-top:8px;font-size:.85em;color:var(--mu)}
.an span:last-child{text-align:end}
.ac{display:flex;gap:8px;justify-content:flex-end;margin-top:16px}
.bt{display:inline-flex;align-items:center;justify-content:center;min-height:42px;padding:0 20px;border:1px solid var(--a);border-radius:10px;background:var(--a);color:var(--o);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.bt:disabled{opacity:.55;cursor:default}
.bt2{background:none;border-color:var(--bd);color:var(--fg)}
.kiosk .bt{min-height:64px;padding:0 36px}
textarea{display:block;width:100%;min-height:84px;resize:vertical;padding:10px 12px;border:1px solid var(--bd);border-radius:10px;background:var(--bg);color:var(--fg);font:inherit}
.ch{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px}
.cp{position:relative;display:flex}
.cp span{padding:6px 14px;min-height:36px;display:grid;place-items:center;border:1px solid var(--bd);border-radius:99px;background:var(--sf)}
.ct{display:flex;gap:10px;align-items:center;margin-top:12px;cursor:pointer}
.ct input{width:20px;height:20px;margin:0;accent-color:var(--a)}
.ty:not(:empty){display:flex;flex-direction:column;align-items:center;gap:12px;padding:8px 28px;text-align:center;font-size:1.07em;font-weight:600}
.ty svg{width:40px;height:40px;color:var(--a)}
.w{margin:16px 0 0;color:var(--mu);text-align:center;font-size:.8em}
.pill{position:fixed;z-index:2147483600;bottom:16px;right:16px;display:flex;gap:8px;align-items:center;min-height:44px;padding:0 18px;border:0;border-radius:99px;background:var(--a);color:var(--o);font:inherit;font-weight:600;box-shadow:0 6px 20px rgba(0,0,0,.2);cursor:pointer}`;
