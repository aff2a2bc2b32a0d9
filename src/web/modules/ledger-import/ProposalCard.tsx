import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ledgerKinds, type CreateLedgerEntryBody } from '../../../common/ledger.js';
import type { LedgerImportProposal } from '../../../common/ledger.import.js';
import { DateInput } from '../../app/DateInput.js';
import { CoOrganisersPicker } from '../ledger/CoOrganisersPicker.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { FiguresEditor } from './FiguresEditor.js';
import { SourceText } from './SourceText.js';
import { initialForm, toBody, type ProposalForm } from './draft.js';

type Props = {
  source: string;
  item: LedgerImportProposal;
  year: number;
  onConfirm: (body: CreateLedgerEntryBody) => Promise<void>;
  onDiscard: () => Promise<void>;
};

const statusColors = { open: 'blue', confirmed: 'green', discarded: 'default' } as const;

/** One proposed entry: its source with the values highlighted, its fields to correct, confirm or discard. */
export function ProposalCard({ source, item, year, onConfirm, onDiscard }: Props) {
  const { t } = useTranslation();
  const p = item.proposal;
  const [form, setForm] = useState<ProposalForm>(() => initialForm(p, year));
  const [missing, setMissing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ProposalForm>) => setForm((f) => ({ ...f, ...patch }));
  const isOpen = item.status === 'open';
  const newOrgs = p.organisers.flatMap((o) => (o.match.status === 'new' ? [o.match] : []));

  const confirm = async () => {
    const checked = toBody(form);
    if ('missing' in checked) {
      const field = checked.missing === 'organiser' ? 'organiser' : checked.missing === 'counts' ? 'counts' : checked.missing;
      setMissing(
        checked.missing === 'counts'
          ? t('ledgerImport.countsRequired')
          : t('ledgerImport.required', { field: t(`ledgerImport.field.${field}`) }),
      );
      return;
    }
    setMissing(null);
    setBusy(true);
    await onConfirm(checked.body).finally(() => setBusy(false));
  };

  return (
    <Card
      size="small"
      data-testid={`ledger-import-proposal-${item.position}`}
      title={
        <Space>
          <Tag color={statusColors[item.status]}>{t(`ledgerImport.status.${item.status}`)}</Tag>
          {p.isPhoto && <Tag>{t('ledgerImport.photo')}</Tag>}
          <span>{p.headline ?? p.kicker ?? `#${item.position + 1}`}</span>
        </Space>
      }
    >
      <SourceText source={source} proposal={p} />
      {newOrgs.map((o) => (
        <Alert
          key={o.name}
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('ledgerImport.newOrg', { name: o.name, parent: o.parentName ?? '—' })}
        />
      ))}
      <Form layout="vertical" style={{ marginTop: 12 }} disabled={!isOpen || busy}>
        <Space wrap align="start">
          <Form.Item label={t('ledgerImport.field.organiser')}>
            <Space direction="vertical" size={2}>
              <Typography.Text strong data-testid="ledger-import-organiser">
                {form.orgName || '—'}
              </Typography.Text>
              {isOpen && (
                <OrgSearch
                  testId={`ledger-import-org-${item.position}`}
                  keepName
                  placeholder={t('ledgerImport.pickOrg')}
                  onPick={(hit) =>
                    setForm((f) => ({ ...f, orgId: hit.id, orgName: hit.name, coOrgs: f.coOrgs.filter((o) => o.orgId !== hit.id) }))
                  }
                />
              )}
            </Space>
          </Form.Item>
          <Form.Item
            label={t('ledgerImport.field.kind')}
            extra={p.kindBecause ? t('ledgerImport.kindBecause', { text: p.kindBecause }) : undefined}
          >
            <Select
              data-testid={`ledger-import-kind-${item.position}`}
              style={{ width: 180 }}
              value={form.kind}
              onChange={(kind) => set({ kind })}
              options={ledgerKinds.map((k) => ({ value: k, label: t(`ledgerImport.kinds.${k}`) }))}
            />
          </Form.Item>
        </Space>
        {isOpen && (
          // Once decided, the entry in the ledger holds the co-organisers (the card would only show its first guess).
          <Form.Item label={t('ledgerImport.field.coOrganisers')}>
            <CoOrganisersPicker
              value={form.coOrgs}
              onChange={(coOrgs) => set({ coOrgs })}
              excludeOrgId={form.orgId}
              testId={`ledger-import-co-org-search-${item.position}`}
            />
          </Form.Item>
        )}
        <Form.Item label={t('ledgerImport.field.title')}>
          <Input
            data-testid={`ledger-import-title-${item.position}`}
            value={form.title}
            maxLength={200}
            onChange={(e) => set({ title: e.target.value })}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            label={t('ledgerImport.field.dateFrom')}
            extra={
              p.date
                ? t('ledgerImport.printedDate', { text: p.date.snippet.text })
                : p.relativeDate
                  ? t('ledgerImport.relativeDate', { text: p.relativeDate })
                  : t('ledgerImport.noDate')
            }
          >
            <DateInput testId={`ledger-import-date-${item.position}`} value={form.dateFrom} onChange={(dateFrom) => set({ dateFrom })} />
          </Form.Item>
          <Form.Item label={t('ledgerImport.field.dateTo')}>
            <DateInput testId={`ledger-import-date-to-${item.position}`} value={form.dateTo} onChange={(dateTo) => set({ dateTo })} />
          </Form.Item>
          <Form.Item label={t('ledgerImport.field.peopleReached')}>
            <InputNumber min={0} precision={0} value={form.peopleReached} onChange={(v) => set({ peopleReached: v ?? null })} />
          </Form.Item>
        </Space>
        {form.figures.length > 0 && (
          <Form.Item label={t('ledgerImport.field.figures')}>
            <FiguresEditor rows={form.figures} disabled={!isOpen || busy} onChange={(figures) => set({ figures })} />
          </Form.Item>
        )}
      </Form>
      {missing && <Alert type="error" showIcon message={missing} style={{ marginBottom: 8 }} />}
      {isOpen && (
        <Space>
          <Button type="primary" loading={busy} data-testid={`ledger-import-confirm-${item.position}`} onClick={() => void confirm()}>
            {t('ledgerImport.confirm')}
          </Button>
          <Button disabled={busy} data-testid={`ledger-import-discard-${item.position}`} onClick={() => void onDiscard()}>
            {t('ledgerImport.discard')}
          </Button>
        </Space>
      )}
      {item.status === 'confirmed' && (
        <Space>
          <Typography.Text type="success">{t('ledgerImport.confirmed')}</Typography.Text>
          {form.orgId !== undefined && (
            <Link to={`/ledger?org=${form.orgId}`} data-testid={`ledger-import-open-${item.position}`}>
              {t('ledgerImport.openLedger')}
            </Link>
          )}
        </Space>
      )}
      {item.status === 'discarded' && <Typography.Text type="secondary">{t('ledgerImport.discarded')}</Typography.Text>}
    </Card>
  );
}
