import { Form, Input, InputNumber, Select } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CreateLedgerEntryBody,
  LEDGER_LIMITS,
  ledgerKinds,
  UpdateLedgerEntryBody,
  type LedgerEntry,
  type LedgerKind,
  type LedgerOrgRef,
} from '../../../common/ledger.js';
import { DateInput } from '../../app/DateInput.js';
import { FormModal } from '../../app/FormModal.js';
import { issueMessage, parseWithSchema } from '../../app/zodForm.js';
import { isoDay } from '../outreach/outreach.api.js';
import { CoOrganisersPicker } from './CoOrganisersPicker.js';
import { FiguresEditor, type FigureRow } from './FiguresEditor.js';
import { ledgerApi } from './ledger.api.js';

type Values = {
  kind: LedgerKind;
  title?: string;
  summary?: string;
  dateFrom?: string;
  dateTo?: string;
  place?: string;
  peopleReached?: number | null;
  coOrgs: LedgerOrgRef[];
  otherOrganisers: string[];
  figures: FigureRow[];
  sourceRef?: string;
};

const blankToNull = (text: string | undefined) => (text?.trim() ? text : null);

function initialOf(entry: LedgerEntry | undefined): Partial<Values> {
  if (!entry) return { kind: 'other', dateFrom: isoDay(new Date()), coOrgs: [], otherOrganisers: [], figures: [] };
  return {
    kind: entry.kind,
    title: entry.title,
    summary: entry.summary ?? undefined,
    dateFrom: entry.dateFrom,
    dateTo: entry.dateTo ?? undefined,
    place: entry.place ?? undefined,
    peopleReached: entry.peopleReached,
    coOrgs: entry.coOrganisers,
    otherOrganisers: entry.otherOrganisers,
    figures: entry.figures.map((f) => ({
      value: f.value,
      unit: f.unit,
      counts: f.counts,
      approximate: f.approximate,
      snippet: f.snippet ?? undefined,
    })),
    sourceRef: entry.sourceRef ?? undefined,
  };
}

function figuresOf(rows: FigureRow[] | undefined) {
  return (rows ?? []).map((f) => ({ ...f, value: f.value ?? undefined, unit: f.unit ?? '', snippet: f.snippet || undefined }));
}

/** The messages of the figures' rows, each naming its row and field (the list shows them under itself). */
function figureErrors(schema: typeof CreateLedgerEntryBody | typeof UpdateLedgerEntryBody, body: unknown, t: TFunction): string[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  const rows = (body as { figures?: Record<string, unknown>[] }).figures ?? [];
  return result.error.issues
    .filter((issue) => issue.path[0] === 'figures' && typeof issue.path[1] === 'number')
    .map((issue) => {
      const row = Number(issue.path[1]);
      const name = String(issue.path[2] ?? '');
      const label = name === 'value' || name === 'unit' || name === 'counts' ? t(`ledger.figure.${name}`) : t('ledger.field.figures');
      return t('ledger.figure.rowError', { row: row + 1, message: issueMessage(issue, label, rows[row]?.[name], t) });
    });
}

/**
 * 新增 / 修改台账条目: kind, work done, date or period, place, people reached (as reported), co-organisers from the tree
 * and by name, and the figures as an editable list. A correction sends every field (an emptied one as null).
 */
export function EntryFormModal({
  orgId,
  entry,
  onClose,
  onDone,
}: {
  orgId: number;
  /** The entry to correct; absent for a new one. */
  entry?: LedgerEntry;
  onClose: () => void;
  onDone: (saved: LedgerEntry) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = {
    kind: t('ledger.field.kind'),
    title: t('ledger.field.title'),
    summary: t('ledger.field.summary'),
    dateFrom: t('ledger.field.dateFrom'),
    dateTo: t('ledger.field.dateTo'),
    place: t('ledger.field.place'),
    peopleReached: t('ledger.field.peopleReached'),
    coOrgIds: t('ledger.field.coOrgIds'),
    otherOrganisers: t('ledger.field.otherOrganisers'),
    figures: t('ledger.field.figures'),
    sourceRef: t('ledger.field.sourceRef'),
  };

  const submit = (values: Values) => {
    const common = {
      kind: values.kind,
      title: values.title,
      coOrgIds: (values.coOrgs ?? []).map((o) => o.orgId),
      otherOrganisers: values.otherOrganisers ?? [],
      figures: figuresOf(values.figures),
      dateFrom: values.dateFrom,
    };
    const people = values.peopleReached ?? null;
    const schema = entry ? UpdateLedgerEntryBody : CreateLedgerEntryBody;
    const candidate = entry
      ? {
          ...common,
          version: entry.version,
          // Sent only when changed: a module's count of members stays its count until someone types over it.
          ...(people !== entry.peopleReached && { peopleReached: people }),
          summary: blankToNull(values.summary),
          dateTo: values.dateTo ?? null,
          place: blankToNull(values.place),
          sourceRef: blankToNull(values.sourceRef),
        }
      : {
          ...common,
          orgId,
          peopleReached: people,
          summary: values.summary || undefined,
          dateTo: values.dateTo,
          place: values.place || undefined,
          sourceRef: values.sourceRef || undefined,
        };
    const rowErrors = figureErrors(schema, candidate, t);
    const body = parseWithSchema(schema, candidate, form, labels, t);
    if (rowErrors.length > 0) form.setFields([{ name: 'figures', errors: rowErrors }]);
    if (!body) return null;
    return entry ? ledgerApi.update(entry.id, body as UpdateLedgerEntryBody) : ledgerApi.create(body as CreateLedgerEntryBody);
  };

  return (
    <FormModal
      title={entry ? t('ledger.editTitle') : t('ledger.createTitle')}
      form={form}
      initialValues={initialOf(entry)}
      submit={submit}
      onClose={onClose}
      onDone={onDone}
      width={760}
      isEnterSubmit={false}
      testIds={{ modal: 'ledger-form', submit: 'ledger-ok', error: 'ledger-error' }}
    >
      <Form.Item name="kind" label={labels.kind} required>
        <Select<LedgerKind>
          options={ledgerKinds.map((k) => ({ value: k, label: t(`ledger.kinds.${k}`) }))}
          style={{ width: 240 }}
          data-testid="ledger-kind"
        />
      </Form.Item>
      <Form.Item name="title" label={labels.title} required>
        <Input maxLength={LEDGER_LIMITS.title} data-testid="ledger-title" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name="dateFrom" label={labels.dateFrom} required>
          <DateInput style={{ width: 180 }} testId="ledger-date-from" />
        </Form.Item>
        <Form.Item name="dateTo" label={labels.dateTo}>
          <DateInput style={{ width: 180 }} testId="ledger-date-to" />
        </Form.Item>
        <Form.Item name="peopleReached" label={labels.peopleReached} extra={t('ledger.basis.reported')}>
          <InputNumber min={0} max={LEDGER_LIMITS.peopleReached} precision={0} style={{ width: 160 }} data-testid="ledger-people" />
        </Form.Item>
      </div>
      <Form.Item name="place" label={labels.place}>
        <Input maxLength={LEDGER_LIMITS.place} data-testid="ledger-place" />
      </Form.Item>
      <Form.Item name="coOrgs" label={labels.coOrgIds}>
        <CoOrganisersPicker excludeOrgId={entry?.orgId ?? orgId} />
      </Form.Item>
      <Form.Item name="otherOrganisers" label={labels.otherOrganisers}>
        <Select mode="tags" open={false} placeholder={t('ledger.otherOrganisersHint')} data-testid="ledger-other-organisers" />
      </Form.Item>
      <FiguresEditor label={labels.figures} />
      <Form.Item name="summary" label={labels.summary}>
        <Input.TextArea rows={3} maxLength={LEDGER_LIMITS.summary} data-testid="ledger-summary" />
      </Form.Item>
      <Form.Item name="sourceRef" label={labels.sourceRef}>
        <Input maxLength={LEDGER_LIMITS.sourceRef} data-testid="ledger-source-ref" />
      </Form.Item>
    </FormModal>
  );
}
