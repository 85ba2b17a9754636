/**
 * The storefront widget as shops embed it: one ES module (`/widget/restock-widget.js`) and one classic script
 * (`/widget/restock-widget.classic.js`) for pages without modules, each a single file with nothing else to load.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  resolve: { alias: { 'restock/client': fileURLToPath(new URL('./src/client/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./dist/web/widget/', import.meta.url)),
    emptyOutDir: false,
    // Custom elements with private fields: every browser that runs custom elements today runs ES2022 as it is.
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      // The classic script has no import.meta; the element reads its own address from document.currentScript
      // there, so the empty import.meta the bundler leaves is expected, not worth a warning on every build.
      checks: { emptyImportMeta: false },
      // Library builds keep the ES module unminified by default; shops load this file on every product page.
      output: { minify: true },
    },
    lib: {
      entry: fileURLToPath(new URL('./web/widget/restock-availability.ts', import.meta.url)),
      name: 'RestockWidget',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'restock-widget.js' : 'restock-widget.classic.js'),
    },
  },
  logLevel: process.env.CI ? 'warn' : 'info',
});
