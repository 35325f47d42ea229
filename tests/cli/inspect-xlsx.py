"""What openpyxl (software other than ours) reads in an .xlsx: sheets, validations with their
items, column widths, print setup, defined names. Prints one JSON object."""
import json
import sys

import openpyxl
from openpyxl.utils import range_boundaries


def items(workbook, sheet, formula):
    """The dropdown items a list validation offers, as Excel would list them."""
    if formula.startswith('"'):
        return formula[1:-1].split(',')
    ref = formula.lstrip('=')
    if '!' in ref:
        name, ref = ref.rsplit('!', 1)
        sheet = workbook[name.strip("'").replace("''", "'")]
    min_col, min_row, max_col, max_row = range_boundaries(ref.replace('$', ''))
    cells = sheet.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col, values_only=True)
    return [str(row[0]) for row in cells if row[0] is not None]


workbook = openpyxl.load_workbook(sys.argv[1])
out = {'sheets': [], 'definedNames': [d.name for d in workbook.defined_names.definedName] if hasattr(workbook.defined_names, 'definedName') else list(workbook.defined_names.keys())}
for ws in workbook.worksheets:
    validations = []
    for dv in ws.data_validations.dataValidation:
        entry = {'sqref': str(dv.sqref), 'type': dv.type}
        if dv.type == 'list':
            entry['items'] = items(workbook, ws, dv.formula1)
        validations.append(entry)
    out['sheets'].append({
        'name': ws.title,
        'state': ws.sheet_state,
        'maxRow': ws.max_row,
        'headers': [c.value for c in ws[1]] if ws.max_row >= 1 else [],
        'validations': validations,
        'widths': {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        'print': {
            'paperSize': ws.page_setup.paperSize,
            'orientation': ws.page_setup.orientation,
            'fitToWidth': ws.page_setup.fitToWidth,
            'fitToHeight': ws.page_setup.fitToHeight,
            'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        },
    })
print(json.dumps(out, default=str))
