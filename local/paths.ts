import { join } from 'node:path';
import { projectRoot } from '../project.ts';

/** The repository root, whatever the current directory is (defined in project.ts, shared with lib/). */
export { projectRoot };

/** Everything the local platform fetches or writes lives under `.local/` (git-ignored). */
export const localDir = join(projectRoot, '.local');
export const serversDir = join(localDir, 'servers');
export const dataDir = join(localDir, 'data');
export const logsDir = join(localDir, 'logs');
export const secretsDir = join(localDir, 'secrets');
/** Every message the local platform sends, one `.eml` file each. */
export const mailDir = join(localDir, 'mail');
/** The asset store: seeded and mirrored images, served by the gateway under `/assets/`. */
export const assetsDir = join(localDir, 'assets');
