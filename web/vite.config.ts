import { defineConfig } from 'vite';

// The built files are embedded in the backstride binary (cmake/EmbedWeb.cmake), which
// serves them and the API from one address; `npm run dev` proxies the API to a running
// `backstride serve`.
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', assetsDir: 'assets', sourcemap: false, chunkSizeWarningLimit: 200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
