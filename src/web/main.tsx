import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { prefetchSession } from './app/auth';
import { i18n, initI18n } from './app/i18n';
import { LocaleProvider } from './app/locale';
import { createQueryClient } from './app/query-client';
import { AppRoutes } from './app/router';
import './app/styles.css';

const queryClient = createQueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// Who is signed in and the first words are fetched together, before the first paint.
prefetchSession(queryClient);
void initI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <LocaleProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </LocaleProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  ),
);
