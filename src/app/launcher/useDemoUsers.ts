import { useEffect, useState } from 'react';
import { fetchDemoUsers, type DemoUser } from '../../adapters/auth/sandboxDemoUsers';

export type DemoUsersView = { status: 'loading' } | { status: 'ready'; users: DemoUser[] } | { status: 'error' };

/** The sandbox's demo users who can sign in: people, not their guest accounts in the other tenant (nor e-mail-only). */
export const useDemoUsers = (sandboxOrigin: string): DemoUsersView => {
  const [view, setView] = useState<DemoUsersView>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setView({ status: 'loading' });
    void fetchDemoUsers(sandboxOrigin).then((outcome) => {
      if (!live) return;
      setView(
        outcome.ok
          ? {
              status: 'ready',
              users: outcome.value.filter((user) => user.kind !== 'emailOnly' && user.kind !== 'guest'),
            }
          : { status: 'error' },
      );
    });
    return () => {
      live = false;
    };
  }, [sandboxOrigin]);
  return view;
};
