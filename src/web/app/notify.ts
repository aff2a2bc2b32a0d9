import { App } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';

/** Shows API errors with the server's message (already in the caller's language), never a stack trace. */
export function useNotify() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      error(error: unknown) {
        message.error(error instanceof ApiError ? error.message : t('app.networkError'));
      },
      success(text: string) {
        message.success(text);
      },
      warning(text: string) {
        message.warning(text);
      },
    }),
    [message, t],
  );
}

/** The text to show for a failure, e.g. in a form-level Alert. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
