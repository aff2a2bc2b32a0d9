import { Alert, Button, Card, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Sheet } from '../../../common/contests.js';
import { useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { AmendModal } from './AmendModal.js';
import { CriterionRow } from './CriterionRow.js';
import { judgingApi } from './contests.api.js';
import { filledScores, isComplete, scoreProblem, weightedTotal, type Draft } from './sheetMath.js';

/** 评分表: one entry's criteria with their maxima, the weighted total live, save a draft, submit once, then amend with a reason. */
export function ScoreSheet({ sheet, onChanged }: { sheet: Sheet; onChanged: (s: Sheet) => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(() => ({ ...sheet.scores }));
  const [isConfirming, setConfirming] = useState(false);
  const [amending, setAmending] = useState<Criterion | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isLocked = sheet.status === 'submitted';
  const shown = isLocked ? sheet.scores : draft;
  const hasProblem = sheet.criteria.some((c) => scoreProblem(c, draft[String(c.id)] ?? null) !== null);
  const run = (work: () => Promise<Sheet>, done?: string) => {
    setBusy(true);
    work()
      .then((s) => {
        setDraft({ ...s.scores });
        onChanged(s);
        if (done) notify.success(done);
      })
      .catch(notify.error)
      .finally(() => setBusy(false));
  };
  const save = () => judgingApi.save(sheet.assignmentId, { scores: filledScores(sheet.criteria, draft) });
  return (
    <Card
      title={sheet.title}
      extra={<Tag color={isLocked ? 'green' : 'orange'}>{t(`contests.sheetStatus.${sheet.status}`)}</Tag>}
      data-testid="score-sheet"
    >
      <List
        dataSource={sheet.criteria}
        renderItem={(c) => (
          <CriterionRow
            c={c}
            value={shown[String(c.id)] ?? null}
            isLocked={isLocked}
            onChange={(v) => setDraft((d) => ({ ...d, [String(c.id)]: v }))}
            onAmend={() => setAmending(c)}
          />
        )}
      />
      <Typography.Title level={4} data-testid="sheet-total">
        {t('contests.sheet.total', { total: weightedTotal(sheet.criteria, shown).toFixed(2) })}
      </Typography.Title>
      {isLocked ? (
        <Alert type="info" showIcon message={t('contests.sheet.submittedNote')} />
      ) : (
        <Space wrap>
          <Button onClick={() => run(save, t('contests.sheet.saved'))} disabled={hasProblem} loading={isBusy} data-testid="sheet-save">
            {t('contests.sheet.save')}
          </Button>
          <Button
            type="primary"
            onClick={() => setConfirming(true)}
            disabled={!isComplete(sheet.criteria, draft) || isBusy}
            data-testid="sheet-submit"
          >
            {t('contests.sheet.submit')}
          </Button>
        </Space>
      )}
      <Modal
        open={isConfirming}
        title={t('contests.sheet.confirmTitle')}
        onCancel={() => setConfirming(false)}
        onOk={() => {
          setConfirming(false);
          run(() => save().then(() => judgingApi.submit(sheet.assignmentId)), t('contests.sheet.submittedDone'));
        }}
        okText={t('contests.sheet.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={buttonTestId('sheet-confirm')}
      >
        <p data-testid="sheet-confirm-text">
          {t('contests.sheet.confirmText', { total: weightedTotal(sheet.criteria, draft).toFixed(2) })}
        </p>
      </Modal>
      {amending && (
        <AmendModal
          sheet={sheet}
          criterion={amending}
          onClose={() => setAmending(null)}
          onDone={(s) => {
            setAmending(null);
            onChanged(s);
          }}
        />
      )}
      {sheet.amendments.length > 0 && (
        <List
          header={t('contests.sheet.amendments')}
          dataSource={sheet.amendments}
          data-testid="sheet-amendments"
          renderItem={(m) => (
            <List.Item>
              {sheet.criteria.find((c) => c.id === m.criterionId)?.name} {m.oldScore} → {m.newScore} · {m.reason}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
