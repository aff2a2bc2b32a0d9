import { Alert, Checkbox, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeatsView, Team } from '../../../common/tournaments.js';
import { errorText } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { HeatEntryForm } from './HeatEntryForm.js';
import { tournamentsApi } from './tournaments.api.js';

type Lane = HeatsView['heats'][number]['lanes'][number];

/**
 * 更正比赛成绩 (organiser): a confirmed race's outcomes corrected with a reason. Correcting a heat withdraws a drawn
 * final; once the final has results the server refuses (in words) unless the audited override is ticked.
 */
export function HeatCorrectionModal({
  tournamentId,
  stage,
  heat,
  lanes,
  onClose,
  onDone,
}: {
  tournamentId: number;
  stage: 'heat' | 'final';
  heat: number;
  lanes: Lane[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [isOverride, setOverride] = useState(false);
  return (
    <Modal open title={t('tournaments.heats.correction')} onCancel={onClose} footer={null} data-testid="heat-correction">
      {stage === 'heat' && <Alert type="info" message={t('tournaments.heats.overrideHint')} style={{ marginBottom: 12 }} />}
      <Typography.Text>{t('tournaments.heats.reason')}</Typography.Text>
      <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="heat-correction-reason" />
      {stage === 'heat' && (
        <Checkbox checked={isOverride} onChange={(e) => setOverride(e.target.checked)} data-testid="heat-correction-override">
          {t('tournaments.heats.override')}
        </Checkbox>
      )}
      <HeatEntryForm
        tournamentId={tournamentId}
        stage={stage}
        heat={heat}
        lanes={lanes}
        guard={() => (reason.trim() === '' ? t('tournaments.heats.reasonMissing') : null)}
        send={(results) => tournamentsApi.correctHeat(tournamentId, { stage, heat, results, reason: reason.trim(), override: isOverride })}
        submitText={t('tournaments.heats.correct')}
        onSubmitted={onDone}
      />
    </Modal>
  );
}

/** 录入重赛名次 (organiser): the crews of a pending re-row picked in the order the re-row finished. */
export function ReRowModal({
  tournamentId,
  teamIds,
  teams,
  onClose,
  onDone,
}: {
  tournamentId: number;
  teamIds: number[];
  teams: Team[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<number[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const nameOf = (id: number) => teams.find((tm) => tm.id === id)?.name ?? `#${id}`;
  const submit = async () => {
    setFailure(null);
    if (order.length !== teamIds.length) return setFailure(t('tournaments.heats.reRowIncomplete'));
    setBusy(true);
    try {
      await tournamentsApi.recordReRow(tournamentId, { teamIds: order });
      onDone();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('tournaments.heats.reRowTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={isBusy}
      okButtonProps={buttonTestId('rerow-ok')}
    >
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} data-testid="rerow-error" />}
      <Typography.Paragraph>{t('tournaments.heats.reRowHint')}</Typography.Paragraph>
      <Select<number[]>
        mode="multiple"
        style={{ width: '100%' }}
        aria-label={t('tournaments.heats.reRowOrder')}
        value={order}
        onChange={setOrder}
        options={teamIds.map((id) => ({ value: id, label: <span data-testid={`rerow-option-${id}`}>{nameOf(id)}</span> }))}
        data-testid="rerow-order"
      />
      <ol data-testid="rerow-picked">
        {order.map((id) => (
          <li key={id}>{nameOf(id)}</li>
        ))}
      </ol>
    </Modal>
  );
}
