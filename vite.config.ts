import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toMatchPattern } from './src/records/url-pattern';

/**
 * Where the content script runs: exactly the pages of the bundled documents (their URL
 * patterns in src/records/bundled/*.json), and so the only host access the extension asks for.
 */
function bundledMatches(): string[] {
  const dir = fileURLToPath(new URL('src/records/bundled/', import.meta.url));
  const patterns = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => (JSON.parse(readFileSync(dir + file, 'utf8')) as { documents: { urlPatterns: string[] }[] }).documents)
    .flatMap((doc) => doc.urlPatterns);
  return [...new Set(patterns.map(toMatchPattern))].sort();
}

/** `vite build --mode chrome|firefox` writes one unpacked extension per browser from one manifest. */
export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    publicDir: 'public',
    build: {
      outDir: fileURLToPath(new URL(`dist/${browser}`, import.meta.url)),
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    },
    plugins: [
      webExtension({
        browser,
        manifest: 'manifest.json',
        // Its validation downloads a schema from the internet, which CI cannot reach.
        skipManifestValidation: true,
        disableAutoLaunch: true,
        additionalInputs: ['popup/options.html'],
        // The content script's matches and host access are the bundled documents' pages. Host
        // access lets the background hear when a tab there changes address (history API).
        transformManifest: (manifest) => {
          const matches = bundledMatches();
          return {
            ...manifest,
            content_scripts: manifest.content_scripts?.map((script) => ({ ...script, matches })),
            host_permissions: matches,
          };
        },
      }),
    ],
  };
});
