// The VS Code extension as CI packages it: .ci/run builds editors/vscode/heapscope.vsix (`npm ci && npm run package`
// in editors/vscode) before the tests run, and this test opens that file as VS Code would install it. A .vsix is a
// zip; Debian's unzip (installed by .ci/run where missing) reads it. Locally, build it first the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import { repoRoot } from '../helpers/paths.js';

const extensionDir = join(repoRoot, 'editors', 'vscode');
const vsixPath = join(extensionDir, 'heapscope.vsix');

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[] }> };
    commands: { command: string; title: string }[];
  };
}

function readVsix(): { files: string[]; manifest: Manifest; bundle: string } {
  assert.ok(existsSync(vsixPath), `${vsixPath} is missing: build it with \`cd editors/vscode && npm ci && npm run package\``);
  const unzip = (...args: string[]) => execFileSync('unzip', [...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return {
    files: unzip('-Z1', vsixPath).split('\n').filter(Boolean).sort(),
    manifest: JSON.parse(unzip('-p', vsixPath, 'extension/package.json')) as Manifest,
    bundle: unzip('-p', vsixPath, 'extension/dist/extension.js'),
  };
}

const levels = ['error', 'warning', 'information', 'hint'];

test('the .vsix holds the bundle, the manifest and its translations, README and LICENSE and nothing else; its manifest is the source one', () => {
  const { files, manifest } = readVsix();
  assert.deepEqual(files, [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/LICENSE.txt',
    'extension/dist/extension.js',
    'extension/package.json',
    'extension/package.nls.json',
    'extension/package.nls.zh-cn.json',
    'extension/readme.md',
  ]);
  // A .vsix left from an older package.json would check the wrong settings.
  assert.deepEqual(manifest, JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')));
  assert.equal(manifest.name, 'heapscope');
  assert.equal(manifest.publisher, 'heapscope');
  assert.equal(manifest.main, './dist/extension.js');
  assert.deepEqual(manifest.activationEvents, ['onLanguage:go', 'workspaceContains:**/go.mod']);
  // The engine is the one the bundled vscode-languageclient asks for (its lockfile entry), not older.
  const lock = JSON.parse(readFileSync(join(extensionDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { vscode?: string } }>;
  };
  assert.equal(manifest.engines.vscode, lock.packages['node_modules/vscode-languageclient']?.engines?.vscode);
});

test('the .vsix contributes the settings and commands the extension reads', () => {
  const { manifest, bundle } = readVsix();
  const props = manifest.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), [
    'heapscope.lang',
    'heapscope.minSeverity',
    'heapscope.path',
    'heapscope.serveUrl',
    'heapscope.severity.cold',
    'heapscope.severity.hot',
    'heapscope.severity.other',
    'heapscope.trace.server',
  ]);
  assert.equal(props['heapscope.path']?.default, 'heapscope');
  for (const key of ['minSeverity', 'severity.hot', 'severity.other', 'severity.cold']) {
    const p = props[`heapscope.${key}`]!;
    assert.deepEqual(p.enum, levels, key);
    assert.ok(levels.includes(p.default as string), key);
  }
  assert.deepEqual(props['heapscope.trace.server']?.enum, ['off', 'messages', 'verbose']);
  assert.deepEqual(props['heapscope.lang']?.enum, ['', 'en', 'zh-CN']);
  assert.equal(props['heapscope.lang']?.default, '');
  const commands = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(commands, ['heapscope.measureFunction', 'heapscope.restart', 'heapscope.showOutput']);
  // Every contributed command is registered and every setting read by the bundled code (trace.server is read by
  // vscode-languageclient under the client's id, `heapscope`).
  const read = Object.keys(props)
    .map((k) => k.slice('heapscope.'.length))
    .filter((k) => k !== 'trace.server');
  for (const id of [...commands, ...read]) assert.ok(bundle.includes(`"${id}"`), id);
});

test("the bundle is self-contained: it loads as CommonJS and requires only 'vscode' and Node's built-ins", () => {
  const { bundle } = readVsix();
  compileFunction(bundle, ['exports', 'require', 'module', '__filename', '__dirname']);
  const required = new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
  assert.ok(required.has('vscode'), 'vscode is required at run time, not bundled');
  const outside = [...required].filter((id) => id !== 'vscode' && !builtinModules.includes(id.replace(/^node:/, '')));
  assert.deepEqual(outside, [], 'modules the .vsix does not carry');
  // vscode-languageclient is inside: its stdio transport spawns the server.
  assert.match(bundle, /child_process/);
  assert.match(bundle, /"lsp"/);
});

test('every %key% of the manifest (descriptions, titles) is in package.nls.json and package.nls.zh-cn.json, in Chinese there', () => {
  const { files } = readVsix();
  const unzip = (name: string): string => execFileSync('unzip', ['-p', vsixPath, name], { encoding: 'utf8' });
  const keys = [...unzip('extension/package.json').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.includes('config.lang') && keys.includes('command.restart'), JSON.stringify(keys));
  assert.ok(files.includes('extension/package.nls.zh-cn.json'));
  const en = JSON.parse(unzip('extension/package.nls.json')) as Record<string, string>;
  const zh = JSON.parse(unzip('extension/package.nls.zh-cn.json')) as Record<string, string>;
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const k of keys) {
    assert.ok(en[k], k);
    // Chinese prose: a CJK character in every text but the names of languages kept as their own words.
    assert.match(zh[k] ?? '', /[\u4e00-\u9fff]/, k);
  }
});
