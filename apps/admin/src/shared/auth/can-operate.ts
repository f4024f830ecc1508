import { useCurrentOperator } from './current-operator';

/** Admins and operators run purchase operations and answer questions; viewers only look. */
export function useCanOperate(): boolean {
  const role = useCurrentOperator()?.role;

  return role === 'admin' || role === 'operator';
}
