/**
 * The browser side, built by Vite into dist/web/ and served by the API process (src/http/web.ts):
 *   dashboard/  the operator dashboard (React), one page with client-side routes under /dashboard
 *   shop/       the demo shop, on the widget and the typed client
 *   portal/     the supplier portal (/portal/purchase-orders/:id?token=…), one purchase order by its signed link
 *   widget/     the widget's playground page (/widget); the widget itself is a separate library build
 *               (vite.widget.config.ts), because shops embed it as one file on their own pages.
 * Browser code imports the typed client as `restock/client`, the same name shop engineers use.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const web = fileURLToPath(new URL('./web/', import.meta.url));
const pages = ['dashboard', 'shop', 'widget', 'portal'].filter((p) => existsSync(`${web}${p}/index.html`));

export default defineConfig({
  root: web,
  base: '/',
  publicDir: false,
  plugins: [react()],
  resolve: { alias: { 'restock/client': fileURLToPath(new URL('./src/client/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    // Each page's own code and the libraries it shares with the others; the dashboard's charts load with the
    // pages that draw them.
    rollupOptions: { input: Object.fromEntries(pages.map((p) => [p, `${web}${p}/index.html`])) },
    chunkSizeWarningLimit: 1200,
  },
  logLevel: process.env.CI ? 'warn' : 'info',
});
