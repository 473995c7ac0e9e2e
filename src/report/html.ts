/**
 * The report file: one HTML document with the page script and the data inline, so it opens from disk with
 * no server and no network (the Content-Security-Policy forbids any fetch).
 */
import type { ReportData } from './model.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export const reportHtml = (data: ReportData, pageScript: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(data.title)}</title>
</head>
<body>
<script id="podj-data" type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
<script>${pageScript.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
