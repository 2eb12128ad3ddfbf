/** Built extensions as folders the lifecycle tests own: copies of dist, with a newer version when asked. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The version in the manifest of the extension folder `dir`. */
export const manifestVersion = (dir: string): string =>
  (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { version: string }).version;

/** The next version after `version`: its last number plus one (0.1.0 → 0.1.1). */
export function nextVersion(version: string): string {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1] = parts.at(-1)! + 1;
  return parts.join('.');
}

/**
 * Replaces the contents of `to` with a copy of the built extension `from`, optionally with its
 * manifest's version set to `version` (everything else, the add-on id included, unchanged).
 */
export function copyExtension(from: string, to: string, version?: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  if (version === undefined) return;
  const file = path.join(to, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  writeFileSync(file, JSON.stringify({ ...manifest, version }));
}
