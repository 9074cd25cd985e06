/** The pages' stylesheet, inlined (no build step, no CDN). Colours keep 4.5:1 contrast with their text. */
export const CSS = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #8a8a8a; --bg: #fff; --accent: #0b4f8a; --bad: #a4000f; --good: #1d5e20; font-family: system-ui, "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.6; word-break: keep-all; line-break: strict; overflow-wrap: anywhere; }
button, .button, select, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]) { min-height: 2.75rem; }
header.top nav a, header.top .end a { display: inline-block; padding: .6rem .1rem; }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #f0a800; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 9; }
header.top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #0b3d6b; color: #fff; }
header.top a, header.top .who { color: #fff; }
header.top nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
header.top .end { margin-left: auto; display: flex; gap: 1rem; align-items: center; }
header.top button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: 4px; padding: .2rem .6rem; cursor: pointer; font: inherit; }
main { padding: 1rem; max-width: 75rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #d0d0d0; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f6; }
.field { margin: .75rem 0; }
.field label, fieldset legend { display: block; font-weight: 600; }
.hint { color: var(--muted); font-size: .9rem; margin: .1rem 0; }
input, select, textarea { font: inherit; padding: .3rem .4rem; border: 1px solid #5a5a5a; border-radius: 4px; max-width: 100%; }
input[aria-invalid="true"], select[aria-invalid="true"] { border: 2px solid var(--bad); }
.error { color: var(--bad); font-weight: 600; margin: .2rem 0; }
.error::before { content: "⚠ "; }
.summary { border: 2px solid var(--bad); padding: .5rem 1rem; margin: 1rem 0; }
.notice { border: 2px solid var(--good); padding: .5rem 1rem; margin: 1rem 0; background: #f2f8f2; }
button, .button { font: inherit; padding: .4rem 1rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
fieldset { border: 1px solid #b0b0b0; margin: 1rem 0; padding: .5rem 1rem; }
.teams { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
.team-card { border: 1px solid var(--line); border-top: 8px solid; padding: .5rem .75rem; }
.team-card ul { padding-left: 1.2rem; margin: .25rem 0; }
.ok { color: var(--good); font-weight: 600; } .ng { color: var(--bad); font-weight: 600; }
.t0 { background: #cfe3fa; border-color: #3d6fa8; } .t1 { background: #fbe0c3; border-color: #b3661a; } .t2 { background: #d3efd0; border-color: #3c8a35; }
.t3 { background: #ead7f5; border-color: #7b48a0; } .t4 { background: #f8d3dc; border-color: #a8384f; } .t5 { background: #d2eeee; border-color: #2c7e80; }
.t6 { background: #f3ecc2; border-color: #8a7a18; } .t7 { background: #dcdcdc; border-color: #555; }
table.month { width: 100%; table-layout: fixed; }
table.month td { height: 5.5rem; font-size: .85rem; }
table.month .day { font-weight: 700; }
table.month .team { font-size: 1.1rem; font-weight: 700; }
table.month td.off { background: #f4f4f4; color: var(--muted); }
table.month td.buffer { background: repeating-linear-gradient(45deg, #fff, #fff 6px, #e4e4e4 6px, #e4e4e4 12px); }
table.month td.uncovered { background: #fff; outline: 3px dashed var(--bad); outline-offset: -4px; }
.mark { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 .25rem; margin: .1rem 0; font-size: .75rem; }
.mark.standby { color: var(--bad); background: #fff; } .mark.swap { color: #000; background: #ffe58a; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; list-style: none; padding: 0; }
.legend span.sw { display: inline-block; width: 1rem; height: 1rem; border: 1px solid; vertical-align: middle; margin-right: .25rem; }
.legend span.sw.buffer { background: repeating-linear-gradient(45deg,#fff,#fff 3px,#ccc 3px,#ccc 6px); }
.copy-row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin: .25rem 0 .75rem; }
.copy-row input { flex: 1 1 28rem; font-family: ui-monospace, monospace; font-size: .85rem; }
.inline { display: inline; }
/* The month sheet: a grid on screens and paper, an agenda (one row per working day) on a phone. */
.sheet-nav { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.sheet-head { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; font-weight: 600; margin: .5rem 0; }
.sheet-roster { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; margin: .5rem 0; }
.sheet-roster h3 { margin: 0; font-size: 1rem; }
.sheet-roster ol { margin: .2rem 0; padding-left: 1.4rem; font-size: .9rem; }
.sheet-roster .change, table.month a.change { font-size: .75rem; }
.sheet-roster .team-card { background: #fff; }
table.month td.closed-ov { background: #fff; outline: 3px double #555; outline-offset: -5px; }
table.month .slot { font-size: .8rem; }
.mark.ov { background: #fff; color: #000; border-style: dashed; } .mark.ov-close { border-style: double; border-width: 3px; }
.legend span.sw.uncovered { background: #fff; border: 2px dashed var(--bad); }
.legend-box { border: 1px solid var(--line); padding: .25rem .75rem; margin: .75rem 0; }
.legend-box h2 { margin: .25rem 0; font-size: 1rem; border: 0; }
.agenda { display: none; list-style: none; padding: 0; margin: .5rem 0; }
.agenda li { border: 1px solid var(--line); border-left-width: 8px; padding: .3rem .6rem; margin: .3rem 0; overflow-wrap: anywhere; }
.agenda li.buffer, .agenda li.uncovered, .agenda li.closed-ov { background: #fff; }
@media (max-width: 40rem) { table.month { display: none; } .agenda { display: block; } }
@media print {
  .agenda { display: none !important; } table.month { display: table !important; }
  h1 { font-size: 13pt; margin: 0 0 2pt; } .sheet-head { margin: 0; font-size: 9pt; }
  .sheet-roster { grid-template-columns: repeat(auto-fit, minmax(30mm, 1fr)); gap: 2mm; margin: 1mm 0; }
  .sheet-roster h3 { font-size: 9pt; } .sheet-roster ol { font-size: 7.5pt; line-height: 1.25; margin: 0; }
  .sheet-roster .team-card { padding: 1mm 2mm; border-top-width: 4px; }
  table.month { margin: 1mm 0; } table.month caption { font-size: 8pt; }
  table.month td { height: auto; min-height: 0; font-size: 7.5pt; line-height: 1.2; padding: 1pt 2pt; }
  table.month thead th { padding: 0 2pt; font-size: 8pt; } table.month .team { font-size: 9pt; }
  .mark { font-size: 6.5pt; margin: 0; }
  .legend-box { margin: 1mm 0; padding: 0 2mm; font-size: 7pt; } .legend-box h2 { font-size: 8pt; margin: 0; }
  .legend { gap: 0 3mm; margin: 0; }
}
.foot { border-top: 1px solid var(--line); margin-top: 2rem; padding: .75rem 1rem; font-size: .9rem; }
.scroll { overflow-x: auto; max-width: 100%; } .scroll table { margin: 0; }
@media print { .scroll { overflow: visible; } }
.standby-banner { border: 3px solid var(--bad); background: #fff4f4; padding: .5rem 1rem; margin: 1rem 0; font-weight: 700; }
ul.office-members, ul.days { padding-left: 1.2rem; }
.board-date input[type="date"] { max-width: 12rem; }
@media print {
  header.top, .no-print, form, .skip { display: none !important; }
  main { max-width: none; padding: 0; }
  body { font-size: 10pt; }
  table.month td { height: 4.2rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4 landscape; margin: 10mm; }
}
`;
