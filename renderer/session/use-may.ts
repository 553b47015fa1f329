import { contract, type OperationName } from '../../shared/api/contract';
import { mayCall } from '../../shared/api/operation';
import { useSession } from './SessionContext';

/**
 * Whether the person working may call an operation, by the roles the contract declares
 * for it: the very rule main enforces, so the page hides what main would refuse with
 * FORBIDDEN instead of offering a button that can only fail.
 */
export function useMay(name: OperationName): boolean {
  const { staff } = useSession();
  return mayCall(contract[name].roles, staff.role);
}
