import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, createApiClient, type ApiClient } from './api-client';
import { useI18n } from './i18n';
import type { Me, Session, User } from './types';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'signed-in'; session: Session };

interface AuthContextValue {
  state: AuthState;
  api: ApiClient;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { locale, adoptProfileLocale } = useI18n();
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  // Refs rather than state: the client is created once and must always read the latest token and language.
  const csrfRef = useRef<string | null>(null);
  const localeRef = useRef(locale);
  localeRef.current = locale;

  const api = useMemo(
    () =>
      createApiClient({
        getCsrfToken: () => csrfRef.current,
        getLocale: () => localeRef.current,
        onUnauthorized: () => {
          csrfRef.current = null;
          setState({ status: 'anonymous' });
        },
      }),
    [],
  );

  const loadSession = useCallback(async () => {
    try {
      const me = await api.get<Me>('/api/auth/me');
      if (!me.user || !me.csrfToken) {
        // Only people sign in to the dashboard; a machine client's answer is no session here.
        setState({ status: 'anonymous' });
        return;
      }
      csrfRef.current = me.csrfToken;
      adoptProfileLocale(me.user.locale);
      setState({ status: 'signed-in', session: { ...me, user: me.user, csrfToken: me.csrfToken } });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setState({ status: 'anonymous' });
      else if (err instanceof ApiError) setState({ status: 'unavailable', error: err });
      else throw err;
    }
  }, [api, adoptProfileLocale]);

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const res = await api.post<{ user: User; csrfToken: string }>('/api/auth/login', {
        username,
        password,
      });
      csrfRef.current = res.csrfToken;
      // Permissions come only with /me; one extra request keeps the login response small.
      await loadSession();
    },
    [api, loadSession],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      csrfRef.current = null;
      setState({ status: 'anonymous' });
    }
  }, [api]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void loadSession();
  }, [loadSession]);

  const value = useMemo(() => ({ state, api, signIn, signOut, retry }), [state, api, signIn, signOut, retry]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

export function useApi(): ApiClient {
  return useAuth().api;
}

/** The signed-in session; only call below the point where the shell has checked that someone is signed in. */
export function useSession(): Session {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useSession needs a signed-in user');
  return state.session;
}
