import { CarOutlined, RocketOutlined, ShopOutlined, SolutionOutlined, TruckOutlined, InboxOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { employmentForms, type EmploymentForm } from '../../../common/members.js';

const icons: Record<EmploymentForm, ReactNode> = {
  standard: <SolutionOutlined />,
  courier: <InboxOutlined />,
  delivery_rider: <RocketOutlined />,
  ride_hailing: <CarOutlined />,
  truck_driver: <TruckOutlined />,
  other_gig: <ShopOutlined />,
};

/** Employment forms as big tap targets, two to a row on a phone; a radio group for keyboards and screen readers. */
export function EmploymentFormCards({ value, onChange }: { value?: EmploymentForm; onChange?: (form: EmploymentForm) => void }) {
  const { t } = useTranslation();
  return (
    <div className="form-cards" role="radiogroup" aria-label={t('join.employmentForm')} data-testid="employment-forms">
      {employmentForms.map((form) => {
        const isChecked = value === form;
        return (
          <label key={form} className={isChecked ? 'form-card checked' : 'form-card'} data-testid={`employment-${form}`}>
            <input type="radio" name="employmentForm" value={form} checked={isChecked} onChange={() => onChange?.(form)} />
            <span className="form-card-icon">{icons[form]}</span>
            <span>{t(`member.employmentForm.${form}`)}</span>
          </label>
        );
      })}
    </div>
  );
}
