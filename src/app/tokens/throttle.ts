/** How many failed sign-ins an address may make within the window before it must wait. */
export const THROTTLE_DEFAULTS = { failures: 20, windowMs: 5 * 60_000, addresses: 10_000 };

/**
 * Failed authentications per client address, in one server instance: past `failures` within
 * `windowMs` the address waits until its oldest counted failure leaves the window. A guessed token
 * is then no faster to find than the window allows; memory stays bounded (`addresses`, oldest first).
 */
export class SignInThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly opts = THROTTLE_DEFAULTS,
  ) {}

  /** Seconds the address must wait before it may try again, or 0. */
  waitSeconds(address: string): number {
    const times = this.#recent(address);
    if (times.length < this.opts.failures) return 0;
    return Math.max(1, Math.ceil((times[0]! + this.opts.windowMs - this.now()) / 1000));
  }

  /** Counts a failed attempt of the address. */
  fail(address: string): void {
    const times = this.#recent(address);
    times.push(this.now());
    this.#failures.delete(address);
    this.#failures.set(address, times);
    if (this.#failures.size > this.opts.addresses)
      this.#failures.delete(this.#failures.keys().next().value!);
  }

  #recent(address: string): number[] {
    const since = this.now() - this.opts.windowMs;
    return (this.#failures.get(address) ?? []).filter((t) => t > since);
  }
}
