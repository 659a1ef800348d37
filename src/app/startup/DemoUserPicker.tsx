import { Link, Spinner, Text } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { useDemoUsers } from '../launcher/useDemoUsers';

/** Local sign-in when a page was opened without `user=`: the same page again, as the picked demo user. */
export const DemoUserPicker = ({ sandboxOrigin, href }: { sandboxOrigin: string; href: string }) => {
  const { t } = useTranslation('shell');
  const { t: tl } = useTranslation('launcher');
  const users = useDemoUsers(sandboxOrigin);
  const asUser = (upn: string) => {
    const url = new URL(href);
    url.searchParams.set('user', upn);
    if (!url.searchParams.has('host')) url.searchParams.set('host', 'standalone');
    return url.href;
  };
  return (
    <main style={{ padding: 16, maxWidth: 560 }}>
      <h1 style={{ fontSize: 20 }}>{t('startup.pickUser')}</h1>
      <Text as="p">{t('startup.pickUserIntro')}</Text>
      {users.status === 'loading' && <Spinner size="tiny" label={tl('userLoading')} />}
      {users.status === 'error' && <Text role="alert">{tl('userFailed', { origin: sandboxOrigin })}</Text>}
      {users.status === 'ready' && (
        <ul>
          {users.users.map((user) => (
            <li key={user.upn} style={{ marginBottom: 6 }}>
              <Link href={asUser(user.upn)}>{user.name}</Link>
              {user.jobTitle ? ` – ${user.jobTitle}, ${user.organisation ?? ''}` : ''}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
};
