/** Loads the pickable customers once per sidebar (one server call, one read of Customers). */
import { useEffect, useState } from 'preact/hooks';
import type { CustomerList } from '../../server/forms/types';
import { serverCall } from './server';
import type { ActionState } from './components';

export function useCustomerList(action: ActionState): {
  list: CustomerList | null;
  reload: () => Promise<CustomerList | undefined>;
} {
  const [list, setList] = useState<CustomerList | null>(null);
  const reload = async () => {
    const result = await action.run(() => serverCall('apiListCustomers'));
    if (result) setList(result);
    return result;
  };
  useEffect(() => {
    void reload();
    // Loaded once when the sidebar opens; saves refresh it explicitly.
  }, []);
  return { list, reload };
}
