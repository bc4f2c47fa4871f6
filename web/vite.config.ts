import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The server embeds dist/ into Waymark.Server.dll and serves it; `npm run dev` proxies the API to a running server.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800, rollupOptions: { input: { app: "index.html", shop: "demo/shop.html" } } },
  server: { proxy: { "/api": "http://127.0.0.1:5080", "/openapi": "http://127.0.0.1:5080", "/hubs": { target: "http://127.0.0.1:5080", ws: true } } },
});
