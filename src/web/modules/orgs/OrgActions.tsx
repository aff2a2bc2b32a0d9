import { BarChartOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { canSitUnder, orgKinds, type OrgWithAncestors } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';

export type OrgDialog = 'edit' | 'create' | 'move';

/** The header buttons of an organisation: its dashboard, and edit / move / add a child for a cadre who may write. */
export function OrgActions({ org, onOpen }: { org: OrgWithAncestors; onOpen: (dialog: OrgDialog) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const canWrite = can('org.write');
  const hasChildKinds = orgKinds.some((kind) => canSitUnder(kind, org.kind));
  return (
    <div className="page-actions">
      {can('coverage.read') && (
        <Button icon={<BarChartOutlined />} onClick={() => navigate(`/dashboard?org=${org.id}`)} data-testid="open-dashboard">
          {t('org.dashboard')}
        </Button>
      )}
      {canWrite && (
        <Button icon={<EditOutlined />} onClick={() => onOpen('edit')} data-testid="edit-org">
          {t('common.edit')}
        </Button>
      )}
      {canWrite && org.parentId !== null && (
        <Button icon={<DragOutlined />} onClick={() => onOpen('move')} data-testid="move-button">
          {t('org.move')}
        </Button>
      )}
      {canWrite && hasChildKinds && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onOpen('create')} data-testid="create-child">
          {t('org.createChild')}
        </Button>
      )}
    </div>
  );
}
