import { defineConfig, type Plugin } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HIGHLIGHT_CSS } from './content/highlight-styles';
import { SEVERITY_PROPERTIES_CSS } from './popup/severity-properties';
import { browserMatchPatterns } from './src/records/url-pattern';

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
  return browserMatchPatterns(patterns);
}

/** The plugin's name, by which tests find it and read the stylesheets as the build writes them. */
export const SEVERITY_STYLES_PLUGIN = 'termlight-severity-styles';

/**
 * The two stylesheets painted with the severity colours, written from src/ui/severity-colours.ts
 * so each colour has one home: content/highlights.css (which the manifest injects into pages)
 * is made whole from content/highlight-styles.ts, with no file of that name in the source, and
 * popup/styles.css gets the colours' custom properties at its top.
 */
function severityStyles(): Plugin {
  const highlights = fileURLToPath(new URL('content/highlights.css', import.meta.url));
  const popupStyles = fileURLToPath(new URL('popup/styles.css', import.meta.url));
  return {
    name: SEVERITY_STYLES_PLUGIN,
    enforce: 'pre',
    resolveId: (id) => (id === highlights ? id : null),
    load: (id) => (id === highlights ? HIGHLIGHT_CSS : null),
    transform: (code, id) => (id === popupStyles ? SEVERITY_PROPERTIES_CSS + code : null),
  };
}

/** `vite build --mode chrome|firefox` writes one unpacked extension per browser from one manifest. */
export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    publicDir: 'public',
    build: {
      // TERMLIGHT_DIST: another folder than dist/, so two builds on one machine keep apart.
      outDir: fileURLToPath(new URL(`${process.env.TERMLIGHT_DIST ?? 'dist'}/${browser}`, import.meta.url)),
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    },
    plugins: [
      severityStyles(),
      webExtension({
        browser,
        manifest: 'manifest.json',
        // Its validation downloads a schema from the internet, which CI cannot reach.
        skipManifestValidation: true,
        disableAutoLaunch: true,
        additionalInputs: ['popup/options.html', 'popup/record.html'],
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
