// Builds what `clasp push` sends (dist/) and the local command line (build/).
//  - dist/Code.js: the server bundle, an IIFE, then one top-level stub per exported handler,
//    because Apps Script only sees top-level function declarations (menus, google.script.run, triggers).
//  - dist/<Page>.html: one single-file HTML per sidebar or dialog, its script and style inlined.
//  - dist/appsscript.json: the manifest.
//  - build/cli.js: the `parcours` command line and the local Apps Script runtime (never pushed).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';

const root = new URL('..', import.meta.url).pathname;
// PARCOURS_DIST lets parallel work (or a test run) build somewhere else than dist/.
const dist = process.env.PARCOURS_DIST ? resolve(process.env.PARCOURS_DIST) : join(root, 'dist');
const cliOut = process.env.PARCOURS_DIST ? `${dist}-cli/cli.js` : join(root, 'build/cli.js');
const GLOBAL_NAME = '__parcours';

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

async function buildServer() {
  const result = await build({
    entryPoints: [join(root, 'src/server/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  // The exported names are read from the bundle itself, in an empty realm: loading it must have no side effect.
  const sandbox = {};
  vm.runInNewContext(`${bundle}\nthis.__names = Object.keys(${GLOBAL_NAME});`, sandbox);
  const names = sandbox.__names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)).sort();
  const stubs = names.map((name) => `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}`);
  const header = '// Parcours — généré par `npm run build` : ne pas modifier ici, voir src/.\n';
  writeFileSync(join(dist, 'Code.js'), `${header}${bundle}\n${stubs.join('\n')}\n`);
  return names;
}

/** Each folder of src/client/pages/ with page.html and main.ts becomes dist/<Folder>.html. */
async function buildPages() {
  const pagesDir = join(root, 'src/client/pages');
  if (!existsSync(pagesDir)) return [];
  const pages = [];
  for (const entry of readdirSync(pagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(pagesDir, entry.name);
    const template = readFileSync(join(dir, 'page.html'), 'utf8');
    const result = await build({
      entryPoints: [join(dir, 'main.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2019',
      platform: 'browser',
      charset: 'utf8',
      minify: true,
      legalComments: 'none',
      write: false,
      logLevel: 'warning',
      loader: { '.css': 'text' },
    });
    // A literal `</script` inside the code would close the inline script early.
    const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    const css = readFileSync(join(root, 'src/client/styles/addon.css'), 'utf8');
    const html = template
      .replace('<!-- STYLE -->', () => `<style>\n${css}</style>`)
      .replace('<!-- SCRIPT -->', () => `<script>\n${script}</script>`);
    writeFileSync(join(dist, `${entry.name}.html`), html);
    pages.push(entry.name);
  }
  return pages;
}

async function buildCli() {
  await build({
    entryPoints: [join(root, 'cli/parcours.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: cliOut,
    packages: 'external',
    sourcemap: 'inline',
    // Built outside the repository (PARCOURS_DIST), the CLI must still find the project's packages.
    ...(process.env.PARCOURS_DIST ? { banner: { js: `module.paths.push(${JSON.stringify(join(root, 'node_modules'))});` } } : {}),
    logLevel: 'warning',
  });
}

const names = await buildServer();
const pages = await buildPages();
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
if (existsSync(join(root, 'cli/parcours.ts'))) await buildCli();
if (!process.env.PARCOURS_QUIET_BUILD) {
  console.log(`dist/Code.js : ${names.length} fonctions globales ; pages : ${pages.join(', ') || 'aucune'}`);
}
