/** Where tests keep what a person may want to look at afterwards (screenshots); gitignored. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export function artifact(name: string): string {
  return join(ARTIFACTS, name);
}
