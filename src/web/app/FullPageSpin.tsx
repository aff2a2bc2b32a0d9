import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a page shows while its chunk or its session probe is on the way. */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin tip={t('app.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}
