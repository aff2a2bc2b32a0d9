import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/index.js';
import { App } from './app/App.js';
import './app/styles.css';

// A saved choice of English waits for its strings (a chunk of their own); zh-CN, the default, renders at once.
const container = document.getElementById('root');
void i18nReady
  .catch(() => undefined)
  .then(() => {
    if (container)
      createRoot(container).render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
  });
