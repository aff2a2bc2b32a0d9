import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { locales } from '../../common/i18n.js';
import { currentLocale, setLocale } from '../i18n/index.js';
import { headerPopupContainer } from './headerPopup.js';

export function LanguageSwitch({ isDark = false }: { isDark?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      getPopupContainer={headerPopupContainer}
      menu={{
        selectedKeys: [locale],
        items: locales.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{t(`lang.${l}`)}</span> })),
        onClick: ({ key }) => {
          const picked = locales.find((l) => l === key);
          if (picked) void setLocale(picked);
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        style={isDark ? { color: '#fff' } : undefined}
        data-testid="lang-switch"
        aria-label={t('lang.label')}
      >
        {t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
