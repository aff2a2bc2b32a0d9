import type { MessageOutboxTable } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import type { Config } from '../config.js';
import type { PiiCipher } from '../crypto/pii.js';
import { maskPhone } from '../../common/identity.js';

/** Where the sender reports: the server's log (main.ts), nothing in tests and scripts. */
export type MessageLog = (level: 'info' | 'warn', text: string) => void;
export const silentLog: MessageLog = () => undefined;

/** A text message to one phone, in both languages (the phone's owner reads Chinese first). */
export type TextMessage = {
  phone: string;
  regionId: number;
  purpose: MessageOutboxTable['purpose'];
  zh: string;
  en: string;
};

/**
 * Sends text messages. There is no SMS gateway in the embedded deployment: the outbox sender keeps every message
 * (phone encrypted) for the federation admin to read in the console, and prints it in development. With
 * GONGHUI_SMS_URL set, the HTTP sender posts each message to the provider and keeps the same record.
 */
export type MessageSender = {
  readonly channel: 'outbox' | 'http';
  send(db: Executor, message: TextMessage): Promise<void>;
};

async function keep(db: Executor, cipher: PiiCipher, m: TextMessage, channel: 'outbox' | 'http', status: 'sent' | 'failed') {
  await db
    .insertInto('message_outbox')
    .values({
      region_id: m.regionId,
      phone_enc: cipher.encrypt(m.phone),
      phone_masked: maskPhone(m.phone),
      purpose: m.purpose,
      body_zh: m.zh,
      body_en: m.en,
      channel,
      status,
    })
    .execute();
}

export function createOutboxSender(cipher: PiiCipher, log: MessageLog, print: boolean): MessageSender {
  return {
    channel: 'outbox',
    async send(db, m) {
      await keep(db, cipher, m, 'outbox', 'sent');
      if (print) log('info', `短信 / text message → ${maskPhone(m.phone)}: ${m.zh}`);
    },
  };
}

/**
 * Posts `{phone, text}` as JSON to the provider's endpoint with a bearer token; a provider with another shape gets
 * a small adapter of its own. A failed send is kept as failed and reported to the caller.
 */
export function createHttpSender(cipher: PiiCipher, log: MessageLog, url: string, token: string | undefined): MessageSender {
  return {
    channel: 'http',
    async send(db, m) {
      let ok = false;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ phone: m.phone, text: m.zh }),
          signal: AbortSignal.timeout(5000),
        });
        ok = response.ok;
        if (!ok) log('warn', `text message provider refused a message: HTTP ${response.status}`);
      } catch (error) {
        log('warn', `text message provider unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      await keep(db, cipher, m, 'http', ok ? 'sent' : 'failed');
    },
  };
}

export function createMessageSender(config: Config, cipher: PiiCipher, log: MessageLog): MessageSender {
  return config.smsUrl
    ? createHttpSender(cipher, log, config.smsUrl, config.smsToken)
    : createOutboxSender(cipher, log, config.printMessages);
}
