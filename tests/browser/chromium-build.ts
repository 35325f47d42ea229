import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Chromium the browser tests drive. Debian's, when it is installed with its French resources
 * (what a French coordinator's Chrome looks like: date inputs show jj/mm/aaaa); otherwise the one
 * `npm install` brought: @sparticuz/chromium ships a headless Chromium inside the package itself,
 * so a fresh machine needs nothing installed by hand.
 */
export interface ChromiumBuild {
  origin: 'debian' | 'npm';
  executablePath: string;
  /** Variables added to the browser's environment. */
  env: Record<string, string>;
  /** With Debian's French resources the date placeholder reads jj/mm/aaaa; without, dd/mm/yyyy (same day-first order). */
  frenchPlaceholders: boolean;
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_FRENCH_RESOURCES = '/usr/lib/chromium/locales/fr.pak';
const PROJECT_ROOT = join(__dirname, '..', '..');

/** `PARCOURS_TEST_CHROMIUM=npm` forces the npm build (to try on this machine what a fresh one runs). */
export function chromiumBuild(): ChromiumBuild {
  const wanted = process.env.PARCOURS_TEST_CHROMIUM;
  if (wanted !== 'npm' && existsSync(DEBIAN_CHROMIUM) && existsSync(DEBIAN_FRENCH_RESOURCES)) {
    return { origin: 'debian', executablePath: DEBIAN_CHROMIUM, env: {}, frenchPlaceholders: true };
  }
  return npmChromium();
}

/**
 * The package holds Brotli archives; they are unpacked once into node_modules/.cache (so `npm ci`
 * starts afresh), beside the package's own libraries (NSS, which a bare Debian lacks) and fonts.
 */
function npmChromium(): ChromiumBuild {
  const packageDir = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(PROJECT_ROOT, 'node_modules', '.cache', 'parcours-chromium', version);
  if (!existsSync(join(dir, 'chromium'))) unpack(dir);
  const libraries = join(dir, 'al2023', 'lib');
  const inherited = process.env.LD_LIBRARY_PATH;
  return {
    origin: 'npm',
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: inherited ? `${libraries}:${inherited}` : libraries,
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
    frenchPlaceholders: false,
  };
}

/**
 * Unpacks into a folder of its own, then renames it into place: parallel Jest workers, or an
 * unpacking cut short, never leave a half-written browser where the next run would take it.
 * The package unpacks into the temporary folder it is given; `AWS_EXECUTION_ENV` makes it add
 * the libraries it was built against, which it otherwise keeps for Amazon Linux.
 */
function unpack(dir: string): void {
  const stage = `${dir}.partial-${process.pid}`;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  execFileSync(process.execPath, ['-e', "require('@sparticuz/chromium').executablePath().then(() => {})"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, TMPDIR: stage, AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' },
    stdio: 'pipe',
  });
  // The package's own fonts.conf names fixed folders of a Lambda; this one names where they are.
  writeFileSync(
    join(stage, 'fonts.conf'),
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${join(dir, 'fonts')}</dir>`,
      `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  try {
    renameSync(stage, dir);
  } catch (error) {
    // Another worker got there first: keep its copy.
    rmSync(stage, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw error;
  }
}
