/** The page's styles (inline, as everything in the report). */
export const STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232a; background: #f6f7f9; }
body { display: flex; flex-direction: column; }
header { padding: 8px 14px 4px; background: #fff; border-bottom: 1px solid #d8dde3; }
h1 { font-size: 17px; margin: 0 0 2px; font-weight: 600; }
.sub { color: #5b6672; font-size: 12px; }
.controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-top: 6px; }
.controls label { font-size: 12px; color: #3b4550; display: flex; gap: 4px; align-items: center; }
.controls input, .controls select { font: inherit; padding: 2px 6px; border: 1px solid #c3cad2; border-radius: 4px; }
.controls input.bad { border-color: #d33; background: #fff0f0; }
.controls button { font: inherit; padding: 2px 10px; border: 1px solid #c3cad2; border-radius: 4px; background: #f3f5f7; cursor: pointer; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; padding: 4px 14px; background: #fff; border-bottom: 1px solid #d8dde3; font-size: 11.5px; }
.legend span { display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; }
.legend i { display: inline-block; width: 14px; height: 10px; border-radius: 2px; }
.legend canvas { vertical-align: middle; }
#timeline { flex: none; min-height: 180px; overflow: auto; position: relative; background: #fff; }
#timeline canvas { position: sticky; top: 0; left: 0; display: block; cursor: crosshair; }
#bottom { flex: 1 1 auto; min-height: 200px; display: grid; grid-template-columns: minmax(320px, 1fr) minmax(320px, 1fr); gap: 0; border-top: 2px solid #c3cad2; }
.panel { overflow: auto; padding: 6px 12px; background: #fff; border-right: 1px solid #d8dde3; }
.panel h2 { font-size: 12.5px; margin: 0 0 4px; font-weight: 600; color: #3b4550; }
.panel h2 code { font-weight: 500; background: #eef1f4; padding: 1px 4px; border-radius: 3px; }
pre { margin: 0; font: 12px/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre; }
.stderr { color: #8a5a00; white-space: pre-wrap; }
.hint { color: #6b7580; font-size: 12px; }
#tooltip { position: fixed; pointer-events: none; background: #1d232a; color: #fff; padding: 6px 8px; border-radius: 4px; font-size: 12px; max-width: 460px; z-index: 10; display: none; white-space: pre-wrap; }
#help { position: fixed; inset: 0; background: rgba(20, 24, 28, .45); display: none; align-items: center; justify-content: center; z-index: 20; }
#help > div { background: #fff; padding: 16px 22px; border-radius: 8px; max-width: 560px; box-shadow: 0 8px 30px rgba(0,0,0,.3); }
#help table { border-collapse: collapse; }
#help td { padding: 2px 10px 2px 0; vertical-align: top; }
kbd { font: 11.5px ui-monospace, monospace; border: 1px solid #c3cad2; border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; background: #f6f7f9; }
.plots canvas { display: block; margin-bottom: 6px; }
`;
