// The global styles come first, so that a component's module can refine them.
import './app/tokens.css'
import './app/base.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { App } from './app/app'
import type { DemoControls } from './app/demo-controls'
import errorPageStyles from './app/error-page.module.css'
import { createHttpBackend } from './backend/http-backend'
import { localTokenStorage } from './backend/token-storage'

const container = document.getElementById('root') ?? document.body

async function start() {
  let demo: DemoControls | null = null
  if (import.meta.env.VITE_BACKEND === 'msw') {
    const { startDemoBackend } = await import('../mocks/browser')
    demo = await startDemoBackend()
  }
  const tokens = localTokenStorage()
  const backend = createHttpBackend({
    baseUrl: import.meta.env.VITE_API_BASE_URL || '/api',
    getToken: () => tokens.get(),
    session: import.meta.env.VITE_BACKEND === 'http' ? 'cookie' : 'bearer',
  })
  createRoot(container).render(
    <StrictMode>
      <BrowserRouter>
        <App backend={backend} tokens={tokens} demo={demo} />
      </BrowserRouter>
    </StrictMode>,
  )
}

start().catch((error: unknown) => {
  console.error(error)
  container.innerHTML = ''
  const message = document.createElement('div')
  message.className = errorPageStyles.errorPage ?? ''
  message.setAttribute('role', 'alert')
  message.innerHTML = '<h1>Rundbrief konnte nicht starten</h1>'
  const detail = document.createElement('p')
  detail.textContent =
    'Das Demo-Backend ließ sich in diesem Browser nicht starten. Bitte laden Sie die Seite neu oder verwenden Sie einen aktuellen Browser.'
  message.append(detail)
  container.append(message)
})
