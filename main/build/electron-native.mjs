/**
 * Makes better_sqlite3.node for Electron's ABI: `node main/build/electron-native.mjs`.
 * Output: out/native/electron/better_sqlite3.node (+ stamp.json); the app passes it to
 * better-sqlite3 as `nativeBinding`. node_modules/better-sqlite3/build keeps the Node
 * build the tests load: we work on a copy and never touch it.
 * Needs the network: a prebuilt binary from GitHub, else Electron's headers from
 * electronjs.org and a C++ toolchain for a source build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const sourceDir = path.join(root, 'node_modules', 'better-sqlite3');
const outDir = path.join(root, 'out', 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function fail(message) {
  process.stderr.write(`electron-native: ${message}\n`);
  process.exit(1);
}

function electronInfo() {
  const dir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(dir)) fail('node_modules/electron is missing: run npm ci first.');
  return { version: readJson(path.join(dir, 'package.json')).version, abi: fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim() };
}

const electron = electronInfo();
const stamp = {
  electron: electron.version,
  betterSqlite3: readJson(path.join(sourceDir, 'package.json')).version,
  platform: process.platform,
  arch: process.arch,
};

function isUpToDate() {
  try {
    return fs.existsSync(outFile) && JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp);
  } catch {
    return false;
  }
}

/**
 * npm hands scripts npm_config_nodedir=/usr (and other npm_config_* settings); node-gyp
 * and prebuild-install obey them over their arguments and silently build for Node's ABI.
 * Proxy settings stay: an office behind a proxy still needs them to download.
 */
function childEnv() {
  const keep = new Set(['npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_') || keep.has(name.toLowerCase())),
  );
}

function resolveFirst(candidates) {
  for (const candidate of candidates) {
    try {
      const file = candidate();
      if (fs.existsSync(file)) return file;
    } catch {
      // Not installed there; try the next place.
    }
  }
  return null;
}

/** Runs a Node script; returns null on success, else why it failed. */
function runNode(script, args, cwd, timeoutMinutes) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    env: childEnv(),
    stdio: 'inherit',
    timeout: timeoutMinutes * 60_000,
  });
  if (result.error) return result.error.message;
  if (result.signal) return `stopped by ${result.signal} (time limit ${timeoutMinutes} min)`;
  return result.status === 0 ? null : `exit code ${result.status}`;
}

function prebuildInstall(workDir) {
  const script = resolveFirst([() => require.resolve('prebuild-install/bin.js')]);
  if (script === null) return 'prebuild-install is not installed';
  const args = ['--runtime', 'electron', '--target', electron.version, '--arch', process.arch, '--verbose'];
  return runNode(script, args, workDir, 3);
}

function nodeGyp(workDir) {
  const script = resolveFirst([
    () => require.resolve('node-gyp/bin/node-gyp.js'),
    () => path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    // Windows installs npm next to node.exe.
    () => path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]);
  if (script === null) return 'node-gyp was found neither in node_modules nor next to npm';
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electron.version}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ];
  return runNode(script, args, workDir, 20);
}

/**
 * Guards the nodedir trap: a module built for Electron refuses to load in Node, naming
 * Electron's module version. One that loads here was built for Node.
 */
function checkAbi(file) {
  try {
    process.dlopen({ exports: {} }, file);
  } catch (error) {
    const message = String(error.message);
    if (message.includes(`NODE_MODULE_VERSION ${electron.abi}`)) return null;
    if (message.includes('NODE_MODULE_VERSION')) return `built for another ABI than Electron's ${electron.abi}: ${message}`;
    // Some platforms refuse a foreign module before the version check; we cannot tell more here.
    process.stdout.write(`electron-native: could not confirm the ABI in Node (${message}); keeping the binary\n`);
    return null;
  }
  return `it loads in Node ${process.version}, so it was built for Node's ABI, not Electron's (${electron.abi})`;
}

/** Returns null when the binary was written, else why not. */
function build() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemqr-sqlite-electron-'));
  try {
    // Without build/: a leftover Node binary must never be mistaken for the product.
    fs.cpSync(sourceDir, workDir, { recursive: true, filter: (from) => !from.startsWith(path.join(sourceDir, 'build')) });
    const built = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
    const failures = [];
    for (const [name, attempt] of [
      ['prebuild-install', prebuildInstall],
      ['node-gyp', nodeGyp],
    ]) {
      process.stdout.write(`electron-native: trying ${name} for Electron ${electron.version} (${process.platform}-${process.arch})\n`);
      const why = attempt(workDir) ?? (fs.existsSync(built) ? checkAbi(built) : `no ${path.relative(workDir, built)} produced`);
      if (why === null) {
        fs.mkdirSync(outDir, { recursive: true });
        fs.copyFileSync(built, outFile);
        fs.writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
        process.stdout.write(`electron-native: wrote ${path.relative(root, outFile)} with ${name}\n`);
        return null;
      }
      failures.push(`  ${name}: ${why}`);
      fs.rmSync(built, { force: true });
    }
    return (
      `could not make better_sqlite3.node for Electron ${electron.version}.\n${failures.join('\n')}\n` +
      'This step needs the network (a prebuilt binary from GitHub, or Electron headers from electronjs.org ' +
      'plus a C++ toolchain). Run it on a networked machine. The Node build in node_modules is untouched.'
    );
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

if (isUpToDate()) {
  process.stdout.write(`electron-native: ${path.relative(root, outFile)} is up to date for Electron ${electron.version}\n`);
} else {
  const why = build();
  if (why !== null) fail(why);
}
