/**
 * `parcours preview`: serves every sidebar of dist/ on 127.0.0.1 with a google.script.run shim
 * that POSTs to this server, which runs the call on the built bundle through the same bridge
 * rules as Apps Script (createScriptRunBridge). The workbook is the demo one, or `--workbook F.xlsx`,
 * saved back after every call that wrote to it. The browser tests start the same server on port 0.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DEMO_DEFAULTS } from '../src/demo/demo-workbook';
import { type LoadedBundle, loadBuiltBundle } from '../runtime/bundle-loader';
import { createScriptRunBridge } from '../runtime/script-run-bridge';
import { createSpreadsheetModel, type SpreadsheetModel } from '../runtime/spreadsheet/spreadsheet-model';
import { UsageError } from './cli-errors';
import { openWorkbook, saveFiles, xlsxFile } from './workbook-files';

export const PREVIEW_USER = 'coordination@exemple.fr';

export interface PreviewOptions {
  distDir: string;
  /** 0 = any free port. */
  port?: number;
  /** An .xlsx file: read at start, saved after each call that wrote. */
  workbookPath?: string;
  /** The zone the workbook's dates are read in (`--timezone`). */
  timeZone?: string;
  /** A model to serve as is (tests); else the workbook file, else the demo workbook. */
  model?: SpreadsheetModel;
  /** The script's clock; the demo workbook defaults to its own date. */
  now?: Date;
}

export interface PreviewServer {
  url: string;
  model: SpreadsheetModel;
  bundle: LoadedBundle;
  /** Page names served, e.g. `Admission` at `${url}/Admission`. */
  pages: string[];
  close(): Promise<void>;
}

/** The demo structure on a fresh model, written by the bundle itself (cliDemo_). */
export function demoModel(distDir: string, asOf: string = DEMO_DEFAULTS.asOf): SpreadsheetModel {
  const model = createSpreadsheetModel('Parcours — démonstration');
  const result = loadBuiltBundle(distDir, { model, now: new Date(`${asOf}T12:00:00Z`), userEmail: PREVIEW_USER }).call<{
    ok: boolean;
    message?: string;
  }>('cliDemo_', asOf);
  if (!result.ok) throw new Error(result.message);
  return model;
}

/** Runs in the page before its own script: google.script.run and google.script.host over fetch. */
const SHIM = `<script>
(function () {
  function check(value, path) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
    if (typeof value === 'number') { if (isFinite(value)) return; }
    else if (Array.isArray(value)) { value.forEach(function (v, i) { check(v, path + '[' + i + ']'); }); return; }
    else if (typeof value === 'object' && Object.prototype.toString.call(value) === '[object Object]') {
      Object.keys(value).forEach(function (k) { if (value[k] !== undefined) check(value[k], path + '.' + k); }); return;
    }
    throw new TypeError('google.script.run : ' + path + ' ne peut pas être transmis (' + Object.prototype.toString.call(value) + ').');
  }
  function runner(success, failure) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (h) { return runner(h, failure); };
      if (name === 'withFailureHandler') return function (h) { return runner(success, h); };
      if (name === 'withUserObject') return function () { return runner(success, failure); };
      return function () {
        var args = Array.prototype.slice.call(arguments);
        args.forEach(function (a, i) { check(a, 'args[' + i + ']'); });
        fetch('/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ functionName: name, args: args }) })
          .then(function (r) { return r.json(); })
          .then(function (res) {
            if (res.ok) { if (success) success(res.value); }
            else if (failure) failure(new Error(res.message));
          }, function (e) { if (failure) failure(e); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () { document.body.setAttribute('data-closed', 'true'); } } } };
})();
</script>`;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const { distDir } = options;
  if (!existsSync(join(distDir, 'Code.js'))) throw new Error(`${distDir}/Code.js manque : lancez « npm run build ».`);
  const model =
    options.model ?? (options.workbookPath ? await openWorkbook(options.workbookPath, options.timeZone) : demoModel(distDir));
  const now = options.now ?? (options.model || options.workbookPath ? undefined : new Date(`${DEMO_DEFAULTS.asOf}T12:00:00Z`));
  const bundle = loadBuiltBundle(distDir, { model, userEmail: PREVIEW_USER, ...(now ? { now } : {}) });
  const bridge = createScriptRunBridge(bundle);
  const pages = readdirSync(distDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
  let saving: Promise<void> = Promise.resolve();

  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (req.method === 'POST' && path === '/run') {
      readBody(req)
        .then((body) => {
          const { functionName, args } = JSON.parse(body) as { functionName: string; args: unknown[] };
          const writesBefore = bundle.runtime.calls.countKind('write');
          let answer: { ok: true; value?: unknown } | { ok: false; message: string };
          try {
            answer = { ok: true, value: bridge.run(functionName, args) };
          } catch (error) {
            answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
          }
          if (options.workbookPath && bundle.runtime.calls.countKind('write') > writesBefore) {
            const file = options.workbookPath;
            saving = saving.then(() => saveFiles([xlsxFile(file, model)]));
          }
          return saving.then(() => send(res, 200, 'application/json', JSON.stringify(answer)));
        })
        .catch((error: unknown) => send(res, 400, 'text/plain', String(error)));
      return;
    }
    const page = path.replace(/^\//, '');
    if (req.method === 'GET' && pages.includes(page)) {
      const html = readFileSync(join(distDir, `${page}.html`), 'utf8').replace('<head>', () => `<head>\n${SHIM}`);
      send(res, 200, 'text/html', html);
      return;
    }
    if (req.method === 'GET' && path === '/') {
      const links = pages.map((p) => `<li><a href="/${p}">${p}</a></li>`).join('');
      send(res, 200, 'text/html', `<!DOCTYPE html><meta charset="utf-8"><title>Parcours — aperçu</title><ul>${links}</ul>`);
      return;
    }
    send(res, 404, 'text/plain', 'Introuvable');
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    model,
    bundle,
    pages,
    close: () =>
      saving.then(
        () =>
          new Promise<void>((resolve, reject) => {
            server.closeAllConnections();
            server.close((error) => (error ? reject(error) : resolve()));
          }),
      ),
  };
}

/** `parcours preview [--workbook F.xlsx] [--port=8080]`: runs until interrupted. */
export async function commandPreview(args: { option(name: string): string | undefined }): Promise<void> {
  const distDir = process.env.PARCOURS_DIST ? resolve(process.env.PARCOURS_DIST) : join(__dirname, '..', 'dist');
  const workbookPath = args.option('workbook');
  const port = Number(args.option('port') ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port attend un numéro de port.');
  if (workbookPath && !existsSync(workbookPath)) throw new UsageError(`Classeur introuvable : ${workbookPath}`);
  const timeZone = args.option('timezone');
  const preview = await startPreview({ distDir, port, ...(workbookPath ? { workbookPath } : {}), ...(timeZone ? { timeZone } : {}) });
  console.log(`Aperçu des formulaires sur ${preview.url} (classeur : ${workbookPath ?? 'démonstration'}) — Ctrl+C pour arrêter.`);
  for (const page of preview.pages) console.log(`  ${preview.url}/${page}`);
  await new Promise<void>((done) => process.once('SIGINT', () => preview.close().then(done)));
}
