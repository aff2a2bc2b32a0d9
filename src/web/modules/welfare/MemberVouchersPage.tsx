import { Alert, Button, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { MemberVoucher } from '../../../common/welfare.js';
import { api, ApiError } from '../../app/api.js';
import { formatDateTime } from '../../app/format.js';
import { errorText } from '../../app/notify.js';
import { QrCode } from '../cards/QrCode.js';
import { PublicLayout } from '../join/PublicLayout.js';
import { addStrings } from '../../i18n/index.js';
import { messages as welfareStrings } from './i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(welfareStrings);

const MemberVouchers = z.object({ items: z.array(MemberVoucher) });

/** /vouchers: the signed-in member's welfare vouchers (冷饮兑换券 …) on the phone, each with the signed QR code the shop scans. */
export function MemberVouchersPage() {
  const { t } = useTranslation();
  const [vouchers, setVouchers] = useState<MemberVoucher[] | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    api
      .quiet('GET', '/api/portal/welfare/vouchers', MemberVouchers)
      .then((answer) => setVouchers(answer.items))
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) setFailure(errorText(error, t('app.networkError')));
        setVouchers(null);
      });
  }, [t]);
  return (
    <PublicLayout title={t('welfare.mine.title')} brand={{ label: t('welfare.mine.title'), to: '/vouchers' }}>
      <div data-testid="member-vouchers">
        <Typography.Title level={4}>{t('welfare.mine.title')}</Typography.Title>
        {vouchers === undefined && <Skeleton active />}
        {failure && <Alert type="error" showIcon message={failure} />}
        {vouchers === null && !failure && (
          <Alert
            type="info"
            showIcon
            message={t('welfare.mine.signIn')}
            action={
              <Link to="/join/member">
                <Button type="primary">{t('welfare.mine.signInButton')}</Button>
              </Link>
            }
          />
        )}
        {vouchers?.length === 0 && <Empty description={t('welfare.mine.empty')} />}
        {vouchers?.map((v) => (
          <Card key={v.id} size="small" style={{ marginBottom: 12 }} data-testid={`member-voucher-${v.id}`}>
            <Typography.Text strong>{v.itemName}</Typography.Text>
            <div>{v.campaignName}</div>
            <div>
              {t('welfare.voucher.serial')}：{v.serial}
            </div>
            <div>
              {t('welfare.voucher.validTo')}：{formatDateTime(v.validTo)}
            </div>
            {v.merchants.length > 0 && (
              <div>
                {t('welfare.mine.shops')}：{v.merchants.join('、')}
              </div>
            )}
            {v.redeemedAt ? (
              <Tag color="default" style={{ marginTop: 8 }}>
                {t('welfare.mine.redeemed', { at: formatDateTime(v.redeemedAt) })}
              </Tag>
            ) : shown === v.id ? (
              <div style={{ display: 'flex', justifyContent: 'center', marginTop: 12 }}>
                <QrCode text={v.token} size={260} testId="member-voucher-qr" />
              </div>
            ) : (
              <Button type="primary" block style={{ marginTop: 8 }} onClick={() => setShown(v.id)} data-testid={`show-voucher-${v.id}`}>
                {t('welfare.mine.show')}
              </Button>
            )}
          </Card>
        ))}
      </div>
    </PublicLayout>
  );
}
