import nodemailer, { type Transporter } from 'nodemailer';
import type { ReminderConfig } from './config';
import type { ClaimedDelivery } from './mutations';

/** Sends one delivery; resolves when the receiver accepted it, throws with the reason otherwise. */
export type Sender = (delivery: ClaimedDelivery) => Promise<void>;

const SEND_TIMEOUT_MS = 15_000;
const transports = new Map<string, Transporter>();

function transport(smtpUrl: string) {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl, { connectionTimeout: SEND_TIMEOUT_MS, greetingTimeout: SEND_TIMEOUT_MS, socketTimeout: SEND_TIMEOUT_MS });
    transports.set(smtpUrl, t);
  }
  return t;
}

/** E-mail through SMTP_URL (nodemailer), plain text in UTF-8. */
export async function sendEmail(delivery: ClaimedDelivery, config: ReminderConfig) {
  if (!config.smtpUrl) throw new Error('SMTP_URL is not set');
  await transport(config.smtpUrl).sendMail({ from: config.from, to: delivery.target, subject: delivery.subject, text: delivery.body });
}

/**
 * A group robot's webhook. 企业微信 (qyapi.weixin.qq.com) and 钉钉 (oapi.dingtalk.com) both take
 * { msgtype: 'text', text: { content } } and answer { errcode: 0 } when the message was accepted.
 */
export async function postWebhook(delivery: ClaimedDelivery) {
  const response = await fetch(delivery.target, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ msgtype: 'text', text: { content: delivery.body } }),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    redirect: 'error',
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`webhook answered ${response.status}: ${text.slice(0, 200)}`);
  try {
    const answer = JSON.parse(text) as { errcode?: number; errmsg?: string };
    if (typeof answer.errcode === 'number' && answer.errcode !== 0) throw new Error(`webhook errcode ${answer.errcode}: ${answer.errmsg ?? ''}`);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
}

export function defaultSender(config: ReminderConfig): Sender {
  return (delivery) => (delivery.channel === 'EMAIL' ? sendEmail(delivery, config) : postWebhook(delivery));
}

/** Closes pooled SMTP connections (a worker stopping). */
export function closeTransports() {
  for (const t of transports.values()) t.close();
  transports.clear();
}
