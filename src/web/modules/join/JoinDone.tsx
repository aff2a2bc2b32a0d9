import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ApplicationReceipt } from '../../../common/applications.js';
import { groupCode } from '../../app/format.js';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** After applying: the tracking code, big, with a copy button and the plea to keep it. */
export function JoinDone({ receipt, unionName, onAgain }: { receipt: ApplicationReceipt; unionName: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [toast, holder] = message.useMessage();
  return (
    <div className="public-card done-card" data-testid="join-done">
      {holder}
      <CheckCircleFilled className="done-icon" />
      <p className="done-lead">{t('join.done.pending', { union: unionName })}</p>
      <div className="code-label">{t('join.done.codeLabel')}</div>
      <div className="tracking-code" data-testid="tracking-code" data-code={receipt.trackingCode}>
        {groupCode(receipt.trackingCode)}
      </div>
      <Button
        icon={<CopyOutlined />}
        onClick={() =>
          void copyText(receipt.trackingCode).then((ok) =>
            ok ? toast.success(t('join.done.copied')) : toast.warning(t('join.done.copyFailed')),
          )
        }
        data-testid="copy-code"
      >
        {t('join.done.copy')}
      </Button>
      <Alert type="warning" showIcon message={t('join.done.save')} description={t('join.done.saveHint')} className="save-alert" />
      <Button
        type="primary"
        block
        className="public-submit"
        onClick={() => navigate(`/join/status?code=${receipt.trackingCode}`)}
        data-testid="go-status"
      >
        {t('join.done.check')}
      </Button>
      <Button type="link" block onClick={onAgain}>
        {t('join.done.again')}
      </Button>
    </div>
  );
}
