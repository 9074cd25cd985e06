// The import scanner of test/architecture.test.ts: which modules a source text imports, and which
// of them tie it to one runtime.
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Every module specifier a source text imports: static, type-only, re-exports, dynamic import(), require(). */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

const isNodeBuiltin = (spec: string) =>
  spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!);
const nodeOnlyPackages = ['better-sqlite3', 'pg', 'nodemailer', '@hono/node-server', 'smtp-server'];
const isPackage = (spec: string, names: string[]) =>
  names.some((n) => spec === n || spec.startsWith(`${n}/`));

/** Why a module outside src/platform may not import `spec`, or null when it may. */
export function runtimeSpecific(spec: string): string | null {
  if (isNodeBuiltin(spec)) return 'a Node built-in';
  if (isPackage(spec, nodeOnlyPackages)) return 'a Node-only package';
  if (isPackage(spec, ['wrangler']) || spec.startsWith('@cloudflare/'))
    return 'Workers tooling or types';
  return null;
}

/** Why the Worker bundle may not contain `spec` (types of @cloudflare/* are fine there), or null. */
export function notForWorkerd(spec: string): string | null {
  if (isNodeBuiltin(spec)) return 'a Node built-in';
  if (isPackage(spec, [...nodeOnlyPackages, 'wrangler'])) return 'a Node-only package';
  return null;
}
