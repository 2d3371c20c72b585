/** The real reports in ../shared/seeds (DOMAIN.md §3), when that folder exists. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SEEDS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
export const haveSeeds = existsSync(SEEDS_DIR);
/** `{ skip: needsSeeds }`: the reason a seed test skips on a clone without ../shared (said in the test output). */
export const needsSeeds: string | undefined = haveSeeds
  ? undefined
  : 'no ../shared/seeds beside the repository (the real reports of DOMAIN.md §3)';

/** Seed text by number (0 … 4). */
export function seed(n: number): string {
  const prefix = String(n).padStart(3, '0') + '_';
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${n} not found in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

export function seedPath(n: number): string {
  const prefix = String(n).padStart(3, '0') + '_';
  return join(
    SEEDS_DIR,
    readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix))!,
  );
}
