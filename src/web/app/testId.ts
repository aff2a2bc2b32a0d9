import type { ButtonProps } from 'antd';

/** antd's okButtonProps and friends are typed without data attributes; browser tests need them. */
export function buttonTestId(id: string): ButtonProps {
  return { 'data-testid': id } as ButtonProps;
}
