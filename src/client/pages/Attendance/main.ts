import { PRESENCE_STATUSES } from '../../../domain/records';
import { type AttendanceInput, type AttendanceSheetRow, attendanceSchema, countsHours } from '../../../forms/attendance-schema';
import { type FormContext, parcoursLabel } from '../../../forms/form-context';
import { byId, clear, dayFr, el, fillSelect, same } from '../../dom';
import { bindForm, showSuccess } from '../../form-controller';
import { inParcoursOn, parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

startPage((context: FormContext) => {
  const form = byId<HTMLFormElement>('form');
  const workshop = byId<HTMLSelectElement>('workshop');
  const date = byId<HTMLInputElement>('date');
  const tbody = byId('rows');
  const add = byId<HTMLSelectElement>('addParticipant');
  fillSelect(workshop, same(context.workshops.filter((w) => w.active).map((w) => w.name)), 'Choisissez un atelier');
  date.value = context.today;
  let rows: AttendanceSheetRow[] = [];
  let loaded: { workshop: string; date: string } | null = null;

  const sessionHours = (): number | null => context.workshops.find((w) => w.name === workshop.value)?.sessionHours ?? null;

  const render = (): void => {
    clear(tbody);
    rows.forEach((r, i) => {
      const status = el('select', { attrs: { name: `rows.${i}.status`, 'aria-label': `Présence de ${r.label}` } });
      fillSelect(status, same(PRESENCE_STATUSES));
      status.value = r.status || 'Présent';
      const hours = el('input', {
        attrs: { type: 'text', inputmode: 'decimal', name: `rows.${i}.hours`, 'aria-label': `Heures de ${r.label}` },
      });
      hours.value = r.hours === null ? '' : String(r.hours).replace('.', ',');
      const hint = sessionHours();
      hours.placeholder = hint === null ? '' : String(hint).replace('.', ',');
      status.addEventListener('change', () => {
        r.status = status.value;
        if (!countsHours(status.value)) hours.value = '';
      });
      hours.addEventListener('input', () => {
        r.hours = null;
      });
      const name = el('td', { className: 'name' }, [
        el('span', { text: r.label }),
        ...(r.savedRow ? [el('div', { className: 'hint', text: `déjà saisi (ligne ${r.savedRow})` })] : []),
        el('div', { className: 'error', attrs: { 'data-error-for': `rows.${i}.id`, hidden: '' } }),
      ]);
      tbody.appendChild(
        el('tr', { attrs: { 'data-id': r.id } }, [
          name,
          el('td', {}, [status, el('div', { className: 'error', attrs: { 'data-error-for': `rows.${i}.status`, hidden: '' } })]),
          el('td', {}, [hours, el('div', { className: 'error', attrs: { 'data-error-for': `rows.${i}.hours`, hidden: '' } })]),
        ]),
      );
    });
    byId('rowsTable').hidden = rows.length === 0;
    byId('addGroup').hidden = loaded === null;
    const listed = new Set(rows.map((r) => r.id));
    fillSelect(add, parcoursChoices(context, (p) => !listed.has(p.id) && inParcoursOn(p, date.value)), 'Choisissez…');
  };

  const load = (): void => {
    loaded = null;
    rows = [];
    byId('sessionInfo').textContent = '';
    render();
    if (workshop.value === '' || !/^\d{4}-\d{2}-\d{2}$/.test(date.value)) return;
    const wanted = { workshop: workshop.value, date: date.value };
    serverCall('getAttendanceSession', wanted.workshop, wanted.date).then((answer) => {
      if (!answer.ok || workshop.value !== wanted.workshop || date.value !== wanted.date) return;
      loaded = wanted;
      rows = answer.rows;
      const saved = rows.filter((r) => r.savedRow !== null).length;
      byId('sessionInfo').textContent =
        saved > 0
          ? `Séance du ${dayFr(wanted.date)} déjà saisie : ${saved} ligne(s), modifiées sur place.`
          : `Nouvelle séance du ${dayFr(wanted.date)} : ${rows.length} participant(s) de l'atelier.`;
      render();
    });
  };
  workshop.addEventListener('change', load);
  date.addEventListener('change', load);
  byId('addButton').addEventListener('click', () => {
    const p = context.parcours.find((x) => x.id === add.value);
    if (!p) return;
    rows.push({ id: p.id, label: parcoursLabel(p), status: 'Présent', hours: null, comment: null, savedRow: null });
    render();
  });

  const collect = (): AttendanceInput => ({
    workshop: workshop.value,
    date: date.value,
    rows: rows.map((r, i) => ({
      id: r.id,
      status: (form.querySelector<HTMLSelectElement>(`[name="rows.${i}.status"]`)?.value ?? r.status) as string,
      hours: form.querySelector<HTMLInputElement>(`[name="rows.${i}.hours"]`)?.value ?? '',
      comment: r.comment,
    })),
  });

  bindForm({
    form,
    schema: () => attendanceSchema(context),
    collect,
    submit: (payload) => serverCall('saveAttendance', payload),
    onSuccess: (answer) => {
      showSuccess(`Présences enregistrées : ${answer.added} ajoutée(s), ${answer.updated} modifiée(s).`);
      load();
    },
  });
});
