import { Alert, Button, Input, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ApplicationStatusView } from '../../../common/applications.js';
import { formatDateTime } from '../../app/format.js';
import { errorText } from '../../app/notify.js';
import { PublicLayout } from './PublicLayout.js';
import { memberApi, publicApi } from './public.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as applicationsStrings } from '../applications/i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(applicationsStrings);

function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Where an application stands, as three steps: sent → reviewed (or confirmed by the former union) → outcome. */
function StatusSteps({ view }: { view: ApplicationStatusView }) {
  const { t } = useTranslation();
  const isTransfer = view.status === 'transfer_requested';
  const current = view.status === 'pending' || isTransfer ? 1 : 2;
  const outcome = view.status === 'pending' || isTransfer ? t('status.steps.done') : t(`application.status.${view.status}`);
  return (
    <Steps
      direction="vertical"
      size="small"
      current={current}
      status={view.status === 'rejected' || view.status === 'withdrawn' ? 'error' : view.status === 'approved' ? 'finish' : 'process'}
      items={[
        { title: t('status.steps.submitted'), description: formatDateTime(view.submittedAt) },
        {
          title: isTransfer ? t('status.steps.transfer') : t('status.steps.review'),
          description: current === 1 ? t(`application.status.${view.status}`) : undefined,
        },
        { title: outcome, description: view.decidedAt ? formatDateTime(view.decidedAt) : undefined },
      ]}
      data-testid="status-steps"
    />
  );
}

/**
 * The applicant's full name when the member signed in on this phone made this application (it is among their own):
 * the tracking code alone, which anyone may hold, still shows the masked name.
 */
function useOwnName(trackingCode: string | undefined): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    setName(null);
    if (!trackingCode) return;
    let isCurrent = true;
    memberApi
      .me()
      .then((me) => isCurrent && setName(me.applications.some((a) => a.trackingCode === trackingCode) ? me.name : null))
      // Not signed in as a member: the masked name stands.
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [trackingCode]);
  return name;
}

/** /join/status: the applicant's progress by tracking code, and the way to the member card once approved. */
export function StatusPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [codeText, setCodeText] = useState(searchParams.get('code') ?? '');
  const [view, setView] = useState<ApplicationStatusView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const ownName = useOwnName(view?.trackingCode);

  const query = async (raw: string) => {
    const code = normaliseCode(raw);
    if (!code) {
      setFailure(t('status.codeRequired'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      setView(await publicApi.status(code));
      setSearchParams({ code }, { replace: true });
    } catch (error) {
      setView(null);
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const code = searchParams.get('code');
    if (code) void query(code);
    // Only the code the page was opened with.
  }, []);

  return (
    <PublicLayout title={t('status.title')}>
      <form
        className="code-form"
        onSubmit={(event) => {
          event.preventDefault();
          void query(codeText);
        }}
      >
        <label className="field-label" htmlFor="tracking-code-input">
          {t('status.codeLabel')}
        </label>
        <div className="code-row">
          <Input
            id="tracking-code-input"
            value={codeText}
            onChange={(e) => setCodeText(e.target.value.toUpperCase())}
            placeholder={t('status.codePlaceholder')}
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            className="mono-input"
            data-testid="status-code"
          />
          <Button type="primary" htmlType="submit" loading={isBusy} data-testid="status-query">
            {t('status.query')}
          </Button>
        </div>
      </form>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 16 }} data-testid="status-error" />}
      {view && (
        <div className="public-card" data-testid="status-card" data-status={view.status}>
          <div className="status-head">
            <span className="status-name" data-testid="status-name">
              {ownName ?? view.maskedName}
            </span>
            <span className={`status-badge status-${view.status}`} data-testid="status-badge">
              {t(`application.status.${view.status}`)}
            </span>
          </div>
          <div className="status-union">
            {t('status.union')}：{view.orgName}
          </div>
          <StatusSteps view={view} />
          {view.status === 'rejected' && view.rejectReason && (
            <Alert type="error" showIcon message={t('status.rejectReason')} description={view.rejectReason} data-testid="reject-reason" />
          )}
        </div>
      )}
      {view?.status === 'approved' && (
        <div className="public-card" data-testid="card-open">
          <h2 className="public-subtitle">{t('status.cardTitle')}</h2>
          <p className="public-note">{t('status.cardHint')}</p>
          <Link to="/join/member">
            <Button type="primary" block className="public-submit" data-testid="open-card">
              {t('status.openCard')}
            </Button>
          </Link>
        </div>
      )}
      <p className="public-footer-link">
        <Link to="/join">{t('status.toJoin')}</Link>
      </p>
    </PublicLayout>
  );
}
