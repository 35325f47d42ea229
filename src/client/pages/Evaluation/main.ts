import { EVALUATION_TYPES, LEVELS } from '../../../domain/records';
import { type EvaluationInput, evaluationSchema, type ObjectiveProgress } from '../../../forms/evaluation-schema';
import type { FormContext } from '../../../forms/form-context';
import { byId, clear, dayFr, el, fillSelect, same } from '../../dom';
import { bindForm, readControls, showSuccess } from '../../form-controller';
import { parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

startPage((context: FormContext) => {
  const form = byId<HTMLFormElement>('form');
  const select = byId<HTMLSelectElement>('id');
  const list = byId('objectives');
  fillSelect(select, parcoursChoices(context, (p) => p.entryDate !== null), 'Choisissez un participant');
  fillSelect(byId('type'), same(EVALUATION_TYPES), '—');
  byId<HTMLInputElement>('date').value = context.today;
  let objectives: ObjectiveProgress[] = [];

  const render = (): void => {
    clear(list);
    let domain = '';
    objectives.forEach((o, i) => {
      if (o.domain !== domain) {
        domain = o.domain;
        list.appendChild(el('h2', { text: domain }));
      }
      const level = el('select', { attrs: { id: `level-${i}`, 'data-objective': String(i) } });
      fillSelect(level, same(LEVELS), 'Non évalué');
      const last = o.lastLevel ? `Dernier niveau : ${o.lastLevel} (${dayFr(o.lastDate)})` : 'Jamais évalué';
      list.appendChild(
        el('div', { className: 'objective' }, [
          el('label', { text: o.objective, attrs: { for: `level-${i}` } }),
          el('div', { className: 'last', text: last }),
          level,
        ]),
      );
    });
  };
  select.addEventListener('change', () => {
    objectives = [];
    render();
    if (select.value === '') return;
    const wanted = select.value;
    serverCall('getObjectiveProgress', wanted).then((answer) => {
      if (!answer.ok || select.value !== wanted) return;
      objectives = answer.objectives;
      render();
    });
  });

  const collect = (): EvaluationInput => {
    const base = readControls(form) as Record<string, string>;
    const items = objectives.flatMap((o, i) => {
      const level = byId<HTMLSelectElement>(`level-${i}`).value;
      return level === '' ? [] : [{ domain: o.domain, objective: o.objective, level, comment: null }];
    });
    return { id: base['id'] ?? '', date: base['date'] ?? '', type: base['type'], evaluator: base['evaluator'], items };
  };

  bindForm({
    form,
    schema: () => evaluationSchema(context),
    collect,
    submit: (payload) => serverCall('saveEvaluation', payload),
    onSuccess: (answer) => {
      showSuccess(`Évaluation enregistrée : ${answer.added} objectif(s).`);
      select.dispatchEvent(new Event('change'));
    },
  });
});
