import { randomUUID } from 'node:crypto';
import type { Channel } from './channel-store';
import { reasonOf, type DeliveryReason } from './channels/delivery-error';
import type { SendDeps } from './channels/kind-spec';
import { sendToChannel } from './channels/sender';
import { answerMessage } from './message';

export type TestResult = { ok: true } | { ok: false; reason: DeliveryReason };

/**
 * Sends a made-up unhappy answer to one channel now, outside the queue and its quiet hours, so the
 * owner sees at once whether the settings work and what an alert looks like.
 */
export async function sendTestAlert(channel: Channel, settings: { publicUrl: string; timeZone: string; now: () => Date }, deps: SendDeps): Promise<TestResult> {
  const thai = channel.locale === 'th';
  const message = answerMessage(
    {
      id: `test-${randomUUID()}`,
      survey: 'after-checkout',
      type: 'csat',
      score: 2,
      comment: thai ? 'ตัวอย่างความคิดเห็น: รอชำระเงินนานเกินไป' : 'Sample comment: the checkout queue was too long',
      answeredAt: settings.now(),
      user: { name: thai ? 'ลูกค้าทดสอบ' : 'Test customer' },
      context: { orderId: 'TEST-1', branch: 'Siam' },
    },
    { locale: channel.locale, publicUrl: settings.publicUrl, timeZone: settings.timeZone },
    'test',
  );
  try {
    await sendToChannel(channel, message, { deliveryId: randomUUID(), timestamp: settings.now() }, deps);
    return { ok: true };
  } catch (error) {
    // Status and our own short reason only: never the far side's reply.
    return { ok: false, reason: reasonOf(error) };
  }
}
