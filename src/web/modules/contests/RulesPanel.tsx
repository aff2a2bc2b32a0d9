import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { contestRuleTexts } from '../../../common/contests.js';

const ruleKeys = ['aggregation', 'normalisation', 'missing', 'ties', 'conflicts', 'notice'] as const;

/** The language of the page: the common rule texts exist in zh-CN and en. */
export function useRuleLocale(): 'zh-CN' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** 评审规则说明: what each rule is, in plain words, as published with the contest. */
export function RulesPanel({ isOpen = false }: { isOpen?: boolean }) {
  const { t } = useTranslation();
  const locale = useRuleLocale();
  return (
    <Collapse
      style={{ marginTop: 16 }}
      defaultActiveKey={isOpen ? ['rules'] : []}
      data-testid="contest-rules-panel"
      items={[
        {
          key: 'rules',
          label: <span data-testid="contest-rules-toggle">{t('contests.rules.title')}</span>,
          children: ruleKeys.map((k) => (
            <Typography.Paragraph key={k} data-testid={`contest-rule-${k}`}>
              <Typography.Text strong>{t(`contests.rules.${k}`)}：</Typography.Text>
              {contestRuleTexts[k][locale]}
            </Typography.Paragraph>
          )),
        },
      ]}
    />
  );
}
