import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Me, type Action } from '../../common/auth.js';
import { api, NoAnswer, setUnauthenticatedHandler } from './api.js';

type AuthState = {
  /** undefined while the session probe runs; null when signed out. */
  me: Me | null | undefined;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Replaces the caller's password; the server ends their other sessions and lifts a forced change. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<Me>;
  can: (action: Action) => boolean;
};

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    api
      .quiet('GET', '/api/auth/me', Me)
      .then(setMe)
      .catch(() => setMe(null));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const signedIn = await api.quiet('POST', '/api/auth/login', Me, { username, password });
    setMe(signedIn);
    return signedIn;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.quiet('POST', '/api/auth/logout', NoAnswer);
    } finally {
      setMe(null);
    }
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const updated = await api.quiet('POST', '/api/auth/password', Me, { currentPassword, newPassword });
    setMe(updated);
    return updated;
  }, []);

  const can = useCallback((action: Action) => me?.permissions.includes(action) ?? false, [me]);

  const value = useMemo(() => ({ me, login, logout, changePassword, can }), [me, login, logout, changePassword, can]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user; only for components rendered behind the login guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
