import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { fileURLToPath } from 'node:url';

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
        // Host access to exactly the content script's sites, so the background is told when a
        // tab there changes address (history API), which Chrome withholds otherwise.
        transformManifest: (manifest) => ({
          ...manifest,
          host_permissions: [...new Set(manifest.content_scripts?.flatMap((c) => c.matches ?? []) ?? [])],
        }),
      }),
    ],
  };
});
