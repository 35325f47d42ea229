import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type LoadedBundle, loadBuiltBundle } from '../../runtime/bundle-loader';
import type { RuntimeOptions } from '../../runtime/apps-script-runtime';

/** dist/ as `npm run build` wrote it (or PARCOURS_DIST): the very files `clasp push` sends. */
export const DIST_DIR = process.env.PARCOURS_DIST
  ? resolve(process.env.PARCOURS_DIST)
  : join(__dirname, '..', '..', 'dist');

export function loadDist(options: RuntimeOptions = {}): LoadedBundle {
  if (!existsSync(join(DIST_DIR, 'Code.js'))) {
    throw new Error(`${DIST_DIR}/Code.js manque : lancez « npm run build » avant les tests (npm test le fait).`);
  }
  return loadBuiltBundle(DIST_DIR, options);
}
