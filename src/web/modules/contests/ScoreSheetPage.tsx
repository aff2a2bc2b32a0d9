import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Sheet } from '../../../common/contests.js';
import { judgingApi } from './contests.api.js';
import { ScoreSheet } from './ScoreSheet.js';

/** /judging/sheets/:id: one score sheet of the judge's own assignment (404 for anyone else). */
export function ScoreSheetPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [sheet, setSheet] = useState<Sheet | null | undefined>(undefined);
  useEffect(() => {
    judgingApi
      .sheet(id)
      .then(setSheet)
      .catch(() => setSheet(null));
  }, [id]);
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Link to="/judging">
        <Button type="link" icon={<ArrowLeftOutlined />} data-testid="sheet-back">
          {t('contests.judging.back')}
        </Button>
      </Link>
      {sheet === undefined && <Skeleton active />}
      {sheet === null && <Empty description={t('contests.judging.notFound')} />}
      {sheet && <ScoreSheet key={`${sheet.assignmentId}-${sheet.status}`} sheet={sheet} onChanged={setSheet} />}
    </div>
  );
}
