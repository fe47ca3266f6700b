/** Counts requests being handled, so shutdown can stop taking new ones and wait for these. */
export class InFlight {
  private count = 0;
  private stopping = false;
  private idle: (() => void)[] = [];

  get active(): number {
    return this.count;
  }

  /** True once shutdown has begun: new requests are turned away. */
  get draining(): boolean {
    return this.stopping;
  }

  /** Marks a request as started; call the returned function (once) when it is answered. */
  begin(): () => void {
    this.count++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count--;
      if (this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
    };
  }

  /** Stops taking new requests; resolves when every request in flight has been answered. */
  drain(): Promise<void> {
    this.stopping = true;
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
