import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_STATUS_POLL_MS, DemoStatus } from '../../common/demo.js';
import { api, DATA_CHANGED } from './api.js';

/**
 * "演示数据加载中 … N%" while a first start fills the demo members in the background (pages are slower then and
 * their figures still grow); asks every few seconds and is gone once the server says it is done.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DemoStatus | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isActive = true;
    let wasLoading = false;
    const ask = async () => {
      try {
        const answer = await api.quiet('GET', '/api/public/demo-status', DemoStatus);
        if (!isActive) return;
        setStatus(answer);
        // The counts on screen (badges, 工作台) were taken while members still arrived: they count again.
        if (wasLoading && !answer.loading) window.dispatchEvent(new Event(DATA_CHANGED));
        wasLoading = answer.loading;
        if (!answer.loading) return;
      } catch {
        // The server may be busy or restarting: ask again later.
      }
      if (isActive) timer = setTimeout(() => void ask(), DEMO_STATUS_POLL_MS);
    };
    void ask();
    return () => {
      isActive = false;
      clearTimeout(timer);
    };
  }, []);

  if (!status?.loading) return null;
  return (
    <Alert
      banner
      type="info"
      showIcon
      className="demo-banner"
      data-testid="demo-banner"
      message={t('demo.loading', { percent: status.percent })}
      description={t('demo.why')}
    />
  );
}
