import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertJdk, javaHome, MissingToolError } from '../../local/servers/toolchain.ts';

const saved = { JAVA_HOME: process.env.JAVA_HOME };
afterEach(() => {
  if (saved.JAVA_HOME === undefined) delete process.env.JAVA_HOME;
  else process.env.JAVA_HOME = saved.JAVA_HOME;
});

describe('the toolchain check before the local servers start', () => {
  it('says in one sentence what to install when Java is missing', () => {
    process.env.JAVA_HOME = '/nonexistent/jdk';
    expect(() => javaHome()).toThrow(MissingToolError);
    expect(() => javaHome()).toThrow(/need Java 17 or newer: install openjdk-17-jdk-headless/);
  });

  it('finds the machine Java 17+ home, a JDK', () => {
    delete process.env.JAVA_HOME;
    expect(javaHome()).toMatch(/jvm|java|jdk/i);
    expect(() => assertJdk(javaHome())).not.toThrow();
  });

  it('says what to install when the Java is a runtime without the JDK compiler', () => {
    const jre = mkdtempSync(join(tmpdir(), 'sourcefront-jre-'));
    mkdirSync(join(jre, 'bin'));
    writeFileSync(join(jre, 'bin', 'java'), '');
    expect(() => assertJdk(jre)).toThrow(MissingToolError);
    expect(() => assertJdk(jre)).toThrow(/install openjdk-17-jdk-headless/);
  });
});
