import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, type MenuProps } from 'antd';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { OrgTree } from '../modules/orgs/OrgTree.js';
import { useOrgTree } from '../modules/orgs/treeStore.js';
import { useAuth, useMe } from './auth.js';
import { headerPopupContainer } from './headerPopup.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { DemoBanner } from './DemoBanner.js';
import { navItems, selectedEntryKey } from './navItems.js';
import { hasAccess, useRegistry, type MenuEntry } from './webModule.js';
import { TodoCountsProvider, useTodoCounts, WithBadge } from './todoCounts.js';

const HEADER_HEIGHT = 56;

// Fetched when first opened, not with the shell: the password form (antd's Form, rc-field-form's rules) and, on a
// narrow screen, the drawer holding the menu and the tree. Each stays mounted afterwards, so closing it animates.
const ChangePasswordModal = lazy(() => import('./ChangePassword.js').then((m) => ({ default: m.ChangePasswordModal })));
const NavDrawer = lazy(() => import('./NavDrawer.js').then((m) => ({ default: m.NavDrawer })));

/** The console's frame, with the to-do counts its menu badges and pages share. */
export function Shell() {
  return (
    <TodoCountsProvider>
      <ShellFrame />
    </TodoCountsProvider>
  );
}

function ShellFrame() {
  const { t } = useTranslation();
  const counts = useTodoCounts();
  const me = useMe();
  const { can, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.md;
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [hasOpenedDrawer, setOpenedDrawer] = useState(false);
  const [isPasswordOpen, setPasswordOpen] = useState(false);
  const [hasOpenedPassword, setOpenedPassword] = useState(false);
  const { roots } = useOrgTree();
  const { menu } = useRegistry();
  // The membership entries open a tab of the org in view (or the last one viewed, or the caller's top node).
  const lastOrgId = useRef<number | undefined>(undefined);
  const orgInView = /^\/orgs\/(\d+)/.exec(location.pathname)?.[1];
  if (orgInView) lastOrgId.current = Number(orgInView);
  const contextOrgId = lastOrgId.current ?? roots?.[0]?.id;
  const tab = new URLSearchParams(location.search).get('tab');

  const entries = menu.filter((entry) => hasAccess(entry.access, me, can));
  const toItem = (entry: MenuEntry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <WithBadge counts={counts} badge={entry.badge} testId={entry.testId}>
        <span data-testid={entry.testId}>{entry.label(t)}</span>
      </WithBadge>
    ),
  });
  const navItemList = navItems(entries, toItem, t);
  const tabEntry = location.pathname.startsWith('/orgs') && tab ? entries.find((entry) => entry.orgTab === tab) : undefined;
  const selectedNav = tabEntry?.key ?? selectedEntryKey(entries, location.pathname) ?? '/' + (location.pathname.split('/')[1] ?? '');
  const go: MenuProps['onClick'] = ({ key }) => {
    const entry = entries.find((e) => e.key === key);
    if (entry) navigate(entry.to(contextOrgId));
    setDrawerOpen(false);
  };

  const userMenu: MenuProps = {
    items: [
      ...me.grants.map((grant) => ({
        key: `grant-${grant.id}`,
        disabled: true,
        label: `${grant.orgName} · ${t(`role.${grant.role}`)}`,
      })),
      { type: 'divider' as const },
      { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('password.title')}</span> },
      { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('user.logout')}</span> },
    ],
    onClick: ({ key }) => {
      if (key === 'password') {
        setOpenedPassword(true);
        setPasswordOpen(true);
      }
      if (key === 'logout') void logout().then(() => navigate('/login'));
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="shell-header" style={{ height: HEADER_HEIGHT, lineHeight: `${HEADER_HEIGHT}px` }}>
        {isNarrow && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            className="header-button"
            onClick={() => {
              setOpenedDrawer(true);
              setDrawerOpen(true);
            }}
            data-testid="open-tree"
            aria-label={t('nav.openTree')}
          />
        )}
        <div className="shell-brand" onClick={() => navigate('/')} role="link" data-testid="brand">
          <span className="brand-mark small">{t('app.logo')}</span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        {!isNarrow && (
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[selectedNav]}
            items={navItemList}
            onClick={go}
            className="shell-nav"
            getPopupContainer={headerPopupContainer}
          />
        )}
        <div className="shell-right">
          <LanguageSwitch isDark />
          <Dropdown menu={userMenu} trigger={['click']} getPopupContainer={headerPopupContainer}>
            <Button type="text" icon={<UserOutlined />} className="header-button" data-testid="user-menu">
              {!screens.xs && me.displayName}
            </Button>
          </Dropdown>
        </div>
      </Layout.Header>
      {hasOpenedPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal open={isPasswordOpen} onClose={() => setPasswordOpen(false)} />
        </Suspense>
      )}
      <Layout>
        {!isNarrow && (
          <Layout.Sider
            width={320}
            theme="light"
            className="shell-sider"
            style={{ top: HEADER_HEIGHT, height: `calc(100vh - ${HEADER_HEIGHT}px)` }}
          >
            <OrgTree />
          </Layout.Sider>
        )}
        <Layout.Content className="shell-content">
          <DemoBanner />
          <Outlet />
        </Layout.Content>
      </Layout>
      {isNarrow && hasOpenedDrawer && (
        <Suspense fallback={null}>
          <NavDrawer open={isDrawerOpen} onClose={() => setDrawerOpen(false)} items={navItemList} selectedKey={selectedNav} onClick={go} />
        </Suspense>
      )}
    </Layout>
  );
}
