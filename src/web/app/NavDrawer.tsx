import { Drawer, Menu, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTree } from '../modules/orgs/OrgTree.js';

type Props = {
  open: boolean;
  onClose: () => void;
  items: MenuProps['items'];
  selectedKey: string;
  onClick: MenuProps['onClick'];
};

/** On a narrow screen, the menu and the org tree in a drawer: a chunk of its own, fetched when first opened. */
export function NavDrawer({ open, onClose, items, selectedKey, onClick }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      width="88%"
      title={<Typography.Text strong>{t('app.name')}</Typography.Text>}
      styles={{ body: { display: 'flex', flexDirection: 'column', padding: 12, gap: 8 } }}
      data-testid="tree-drawer"
    >
      <Menu mode="inline" selectedKeys={[selectedKey]} items={items} onClick={onClick} style={{ borderInlineEnd: 0 }} />
      <div style={{ flex: 1, minHeight: 0 }}>
        <OrgTree onNavigate={onClose} />
      </div>
    </Drawer>
  );
}
