/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "msw" starts the demo backend in the browser; "http" talks to VITE_API_BASE_URL. */
  readonly VITE_BACKEND?: 'msw' | 'http'
  readonly VITE_API_BASE_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
