import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';

import { isUnauthenticated } from '../../../shared/api/api-error';
import { CurrentOperatorProvider } from '../../../shared/auth/current-operator';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { LoadingBlock } from '../../../shared/ui/loading-block';

import { useMe } from '../api/get-me';
import { loginPathFor } from './safe-next-path';

/** Renders its children only for a logged-in operator; anyone else goes to the login page. */
export function RequireAuth(props: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return <LoadingBlock />;
  }
  if (me.isError) {
    if (isUnauthenticated(me.error)) {
      const here = `${location.pathname}${location.search}`;

      return <Navigate to={loginPathFor(here)} replace />;
    }

    return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  }

  return (
    <CurrentOperatorProvider operator={me.data.operator}>{props.children}</CurrentOperatorProvider>
  );
}
