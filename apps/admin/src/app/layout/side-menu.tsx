import { Badge, NavLink, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

import { useIsAdmin } from '../../shared/auth/current-operator';
import { useAttentionCount } from '../../shared/live/use-attention-count';

interface MenuLink {
  to: string;
  label: string;
  testId: string;
  adminOnly?: boolean;
  badge?: ReactNode;
}

function MenuItem(props: { link: MenuLink; currentPath: string }) {
  const { link, currentPath } = props;
  const active = currentPath === link.to || currentPath.startsWith(`${link.to}/`);

  return (
    <NavLink
      component={Link}
      to={link.to}
      label={link.label}
      active={active}
      aria-current={active ? 'page' : undefined}
      rightSection={link.badge}
      data-testid={link.testId}
    />
  );
}

export function SideMenu(props: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const isAdmin = useIsAdmin();
  const attention = useAttentionCount();
  const attentionBadge =
    attention > 0 ? (
      <Badge
        color="orange"
        size="sm"
        circle={attention < 10}
        aria-label={t('activities.attentionBadge', { count: attention })}
        data-testid="attention-badge"
      >
        {attention}
      </Badge>
    ) : undefined;

  const settingsLinks: MenuLink[] = [
    { to: '/settings/providers', label: t('nav.providers'), testId: 'nav-providers' },
    { to: '/settings/accounts', label: t('nav.accounts'), testId: 'nav-accounts' },
    { to: '/settings/warehouse', label: t('nav.warehouse'), testId: 'nav-warehouse' },
    {
      to: '/settings/operators',
      label: t('nav.operators'),
      testId: 'nav-operators',
      adminOnly: true,
    },
    { to: '/settings/api-keys', label: t('nav.apiKeys'), testId: 'nav-api-keys', adminOnly: true },
    { to: '/settings/webhooks', label: t('nav.webhooks'), testId: 'nav-webhooks', adminOnly: true },
    { to: '/settings/audit', label: t('nav.audit'), testId: 'nav-audit', adminOnly: true },
  ];

  return (
    <nav aria-label={t('nav.mainMenu')} onClick={props.onNavigate}>
      <Stack gap={2}>
        <MenuItem
          link={{ to: '/orders', label: t('nav.orders'), testId: 'nav-orders' }}
          currentPath={pathname}
        />
        <NavLink label={t('nav.plugins')} defaultOpened data-testid="nav-plugins">
          <MenuItem
            link={{
              to: '/plugins/autobuy',
              label: t('nav.autobuy'),
              testId: 'nav-autobuy',
              badge: attentionBadge,
            }}
            currentPath={pathname}
          />
        </NavLink>
        <NavLink label={t('nav.settings')} defaultOpened data-testid="nav-settings">
          {settingsLinks
            .filter((link) => isAdmin || !link.adminOnly)
            .map((link) => (
              <MenuItem key={link.to} link={link} currentPath={pathname} />
            ))}
        </NavLink>
      </Stack>
    </nav>
  );
}
