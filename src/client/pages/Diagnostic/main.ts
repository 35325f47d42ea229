import type * as DiagnosticHandlers from '../../../server/diagnostic-handlers';
import type { RuleFinding } from '../../../diagnostic/diagnostic-rules';
import { byId, clear, el } from '../../dom';

/** The « Diagnostic » dialog: runs the checks on open and lists each rule, contradicted ones first. */
type Report = ReturnType<typeof DiagnosticHandlers.runDiagnostic>;

declare const google: {
  script: {
    run: {
      withSuccessHandler(handler: (value: Report) => void): { withFailureHandler(handler: (error: unknown) => void): { runDiagnostic(): void } };
    };
    host: { close(): void };
  };
};

const status = byId('status');

function line(f: RuleFinding): HTMLElement {
  return el('div', { className: 'objective' }, [
    el('div', { className: f.ok ? 'confirmed small' : 'error', text: f.ok ? 'Confirmée' : 'Contredite par ce classeur' }),
    el('div', { className: 'name', text: f.rule }),
    ...f.details.map((d) => el('div', { className: 'secondary small', text: d })),
  ]);
}

function show(report: Report): void {
  const contradicted = report.findings.filter((f) => !f.ok);
  byId('summary').textContent =
    contradicted.length === 0
      ? `Aucune règle contredite (fuseau ${report.spreadsheetZone}, paramètres régionaux ${report.spreadsheetLocale}).`
      : `${contradicted.length} règle(s) contredite(s) sur ${report.findings.length} (fuseau ${report.spreadsheetZone}, paramètres régionaux ${report.spreadsheetLocale}).`;
  const list = byId('list');
  clear(list);
  for (const f of [...contradicted, ...report.findings.filter((x) => x.ok)]) list.appendChild(line(f));
  byId('page').setAttribute('aria-busy', 'false');
}

google.script.run
  .withSuccessHandler(show)
  .withFailureHandler((error) => {
    status.textContent = `Le diagnostic n’a pas pu aller au bout : ${error instanceof Error ? error.message : String(error)}`;
    status.className = 'status error';
    byId('page').setAttribute('aria-busy', 'false');
  })
  .runDiagnostic();
byId('close').addEventListener('click', () => google.script.host.close());
