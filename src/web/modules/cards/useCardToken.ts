import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardToken } from '../../../common/cards.js';
import { errorText } from '../../app/notify.js';
import { i18next } from '../../i18n/index.js';
import { renewalTime } from './cardLink.js';

export type LiveCard = {
  card: CardToken | null;
  /** Seconds until the next refresh. */
  secondsLeft: number;
  isRefreshing: boolean;
  failure: string | null;
  refresh: () => void;
};

/**
 * Keeps a card token fresh: a countdown ticking every second and a new token shortly before expiry. A token
 * that cannot be renewed (card revoked meanwhile) is dropped, so a stale QR code never stays on screen.
 */
export function useCardToken(fetchToken: () => Promise<CardToken>, initial: CardToken | null = null): LiveCard {
  const fetchRef = useRef(fetchToken);
  fetchRef.current = fetchToken;
  const [card, setCard] = useState<CardToken | null>(initial);
  const [renewAt, setRenewAt] = useState(() => (initial ? renewalTime(initial, Date.now()) : 0));
  const [failure, setFailure] = useState<string | null>(null);
  const [isRefreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const busy = useRef(false);

  const refresh = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setRefreshing(true);
    fetchRef
      .current()
      .then((fresh) => {
        setCard(fresh);
        setRenewAt(renewalTime(fresh, Date.now()));
        setFailure(null);
      })
      .catch((error: unknown) => {
        setCard(null);
        setFailure(errorText(error, i18next.t('app.networkError')));
      })
      .finally(() => {
        busy.current = false;
        setRefreshing(false);
      });
  }, []);

  useEffect(() => {
    if (!initial) refresh();
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
    // Only on mount: later refreshes follow the countdown.
  }, []);

  const secondsLeft = card ? Math.max(0, (renewAt - now) / 1000) : 0;
  useEffect(() => {
    if (card && secondsLeft <= 0) refresh();
  }, [card, secondsLeft, refresh]);

  return { card, secondsLeft, isRefreshing, failure, refresh };
}
