import type { Deps } from '../deps.ts';
import { deliverDue, errorText, type DeliveryOptions } from './deliver.ts';

/**
 * Runs deliverDue every `intervalMs` until stopped, one pass at a time; its timer does not keep
 * the process alive. `stop()` waits for the pass in flight. With `beforePass` (the evening
 * reminders), that runs first, at most every `beforePassEveryMs` (default a minute).
 */
export function startDeliveryLoop(
  deps: Deps,
  opts: DeliveryOptions & {
    intervalMs?: number;
    beforePass?: () => Promise<unknown>;
    beforePassEveryMs?: number;
  } = {},
): { stop: () => Promise<void> } {
  const interval = opts.intervalMs ?? 5_000;
  const every = opts.beforePassEveryMs ?? 60_000;
  let lastBefore = -Infinity;
  const before = async () => {
    if (!opts.beforePass || deps.now().getTime() - lastBefore < every) return;
    lastBefore = deps.now().getTime();
    await opts
      .beforePass()
      .catch((e: unknown) => deps.log(`reminder pass failed: ${errorText(e)}`));
  };
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, interval);
    (timer as { unref?: () => void }).unref?.();
  };
  const tick = () => {
    running = before()
      .then(() => deliverDue(deps, opts))
      .then(() => undefined)
      .catch((e: unknown) => deps.log(`outbox delivery pass failed: ${errorText(e)}`))
      .finally(schedule);
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
