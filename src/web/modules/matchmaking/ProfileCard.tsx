import { Card, Image } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeenProfile } from '../../../common/matchmaking.js';

type Shown = Omit<SeenProfile, 'interested'>;

/** Another person's profile as a card: only the fields they made visible (the server sends nothing else). */
export function ProfileCard({ profile: p, testId, children }: { profile: Shown; testId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const lines: [string, string | number | null | undefined][] = [
    [t('matchmaking.field.birthYear'), p.birthYear],
    [t('matchmaking.field.heightCm'), p.heightCm],
    [t('matchmaking.field.education'), p.education ? t(`matchmaking.education.${p.education}`) : null],
    [t('matchmaking.field.hometown'), p.hometown],
    [t('matchmaking.field.hobbies'), p.hobbies],
    [t('matchmaking.field.maritalHistory'), p.maritalHistory ? t(`matchmaking.maritalHistory.${p.maritalHistory}`) : null],
    [t('matchmaking.field.incomeRange'), p.incomeRange ? t(`matchmaking.incomeRange.${p.incomeRange}`) : null],
  ];
  return (
    <Card size="small" title={p.nickname} style={{ marginBottom: 12 }} data-testid={testId}>
      {p.photoUrl && <Image src={p.photoUrl} alt={p.nickname} width={96} style={{ marginBottom: 8 }} />}
      {lines
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div key={label}>
            {label}：{value}
          </div>
        ))}
      {p.selfIntro && <p style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{p.selfIntro}</p>}
      {children}
    </Card>
  );
}
