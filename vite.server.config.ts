import { defineConfig } from 'vite'

/** The Node server (`npm start`) and the account commands (user:add, user:list, user:passwd, user:disable, user:enable), built to dist-server/. */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        main: 'src/server/node/main.ts',
        'user-add': 'src/server/node/user-add.ts',
        'user-admin': 'src/server/node/user-admin.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
