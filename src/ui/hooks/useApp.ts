import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../../state/index';

/** The app store, provided once by `main.tsx`. */
export const AppStoreContext = createContext<AppStore | null>(null);

/** The store itself (for actions that need no re-render). */
export function useAppStore(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useApp: no AppStoreContext provider (main.tsx provides it)');
  return store;
}

/** Reads a slice of app state; re-renders when the selected value changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
