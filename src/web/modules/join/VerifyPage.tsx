import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardVerifyResult } from '../../../common/cards.js';
import { formatDateTime } from '../../app/format.js';
import { errorText } from '../../app/notify.js';
import { tokenFromScan } from '../cards/cardLink.js';
import { PublicLayout } from './PublicLayout.js';
import { publicApi } from './public.api.js';

type Outcome = CardVerifyResult & { at: string };

/** /verify: whoever grants a benefit checks a member card — a big green 有效 or red 无效, and a masked name. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const check = async (raw: string) => {
    const token = tokenFromScan(raw);
    setOutcome(null);
    if (!token) {
      setFailure(t('verify.tokenRequired'));
      return;
    }
    setFailure(null);
    setBusy(true);
    try {
      const result = await publicApi.verify(token);
      setOutcome({ ...result, at: new Date().toISOString() });
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  // A phone camera opens /verify#t=TOKEN straight from the QR code: check it at once, then drop it from the address.
  useEffect(() => {
    const scanned = window.location.hash ? tokenFromScan(window.location.hash) : '';
    if (!scanned) return;
    setText(scanned);
    history.replaceState(null, '', window.location.pathname);
    void check(scanned);
  }, []);

  return (
    <PublicLayout title={t('verify.title')}>
      {outcome ? (
        <div className={outcome.valid ? 'verdict valid' : 'verdict invalid'} data-testid="verify-result" data-valid={String(outcome.valid)}>
          {outcome.valid ? <CheckCircleFilled className="verdict-icon" /> : <CloseCircleFilled className="verdict-icon" />}
          <div className="verdict-word" data-testid="verify-verdict">
            {outcome.valid ? t('verify.valid') : t('verify.invalid')}
          </div>
          {outcome.valid && outcome.maskedName && (
            <div className="verdict-name" data-testid="verify-name">
              {outcome.maskedName}
            </div>
          )}
          <div className="verdict-hint">{outcome.valid ? t('verify.validHint') : t('verify.invalidHint')}</div>
          <div className="verdict-at">{t('verify.checkedAt', { time: formatDateTime(outcome.at) })}</div>
        </div>
      ) : (
        <p className="public-intro">{t('verify.intro')}</p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void check(text);
        }}
      >
        <label className="field-label" htmlFor="verify-token">
          {t('verify.token')}
        </label>
        <Input.TextArea
          id="verify-token"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('verify.tokenPlaceholder')}
          autoSize={{ minRows: 3, maxRows: 6 }}
          className="mono-input"
          data-testid="verify-token"
        />
        {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 12 }} data-testid="verify-error" />}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={isBusy}
          className="public-submit"
          style={{ marginTop: 16 }}
          data-testid="verify-submit"
        >
          {t('verify.check')}
        </Button>
        {outcome && (
          <Button
            block
            style={{ marginTop: 8 }}
            onClick={() => {
              setOutcome(null);
              setText('');
            }}
          >
            {t('verify.again')}
          </Button>
        )}
      </form>
    </PublicLayout>
  );
}
