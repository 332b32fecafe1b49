import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory is. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Everything the local platform fetches or writes lives under `.local/` (git-ignored). */
export const localDir = join(projectRoot, '.local');
export const serversDir = join(localDir, 'servers');
export const dataDir = join(localDir, 'data');
export const logsDir = join(localDir, 'logs');
export const secretsDir = join(localDir, 'secrets');
