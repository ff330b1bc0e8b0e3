//! The page's style sheet: print-safe colours, and a letter beside every colour.

pub(super) const STYLE: &str = r#"
:root { --ink:#1d2329; --muted:#5b6570; --line:#d5dbe1; --pass:#1b6e34; --pass-bg:#e5f3e8;
  --fail:#a4161a; --fail-bg:#fbe7e7; --warn:#7a4d00; --warn-bg:#fdf2d6; --skip:#4f5962;
  --skip-bg:#eef1f4; --meet:#1f4e96; --meet-bg:#dbe6f7; --hol-bg:#e9e9e9; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #f6f7f9; }
main { max-width: 1200px; margin: 0 auto; padding: 28px 32px 40px; background: #fff; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 20px; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); font-weight: 600; }
h1 { margin: 4px 0 6px; font-size: 28px; line-height: 1.2; }
h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.meta { margin: 0; color: var(--muted); font-size: 13px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.verdict { display: flex; gap: 22px; align-items: center; padding: 16px 20px; border-radius: 6px; border-left: 8px solid; }
.verdict.pass { background: var(--pass-bg); border-color: var(--pass); }
.verdict.fail { background: var(--fail-bg); border-color: var(--fail); }
.verdict .badge { font-size: 22px; font-weight: 700; white-space: nowrap; }
.verdict.pass .badge { color: var(--pass); } .verdict.fail .badge { color: var(--fail); }
.verdict p { margin: 0; }
.stats { display: flex; gap: 26px; list-style: none; margin: 10px 0 0; padding: 0; font-size: 13px; color: var(--muted); }
.stats b { display: block; font-size: 20px; color: var(--ink); }
table.data { width: 100%; border-collapse: collapse; font-size: 13.5px; }
table.data th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  border-bottom: 2px solid var(--ink); padding: 6px 8px; }
table.data td { border-bottom: 1px solid var(--line); padding: 7px 8px; vertical-align: top; }
table.data tr.fail td { background: #fff6f6; }
td.nowrap, th.nowrap { white-space: nowrap; }
.pill { display: inline-block; min-width: 58px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700;
  text-align: center; white-space: nowrap; border: 1px solid; }
.pill.pass { color: var(--pass); background: var(--pass-bg); } .pill.fail { color: var(--fail); background: var(--fail-bg); }
.pill.warn { color: var(--warn); background: var(--warn-bg); } .pill.skip { color: var(--skip); background: var(--skip-bg); }
.legend { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 0 0 14px; padding: 0; list-style: none; font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.key { display: inline-block; min-width: 30px; height: 22px; line-height: 20px; text-align: center; font-size: 11px;
  font-weight: 700; border: 1px solid var(--line); border-radius: 3px; }
.months { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 14px; }
.month { border: 1px solid var(--line); border-radius: 6px; padding: 8px 8px 6px; break-inside: avoid; }
.month.gap { border: 2px dashed var(--fail); background: #fffafa; }
.month h3 { margin: 0 0 2px; font-size: 14px; display: flex; justify-content: space-between; }
.month .period { font-weight: 400; color: var(--muted); font-size: 12px; }
.month .gapnote { margin: 0 0 4px; color: var(--fail); font-size: 11.5px; font-weight: 700; }
.month table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.month th { font-size: 10px; color: var(--muted); font-weight: 600; padding: 2px 0; }
.month td { height: 38px; border: 1px solid #eef0f2; vertical-align: top; padding: 1px 2px; font-size: 11px; }
.month td.out { border-color: transparent; }
.month td.we .n { color: #9aa3ab; }
.n { display: block; font-size: 10px; color: var(--muted); }
.mk { display: block; font-weight: 800; font-size: 10.5px; line-height: 1.15; letter-spacing: .02em; }
.key.meet, td.meet { background: var(--meet-bg); } td.meet .mk.m, .key.meet { color: var(--meet); }
td.meet { box-shadow: inset 0 0 0 2px var(--meet); }
.key.bad, td.bad { background: var(--fail); color: #fff; } td.bad .n, td.bad .mk { color: #fff; }
td.bad { box-shadow: inset 0 0 0 2px #5c0b0d; }
.key.hol, td.hol { background: repeating-linear-gradient(135deg, var(--hol-bg) 0 4px, #fff 4px 8px); }
.key.papers, td .mk.p { color: var(--warn); } .key.papers { background: var(--warn-bg); }
.key.cancel, td .mk.c { color: var(--skip); } td.cancel, .key.cancel { outline: 2px dotted var(--skip); outline-offset: -3px; }
.key.gapkey { border: 2px dashed var(--fail); color: var(--fail); background: #fffafa; }
.note { color: var(--muted); font-size: 13px; }
ul.problems { margin: 0; padding-left: 18px; }
footer { margin-top: 34px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@media (max-width: 900px) { .months { grid-template-columns: repeat(2, minmax(0, 1fr)); } main { padding: 16px; } }
@media print { body { background: #fff; font-size: 11pt; } main { padding: 0; max-width: none; }
  .months { grid-template-columns: repeat(3, minmax(0, 1fr)); } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"#;
