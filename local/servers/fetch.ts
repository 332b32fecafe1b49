import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serversDir } from '../paths.ts';
import {
  DYNAMODB_LOCAL_VERSION,
  dynamoDbLocalJar,
  type MavenArtifact,
  OPENSEARCH_VERSION,
  openSearchAnalysisCommon,
  openSearchDistribution,
  sqliteNativeLinuxX64,
} from './artifacts.ts';
import { mavenBinary } from './toolchain.ts';

const run = promisify(execFile);
const INSTALLED_MARKER = '.installed';

export class ChecksumMismatchError extends Error {}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

async function verify(file: string, expected: string): Promise<void> {
  const actual = await sha256Of(file);
  if (actual !== expected) {
    throw new ChecksumMismatchError(
      `${file} has SHA-256 ${actual}, expected ${expected}: delete .local/servers and try again; if it persists, the artifact on the registry changed and local/servers/artifacts.ts must be reviewed.`,
    );
  }
}

async function maven(args: string[]): Promise<void> {
  try {
    // -C: fail on a checksum mismatch of anything Maven downloads.
    await run(mavenBinary(), ['-q', '-B', '-C', ...args], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const detail = (error as { stdout?: string }).stdout?.split('\n').find((l) => l.includes('ERROR')) ?? '';
    throw new Error(
      `Maven could not fetch from Maven Central (${detail.trim() || (error as Error).message})`,
    );
  }
}

async function mavenCopy(artifact: MavenArtifact, outputDirectory: string): Promise<string> {
  await maven([
    'dependency:copy',
    `-Dartifact=${artifact.coordinates}`,
    `-DoutputDirectory=${outputDirectory}`,
    '-Dmdep.overWriteReleases=true',
  ]);
  const file = join(outputDirectory, artifact.fileName);
  await verify(file, artifact.sha256);
  return file;
}

/** Installs into a staging folder and renames the result into place, so an interrupted fetch
 * never leaves a half-installed server that a later run would trust. `install` returns the
 * folder that becomes the home (the staging folder itself, or one inside it). */
async function installOnce(home: string, install: (staging: string) => Promise<string>): Promise<string> {
  if (existsSync(join(home, INSTALLED_MARKER))) return home;
  const staging = `${home}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const content = await install(staging);
  await writeFile(join(content, INSTALLED_MARKER), new Date().toISOString());
  await rm(home, { recursive: true, force: true });
  await rename(content, home);
  await rm(staging, { recursive: true, force: true });
  return home;
}

function log(message: string): void {
  process.stderr.write(`[local] ${message}\n`);
}

/** Makes sure OpenSearch (integ-test-zip + analysis-common) is under .local/servers; returns its home. */
export async function ensureOpenSearch(): Promise<string> {
  const home = join(serversDir, `opensearch-${OPENSEARCH_VERSION}`);
  return installOnce(home, async (staging) => {
    log(`fetching OpenSearch ${OPENSEARCH_VERSION} from Maven Central (first run only)…`);
    const zip = await mavenCopy(openSearchDistribution, staging);
    const analysisJar = await mavenCopy(openSearchAnalysisCommon, staging);
    await run('unzip', ['-q', zip, '-d', staging]);
    const unpacked = join(staging, `opensearch-${OPENSEARCH_VERSION}`);
    const moduleDir = join(unpacked, 'modules', 'analysis-common');
    await mkdir(moduleDir, { recursive: true });
    await rename(analysisJar, join(moduleDir, openSearchAnalysisCommon.fileName));
    await writeFile(
      join(moduleDir, 'plugin-descriptor.properties'),
      [
        'description=Adds "built in" analyzers to OpenSearch.',
        `version=${OPENSEARCH_VERSION}`,
        'name=analysis-common',
        'classname=org.opensearch.analysis.common.CommonAnalysisPlugin',
        'java.version=11',
        `opensearch.version=${OPENSEARCH_VERSION}`,
        'custom.foldername=',
        'extended.plugins=',
        'has.native.controller=false',
        '',
      ].join('\n'),
    );
    await chmod(join(unpacked, 'bin', 'opensearch'), 0o755);
    log(`OpenSearch ${OPENSEARCH_VERSION} installed and verified`);
    return unpacked;
  });
}

/** Makes sure DynamoDB Local and its dependencies are under .local/servers; returns its home. */
export async function ensureDynamoDbLocal(): Promise<string> {
  const home = join(serversDir, `dynamodb-local-${DYNAMODB_LOCAL_VERSION}`);
  return installOnce(home, async (staging) => {
    log(`fetching DynamoDB Local ${DYNAMODB_LOCAL_VERSION} from Maven Central (first run only)…`);
    const lib = join(staging, 'lib');
    await maven([
      '-f',
      join(import.meta.dirname, 'dynamodb-local.pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${lib}`,
      '-DincludeScope=runtime',
    ]);
    await verify(join(lib, dynamoDbLocalJar.fileName), dynamoDbLocalJar.sha256);
    await verify(join(lib, sqliteNativeLinuxX64.fileName), sqliteNativeLinuxX64.sha256);
    log(`DynamoDB Local ${DYNAMODB_LOCAL_VERSION} installed and verified`);
    return staging;
  });
}
