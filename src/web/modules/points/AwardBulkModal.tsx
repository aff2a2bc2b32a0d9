import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAwardResult, BulkAwardRow } from '../../../common/points.programmes.js';
import { useNotify } from '../../app/notify.js';
import { programmesApi } from './programmes.api.js';

const outcomeColour = { awarded: 'green', replayed: 'blue', refused: 'red' } as const;

/**
 * 批量奖励: uploads an .xlsx / .csv with a batch number and shows each row's outcome. Re-sending the same file with the
 * same batch number awards nobody twice (rows answer "already handled").
 */
export function AwardBulkModal({ programmeId, onClose }: { programmeId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [batchKey, setBatchKey] = useState(() => `bulk-${new Date().toISOString().slice(0, 10)}`);
  const [result, setResult] = useState<BulkAwardResult | null>(null);
  const [isBusy, setBusy] = useState(false);
  const upload = (file: File) => {
    setBusy(true);
    programmesApi
      .awardFile(programmeId, batchKey, file)
      .then(setResult)
      .catch(notify.error)
      .finally(() => setBusy(false));
    return false;
  };
  return (
    <Modal open title={t('programmes.bulkTitle')} onCancel={onClose} footer={null} width={760} data-testid="bulk-award-modal">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('programmes.bulkHint')}</Typography.Paragraph>
        <Space>
          <span>{t('programmes.batchKey')}</span>
          <Input value={batchKey} onChange={(e) => setBatchKey(e.target.value)} style={{ width: 260 }} data-testid="bulk-batch-key" />
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={upload}>
            <Button icon={<UploadOutlined />} loading={isBusy} disabled={!batchKey.trim()} data-testid="bulk-upload">
              {t('programmes.chooseFile')}
            </Button>
          </Upload>
        </Space>
        {result && (
          <>
            <Alert
              type={result.refused > 0 ? 'warning' : 'success'}
              message={t('programmes.bulkSummary', result)}
              data-testid="bulk-summary"
            />
            <Table<BulkAwardRow>
              size="small"
              rowKey="row"
              dataSource={result.rows}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: t('programmes.row'), dataIndex: 'row', width: 70 },
                { title: t('programmes.member'), dataIndex: 'name', width: 120 },
                { title: t('programmes.points'), dataIndex: 'points', width: 80 },
                {
                  title: '',
                  dataIndex: 'outcome',
                  width: 100,
                  render: (o: BulkAwardRow['outcome']) => <Tag color={outcomeColour[o]}>{t(`programmes.outcome.${o}`)}</Tag>,
                },
                { title: t('programmes.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
