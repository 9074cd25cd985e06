// The layer and feature rules of test/architecture.test.ts, as data and pure functions over an
// import graph, so that the rules themselves are tested on small graphs.

/** Which top-level folders of src/ (and files at its root) a folder may import from. */
export const LAYERS: Record<string, readonly string[]> = {
  domain: ['domain'],
  db: ['db', 'domain'],
  feeds: ['feeds', 'domain'],
  notify: ['notify', 'domain'],
  app: ['app', 'db', 'feeds', 'notify', 'domain'],
  contract: ['contract', 'app', 'domain'],
  http: ['http', 'contract', 'app', 'domain'],
  web: ['web', 'contract', 'app', 'domain'],
  'server.ts': ['http', 'web', 'contract', 'app'],
  platform: [
    'platform',
    'server.ts',
    'http',
    'web',
    'contract',
    'app',
    'db',
    'feeds',
    'notify',
    'domain',
  ],
};

/** Folders whose subfolders are features: a sibling imports a feature only through its index.ts. */
export const FEATURE_ROOTS = ['domain', 'app'];
/** The pages' audiences: each may use web/shared/, none another audience's pages. */
export const WEB_AUDIENCES = ['chief', 'hr', 'staff', 'admin'];

/** A file's layer: its top-level folder under src/, or the file itself at the root. */
export const layerOf = (file: string): string => file.split('/')[0]!;

/** The feature of a file under a feature root (`app/quarantines/mark.ts` → `app/quarantines`), or null. */
export function featureOf(file: string): string | null {
  const [root, feature, rest] = file.split('/');
  return FEATURE_ROOTS.includes(root!) && rest !== undefined ? `${root}/${feature}` : null;
}

/** One import from a file under src/ to another (paths relative to src/). */
export interface Edge {
  from: string;
  to: string;
}

/** Every edge that breaks the layer table, named as `from imports to (layer may not import layer)`. */
export function layerOffences(edges: readonly Edge[]): string[] {
  return edges
    .filter((e) => !(LAYERS[layerOf(e.from)] ?? []).includes(layerOf(e.to)))
    .map(
      (e) =>
        `src/${e.from} imports src/${e.to} (${layerOf(e.from)} may not import ${layerOf(e.to)})`,
    );
}

/** Edges into another feature that bypass its index.ts, and pages of one audience using another's. */
export function featureOffences(edges: readonly Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const target = featureOf(e.to);
    if (target && featureOf(e.from) !== target && e.to !== `${target}/index.ts`)
      out.push(`src/${e.from} imports src/${e.to} (import ${target} through its index.ts)`);
    const [wa, fa] = e.from.split('/');
    const [wb, fb] = e.to.split('/');
    if (
      wa === 'web' &&
      wb === 'web' &&
      WEB_AUDIENCES.includes(fa!) &&
      WEB_AUDIENCES.includes(fb!) &&
      fa !== fb
    )
      out.push(`src/${e.from} imports src/${e.to} (web/${fa} may not use web/${fb}'s pages)`);
  }
  return out;
}

/** A circle among the features (`app/a → app/b → app/a`, each arrow with one import behind it), or null. */
export function featureCycle(edges: readonly Edge[]): string | null {
  const next = new Map<string, Map<string, Edge>>();
  for (const e of edges) {
    const a = featureOf(e.from);
    const b = featureOf(e.to);
    if (!a || !b || a === b) continue;
    if (!next.has(a)) next.set(a, new Map());
    if (!next.get(a)!.has(b)) next.get(a)!.set(b, e);
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 'open');
    path.push(n);
    for (const m of [...(next.get(n)?.keys() ?? [])].sort()) {
      if (state.get(m) === 'open') return [...path.slice(path.indexOf(m)), m];
      if (!state.has(m)) {
        const found = visit(m);
        if (found) return found;
      }
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of [...next.keys()].sort()) {
    if (state.has(n)) continue;
    const cycle = visit(n);
    if (cycle)
      return cycle
        .slice(1)
        .map((b, i) => {
          const e = next.get(cycle[i]!)!.get(b)!;
          return `${cycle[i]} → ${b} (src/${e.from} imports src/${e.to})`;
        })
        .join('; ');
  }
  return null;
}
