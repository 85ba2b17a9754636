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
    target: 'es2020',
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('./web/widget/restock-widget.js', import.meta.url)),
      name: 'RestockWidget',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'restock-widget.js' : 'restock-widget.classic.js'),
    },
  },
  logLevel: process.env.CI ? 'warn' : 'info',
});
