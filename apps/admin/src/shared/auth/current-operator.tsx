import type { OperatorDto } from '@autobuy/contracts';
import { createContext, useContext, type ReactNode } from 'react';

const CurrentOperatorContext = createContext<OperatorDto | null>(null);

/** Provided by the app once the session is known, so any page can ask who is logged in. */
export function CurrentOperatorProvider(props: { operator: OperatorDto; children: ReactNode }) {
  return (
    <CurrentOperatorContext.Provider value={props.operator}>
      {props.children}
    </CurrentOperatorContext.Provider>
  );
}

export function useCurrentOperator(): OperatorDto | null {
  return useContext(CurrentOperatorContext);
}

export function useIsAdmin(): boolean {
  return useCurrentOperator()?.role === 'admin';
}
