/** The operator dashboard: React 19, TanStack Query for data, wouter for routes under /dashboard. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { Router } from 'wouter';
import { queryClient } from './app/api.ts';
import { AuthProvider } from './app/auth.tsx';
import { App } from './app/App.tsx';
import './dashboard.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <Router base="/dashboard">
            <App />
          </Router>
        </AuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
