import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A tool the local platform needs is missing; the message says what to install. */
export class MissingToolError extends Error {}

function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function javaMajorVersion(java: string): number | undefined {
  // `java -version` prints to stderr.
  const { stderr } = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const match = /version "(?:1\.)?(\d+)/.exec(stderr ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The Java home the local servers run on: JAVA_HOME when set, else the `java` on PATH. */
export function javaHome(): string {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : which('java');
  if (!java) {
    throw new MissingToolError(
      'Java 17 or newer is needed to run DynamoDB Local and OpenSearch locally: install it (on Debian: `apt-get install openjdk-17-jdk-headless`) and make sure `java` is on PATH.',
    );
  }
  const major = javaMajorVersion(java);
  if (major === undefined || major < 17) {
    throw new MissingToolError(
      `The Java at ${java} is ${major ?? 'unreadable'}, but DynamoDB Local and OpenSearch need Java 17 or newer: install openjdk-17-jdk-headless.`,
    );
  }
  return dirname(dirname(realpathSync(java)));
}

/**
 * DynamoDB Local is started through a one-file Java launcher (DynamoDbLocalOnHost.java) that
 * `java` compiles as it runs it, which needs the JDK's compiler, not only a runtime.
 */
export function assertJdk(home: string): void {
  if (!existsSync(join(home, 'bin', 'javac'))) {
    throw new MissingToolError(
      `The Java at ${home} is a runtime without the JDK compiler, which DynamoDB Local's launcher needs: install openjdk-17-jdk-headless (or point JAVA_HOME at a JDK 17+).`,
    );
  }
}

export function mavenBinary(): string {
  const mvn = which('mvn');
  if (!mvn) {
    throw new MissingToolError(
      'Maven is needed once, to fetch DynamoDB Local and OpenSearch from Maven Central into .local/: install it (on Debian: `apt-get install maven`) and run again.',
    );
  }
  return mvn;
}
