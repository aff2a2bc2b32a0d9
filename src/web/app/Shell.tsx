import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  CommentOutlined,
  FormOutlined,
  IdcardOutlined,
  KeyOutlined,
  SolutionOutlined,
  LogoutOutlined,
  MenuOutlined,
  MessageOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { OrgTree } from '../modules/orgs/OrgTree.js';
import { useOrgTree } from '../modules/orgs/treeStore.js';
import { useAuth, useMe } from './auth.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { ChangePasswordModal } from './ChangePassword.js';

const HEADER_HEIGHT = 56;

export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  // The outbox is the city federation's: a federation admin granted at the root.
  const isRootAdmin = me.grants.some((g) => g.role === 'federation_admin' && g.orgKind === 'city_federation');
  const { can, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.md;
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [isPasswordOpen, setPasswordOpen] = useState(false);
  const { roots } = useOrgTree();
  // The membership entries open a tab of the org in view (or the last one viewed, or the caller's top node).
  const lastOrgId = useRef<number | undefined>(undefined);
  const orgInView = /^\/orgs\/(\d+)/.exec(location.pathname)?.[1];
  if (orgInView) lastOrgId.current = Number(orgInView);
  const contextOrgId = lastOrgId.current ?? roots?.[0]?.id;
  const tab = new URLSearchParams(location.search).get('tab');

  const navItems: MenuProps['items'] = [
    { key: '/orgs', icon: <ApartmentOutlined />, label: <span data-testid="nav-orgs">{t('nav.orgs')}</span> },
    can('coverage.read') && {
      key: '/dashboard',
      icon: <BarChartOutlined />,
      label: <span data-testid="nav-dashboard">{t('nav.dashboard')}</span>,
    },
    can('member.read') && {
      key: '/members',
      icon: <IdcardOutlined />,
      label: <span data-testid="nav-members">{t('nav.members')}</span>,
    },
    can('member.read') && {
      key: '/review',
      icon: <SolutionOutlined />,
      label: <span data-testid="nav-review">{t('nav.review')}</span>,
    },
    can('member.read') && {
      key: '/imports',
      icon: <CloudUploadOutlined />,
      label: <span data-testid="nav-imports">{t('nav.imports')}</span>,
    },
    can('member.read') && {
      key: '/outreach',
      icon: <CommentOutlined />,
      label: <span data-testid="nav-outreach">{t('nav.outreach')}</span>,
    },
    can('member.write') && { key: '/intake', icon: <FormOutlined />, label: <span data-testid="nav-intake">{t('nav.intake')}</span> },
    can('user.read') && { key: '/users', icon: <TeamOutlined />, label: <span data-testid="nav-users">{t('nav.users')}</span> },
    can('audit.read') && { key: '/audit', icon: <AuditOutlined />, label: <span data-testid="nav-audit">{t('nav.audit')}</span> },
    isRootAdmin && { key: '/messages', icon: <MessageOutlined />, label: <span data-testid="nav-messages">{t('outbox.nav')}</span> },
  ].filter((item) => item !== false);
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  const navOfTab: Record<string, string> = { members: '/members', applications: '/review', imports: '/imports' };
  const selectedNav = (section === '/orgs' && tab && navOfTab[tab]) || section;
  const go: MenuProps['onClick'] = ({ key }) => {
    const tabKey = Object.keys(navOfTab).find((k) => navOfTab[k] === key);
    if (tabKey) {
      navigate(contextOrgId ? `/orgs/${contextOrgId}?tab=${tabKey}` : '/');
    } else if (key === '/intake' || key === '/outreach') {
      navigate(contextOrgId ? `${key}?org=${contextOrgId}` : key);
    } else navigate(key === '/orgs' ? '/' : key);
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
      if (key === 'password') setPasswordOpen(true);
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
            onClick={() => setDrawerOpen(true)}
            data-testid="open-tree"
            aria-label={t('nav.openTree')}
          />
        )}
        <div className="shell-brand" onClick={() => navigate('/')} role="link" data-testid="brand">
          <span className="brand-mark small">{t('app.logo')}</span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        {!isNarrow && (
          <Menu theme="dark" mode="horizontal" selectedKeys={[selectedNav]} items={navItems} onClick={go} className="shell-nav" />
        )}
        <div className="shell-right">
          <LanguageSwitch isDark />
          <Dropdown menu={userMenu} trigger={['click']}>
            <Button type="text" icon={<UserOutlined />} className="header-button" data-testid="user-menu">
              {!screens.xs && me.displayName}
            </Button>
          </Dropdown>
        </div>
      </Layout.Header>
      <ChangePasswordModal open={isPasswordOpen} onClose={() => setPasswordOpen(false)} />
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
          <Outlet />
        </Layout.Content>
      </Layout>
      {isNarrow && (
        <Drawer
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          width="88%"
          title={<Typography.Text strong>{t('app.name')}</Typography.Text>}
          styles={{ body: { display: 'flex', flexDirection: 'column', padding: 12, gap: 8 } }}
          data-testid="tree-drawer"
        >
          <Menu mode="inline" selectedKeys={[selectedNav]} items={navItems} onClick={go} style={{ borderInlineEnd: 0 }} />
          <div style={{ flex: 1, minHeight: 0 }}>
            <OrgTree onNavigate={() => setDrawerOpen(false)} />
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
