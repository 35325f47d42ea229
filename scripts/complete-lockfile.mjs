// Adds to package-lock.json the platform-specific optional packages (other systems' native
// binaries of Biome and of Jest's resolver) that a registry serving only this platform's builds
// leaves out. `npm ci` refuses a lock without them, even though it never installs them here.
// Run it only after regenerating the lock from scratch: `npm install` keeps these entries.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const OSES = ['android', 'darwin', 'linux', 'win32', 'freebsd', 'openharmony'];
const CPUS = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'arm'];

function platformOf(name) {
  const base = name.split('/').pop();
  const parts = base.split('-');
  const os = OSES.find((o) => parts.includes(o));
  const cpu = CPUS.find((c) => parts.includes(c));
  if (!os || !cpu) throw new Error(`Plateforme inconnue pour ${name}`);
  const libc = parts.includes('musl') || parts.includes('musleabihf') ? 'musl' : os === 'linux' ? 'glibc' : null;
  return { os, cpu, libc };
}

const added = [];
for (const entry of Object.values(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const { os, cpu, libc } = platformOf(dep);
    lock.packages[key] = {
      version,
      cpu: [cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      os: [os],
    };
    added.push(dep);
  }
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added.length} entrée(s) ajoutée(s) au package-lock.json`);
