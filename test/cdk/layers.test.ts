/**
 * The CDK app is built only from the registries and its own code: nothing under lib/ imports
 * the local platform (local/), directly or through another module. esbuild resolves every
 * lib/ file's imports the way a deploy does (packages left out), so a re-export or a chain of
 * imports counts too.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../project.ts';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(projectRoot, join(e.parentPath, e.name)));
}

/** Every project file reachable from `entries`, each with the chain of imports that reaches it. */
async function reachable(entries: string[]): Promise<Map<string, string[]>> {
  const { metafile } = await build({
    entryPoints: entries,
    absWorkingDir: projectRoot,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const inputs = (metafile as Metafile).inputs;
  const chains = new Map<string, string[]>(entries.map((e) => [e, [e]]));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.external || chains.has(imported.path)) continue;
      chains.set(imported.path, [...chains.get(file)!, imported.path]);
      queue.push(imported.path);
    }
  }
  return chains;
}

/** Chains from any of `entries` into local/. */
async function localImports(entries: string[]): Promise<string[]> {
  const chains = await reachable(entries);
  return [...chains.entries()].filter(([file]) => file.startsWith('local/')).map(([, c]) => c.join(' → '));
}

describe('layers: lib/ imports nothing from local/', () => {
  const libFiles = tsFiles(join(projectRoot, 'lib'));

  it('no lib/ file reaches a local/ module, directly or through other modules', async () => {
    expect(libFiles).toContain('lib/app.ts');
    expect(await localImports(libFiles)).toEqual([]);
  });

  it('the check is not blind: it names a direct import and one made through another module', async () => {
    const probe = join(projectRoot, '.local', 'layers-probe');
    mkdirSync(probe, { recursive: true });
    writeFileSync(join(probe, 'entry.ts'), "export { projectRoot } from './middle.ts';\n");
    writeFileSync(join(probe, 'middle.ts'), "export { projectRoot } from '../../local/paths.ts';\n");
    try {
      expect(await localImports(['.local/layers-probe/entry.ts'])).toContain(
        '.local/layers-probe/entry.ts → .local/layers-probe/middle.ts → local/paths.ts',
      );
      expect(await localImports(['bench/run-all.ts'])).toContain('bench/run-all.ts → local/paths.ts');
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  });
});
