import { AppShell, Burger, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';

import { LogoutButton } from '../../features/auth';
import { useCurrentOperator } from '../../shared/auth/current-operator';
import { LiveProvider } from '../../shared/live/live-context';
import { LiveIndicator } from '../../shared/live/live-indicator';
import { LanguageSwitch } from './language-switch';
import { SideMenu } from './side-menu';

export function AppLayout() {
  const { t } = useTranslation();
  const operator = useCurrentOperator();
  const [menuOpened, { toggle, close }] = useDisclosure(false);

  return (
    <LiveProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={menuOpened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('header.toggleMenu')}
              />
              <Title order={3}>{t('header.appName')}</Title>
            </Group>
            <Group gap="md" wrap="nowrap">
              <LiveIndicator />
              {operator && (
                <Text size="sm" c="dimmed" visibleFrom="sm" data-testid="current-operator">
                  {t('header.signedInAs', {
                    login: operator.login,
                    role: t(`roles.${operator.role}`),
                  })}
                </Text>
              )}
              <LanguageSwitch />
              <LogoutButton />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <SideMenu onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </LiveProvider>
  );
}
