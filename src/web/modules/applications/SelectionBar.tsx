import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../app/testId.js';
import type { ReviewSelection } from './useReviewSelection.js';

/** The bar above the review table: how many are selected, select all, return or approve them. */
export function SelectionBar({ selection, onReject }: { selection: ReviewSelection; onReject: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { selected, setSelected, selectAll, decide, isSelectingAll, isDeciding } = selection;

  const confirmApprove = () =>
    modal.confirm({
      title: t('application.approveConfirm', { count: selected.length }),
      content: t('application.approveHint'),
      okText: t('application.approve'),
      cancelText: t('common.cancel'),
      okButtonProps: buttonTestId('approve-ok'),
      onOk: () => decide('approve'),
    });

  return (
    <div className="selection-bar" data-testid="selection-bar">
      <Typography.Text strong data-testid="selection-count">
        {t('application.selected', { count: selected.length })}
      </Typography.Text>
      <Button onClick={() => void selectAll()} loading={isSelectingAll} data-testid="select-all">
        {t('application.selectAll')}
      </Button>
      {selected.length > 0 && (
        <Button type="link" onClick={() => setSelected([])}>
          {t('application.clearSelection')}
        </Button>
      )}
      <Space style={{ marginLeft: 'auto' }}>
        <Button danger icon={<CloseOutlined />} disabled={selected.length === 0} onClick={onReject} data-testid="reject-selected">
          {t('application.reject')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={selected.length === 0}
          loading={isDeciding}
          onClick={confirmApprove}
          data-testid="approve-selected"
        >
          {t('application.approve')}
        </Button>
      </Space>
    </div>
  );
}

/** The outcome of the last decision or selection, until closed. */
export function DecisionNotice({ selection }: { selection: ReviewSelection }) {
  const { notice, setNotice } = selection;
  if (!notice) return null;
  return (
    <Alert
      type={notice.type}
      showIcon
      closable
      message={notice.text}
      style={{ marginBottom: 12 }}
      onClose={() => setNotice(null)}
      data-testid="decision-result"
    />
  );
}
