import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { addStrings, currentLocale, setLocale } from '../../i18n/index.js';
import { messages as joinStrings } from './i18n.zh-CN.js';

// The phone pages' frame brings the join module's strings (the console's come with its own chunk, #16).
addStrings(joinStrings);

/** Phone-sized type and 48-pixel controls: thumbs, not mouse pointers. */
const publicTheme = { token: { fontSize: 16, fontSizeLG: 17, controlHeightLG: 48 } };

/** What the red bar names and where a tap on it leads: 职工入会 → /join unless a page has its own (我的积分 → /points/me). */
export type PublicBrand = { label: string; to: string };

/** The frame of the public pages: a slim red bar with the brand and a one-tap language switch, content centred at phone width. */
export function PublicLayout({ title, brand, children }: { title: string; brand?: PublicBrand; children: ReactNode }) {
  const { t } = useTranslation();
  const isEnglish = currentLocale() === 'en';
  return (
    <ConfigProvider componentSize="large" theme={publicTheme}>
      <div className="public-page">
        <header className="public-header">
          <Link to={brand?.to ?? '/join'} className="public-brand" data-testid="public-brand">
            <span className="brand-mark small">{t('app.logo')}</span>
            <span>{brand?.label ?? t('join.brand')}</span>
          </Link>
          <button
            type="button"
            className="public-lang"
            onClick={() => void setLocale(isEnglish ? 'zh-CN' : 'en')}
            aria-label={t('join.switchLangLabel')}
            data-testid="public-lang"
          >
            {t('join.switchLang')}
          </button>
        </header>
        <main className="public-main">
          <h1 className="public-title" data-testid="public-title">
            {title}
          </h1>
          {children}
        </main>
      </div>
    </ConfigProvider>
  );
}
