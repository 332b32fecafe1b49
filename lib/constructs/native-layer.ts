import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Stack } from 'aws-cdk-lib';
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { NativeModule } from '../../functions/contract.ts';
import { projectRoot } from '../bundling.ts';

/**
 * What each native module needs on Lambda (Linux, arm64, glibc) besides its own JavaScript:
 * the prebuilt binaries npm would pick on that platform. The project's node_modules holds the
 * build machine's binaries, so the layer is installed for the Lambda platform instead.
 */
const platformPackages: Record<NativeModule, readonly string[]> = {
  sharp: ['@img/sharp-linux-arm64', '@img/sharp-libvips-linux-arm64'],
};

type LockPackages = Record<string, { version: string; dependencies?: Record<string, string> }>;

/** `name@version` for the module, its dependencies (transitively) and its platform binaries, as package-lock.json pins them. */
export function layerPackages(module: NativeModule, lock: LockPackages): string[] {
  const pinned = new Map<string, string>();
  const visit = (name: string) => {
    if (pinned.has(name)) return;
    const entry = lock[`node_modules/${name}`];
    if (!entry) throw new Error(`package-lock.json pins no ${name} (needed by the ${module} layer)`);
    pinned.set(name, entry.version);
    for (const dependency of Object.keys(entry.dependencies ?? {})) visit(dependency);
  };
  visit(module);
  for (const name of platformPackages[module]) visit(name);
  return [...pinned].map(([name, version]) => `${name}@${version}`).sort();
}

function readLock(): LockPackages {
  return JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')).packages;
}

/**
 * Installs the layer's packages once per pinned set into node_modules/.cache (a synth, and every
 * synth in the tests, then copies it), fetched from the npm registry like the project's other
 * pinned tools. npm refuses to install a foreign platform's package by name, so the binaries
 * come in as the module's optional dependencies for `--cpu=arm64`, and are checked against the
 * versions the lock pins.
 */
function installed(packages: readonly string[], binaries: readonly string[], key: string): string {
  const dir = join(projectRoot, 'node_modules', '.cache', 'native-layers', key);
  if (existsSync(join(dir, 'node_modules'))) return dir;
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The first synth on a machine fetches the packages (~10 MB): say so, it takes a while.
  process.stderr.write(
    `Lambda layer: installing ${packages.join(', ')} for Linux arm64 into node_modules/.cache/native-layers (once)\n`,
  );
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      staging,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--os=linux',
      '--cpu=arm64',
      '--libc=glibc',
      ...packages.filter((p) => !binaries.includes(p)),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (const binary of binaries) {
    const at = binary.lastIndexOf('@');
    const file = join(staging, 'node_modules', binary.slice(0, at), 'package.json');
    const version = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : 'nothing';
    if (version !== binary.slice(at + 1))
      throw new Error(`layer ${key}: npm installed ${version} for ${binary}`);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return dir;
}

const layerSource = fileURLToPath(new URL('.', import.meta.url));

/**
 * The stack's one layer for a native module (`nodejs/node_modules/<packages>`, which the
 * Node.js runtime resolves), shared by every function that lists the module. Its asset hash is
 * the pinned package set, so a synth changes it only when package-lock.json does.
 */
export function nativeLayer(scope: Construct, module: NativeModule): LayerVersion {
  const stack = Stack.of(scope);
  const id = `NativeLayer-${module}`;
  const existing = stack.node.tryFindChild(id);
  if (existing) return existing as LayerVersion;
  const packages = layerPackages(module, readLock());
  const binaries = packages.filter((p) => platformPackages[module].some((name) => p.startsWith(`${name}@`)));
  const key = `${module}-linux-arm64-${packages.join('+').replace(/[^A-Za-z0-9.+-]/g, '_')}`;
  return new LayerVersion(stack, id, {
    description: `${module} for Linux arm64: ${packages.join(', ')}`.slice(0, 256),
    compatibleRuntimes: [Runtime.NODEJS_24_X],
    compatibleArchitectures: [Architecture.ARM_64],
    code: Code.fromAsset(layerSource, {
      assetHashType: AssetHashType.CUSTOM,
      assetHash: key,
      bundling: {
        // Never used: the local install below always succeeds or throws.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
        local: {
          tryBundle(outputDir) {
            cpSync(
              join(installed(packages, binaries, key), 'node_modules'),
              join(outputDir, 'nodejs', 'node_modules'),
              {
                recursive: true,
              },
            );
            return true;
          },
        },
      },
    }),
  });
}
