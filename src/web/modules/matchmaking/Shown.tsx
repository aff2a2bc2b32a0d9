import { Form, Space, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisibleField } from '../../../common/matchmaking.js';

/** A field with its own "others can see this" switch. */
export function Shown({ field, children }: { field: VisibleField; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-card" style={{ marginBottom: 8 }}>
      {children}
      <Space>
        <Form.Item name={['show', field]} valuePropName="checked" noStyle>
          <Switch size="small" data-testid={`match-visible-${field}`} />
        </Form.Item>
        <span>{t('matchmaking.visible')}</span>
      </Space>
    </div>
  );
}
