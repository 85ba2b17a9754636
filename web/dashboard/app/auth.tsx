/**
 * Sign-in with an admin key, kept in this tab's session storage. The key is checked with `GET /v1/keys`
 * (admin only) — no made-up path, no 404 in the console. A 401/403 later (the key was revoked, or it is not an
 * admin key) signs the tab out and says why.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, adminKey, KEY_STORAGE, onAuthFailure, queryClient, RestockApiError, unwrap } from './api.ts';

export type AuthState =
  | { kind: 'signed-in' }
  | { kind: 'signed-out'; reason: 'none' | 'signed-out' | 'revoked' | 'not-admin' | 'invalid'; message?: string };

interface Auth {
  state: AuthState;
  signIn(key: string): Promise<void>;
  signOut(): void;
}

const AuthContext = createContext<Auth | null>(null);

/** The server tells a revoked key from an unknown one to nobody (401 either way): a key that worked in this tab and now fails was revoked. */
function reasonFor(err: RestockApiError, wasSignedIn: boolean): AuthState {
  if (err.status === 403) return { kind: 'signed-out', reason: 'not-admin', message: 'This key may not use the dashboard: it needs the admin scope.' };
  if (wasSignedIn) return { kind: 'signed-out', reason: 'revoked', message: 'Your key is no longer accepted: it was revoked. Sign in with another admin key.' };
  return { kind: 'signed-out', reason: 'invalid', message: 'This key is not valid. Check that you pasted all of it.' };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() => (adminKey() ? { kind: 'signed-in' } : { kind: 'signed-out', reason: 'none' }));

  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY_STORAGE);
    queryClient.clear();
    setState({ kind: 'signed-out', reason: 'signed-out' });
  }, []);

  const signIn = useCallback(async (key: string) => {
    sessionStorage.setItem(KEY_STORAGE, key.trim());
    try {
      await unwrap(api.GET('/v1/keys'));
      setState({ kind: 'signed-in' });
    } catch (err) {
      sessionStorage.removeItem(KEY_STORAGE);
      if (err instanceof RestockApiError && (err.status === 401 || err.status === 403)) {
        const s = reasonFor(err, false);
        throw new Error(s.kind === 'signed-out' ? (s.message ?? 'Not accepted') : 'Not accepted');
      }
      throw err;
    }
  }, []);

  useEffect(
    () =>
      onAuthFailure((err) => {
        sessionStorage.removeItem(KEY_STORAGE);
        queryClient.clear();
        setState(reasonFor(err, true));
      }),
    [],
  );

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}
