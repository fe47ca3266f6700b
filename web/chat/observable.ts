/**
 * The smallest Observable Web Chat needs from a DirectLineJS-style connection: `subscribe` with an
 * observer object or callbacks, returning a subscription with `unsubscribe()` and `closed`
 * (the TC39 proposal shape, as in botframework-webchat-core's types/external/Observable.ts).
 * No rxjs: a subject that replays the last `replay` values to each new subscriber.
 */
export interface Observer<T> {
  next?(value: T): void;
  error?(error: unknown): void;
  complete?(): void;
}

export interface Subscription {
  unsubscribe(): void;
  readonly closed: boolean;
}

export interface Subscribable<T> {
  subscribe(observer?: Observer<T> | ((value: T) => void), error?: (error: unknown) => void, complete?: () => void): Subscription;
}

type Ending = { readonly kind: 'complete' } | { readonly kind: 'error'; readonly error: unknown };

function toObserver<T>(
  observer: Observer<T> | ((value: T) => void) | undefined,
  error?: (error: unknown) => void,
  complete?: () => void,
): Observer<T> {
  if (typeof observer === 'function') {
    const result: Observer<T> = { next: observer };
    if (error) result.error = error;
    if (complete) result.complete = complete;
    return result;
  }
  return observer ?? {};
}

/**
 * A hot stream: `next` delivers to current subscribers and remembers the last `replay` values
 * (Infinity = all) for later ones, like rxjs' ReplaySubject; `replay: 1` behaves like a
 * BehaviorSubject once it has a value. After `complete`/`error`, late subscribers get the replay
 * and then the ending.
 */
export class ReplaySubject<T> implements Subscribable<T> {
  private readonly history: T[] = [];
  private readonly observers = new Set<Observer<T>>();
  private ending: Ending | undefined;

  constructor(private readonly replay: number = Infinity) {}

  get value(): T | undefined {
    return this.history[this.history.length - 1];
  }

  get ended(): boolean {
    return this.ending !== undefined;
  }

  next(value: T): void {
    if (this.ending) return;
    this.history.push(value);
    if (this.history.length > this.replay) this.history.shift();
    for (const observer of [...this.observers]) observer.next?.(value);
  }

  error(error: unknown): void {
    this.end({ kind: 'error', error });
  }

  complete(): void {
    this.end({ kind: 'complete' });
  }

  subscribe(
    observerOrNext?: Observer<T> | ((value: T) => void),
    error?: (error: unknown) => void,
    complete?: () => void,
  ): Subscription {
    const observer = toObserver(observerOrNext, error, complete);
    let closed = false;
    const subscription: Subscription = {
      unsubscribe: () => {
        closed = true;
        this.observers.delete(observer);
      },
      get closed() {
        return closed;
      },
    };
    // Register first, then replay, so a value sent from inside a callback is not lost.
    if (!this.ending) this.observers.add(observer);
    for (const value of [...this.history]) {
      if (closed) return subscription;
      observer.next?.(value);
    }
    if (this.ending && !closed) {
      closed = true;
      if (this.ending.kind === 'complete') observer.complete?.();
      else observer.error?.(this.ending.error);
    }
    return subscription;
  }

  private end(ending: Ending): void {
    if (this.ending) return;
    this.ending = ending;
    const observers = [...this.observers];
    this.observers.clear();
    for (const observer of observers) {
      if (ending.kind === 'complete') observer.complete?.();
      else observer.error?.(ending.error);
    }
  }
}

/** A hot stream with one value from a promise (resolve → next + complete, reject → error). */
export function fromPromise<T>(promise: Promise<T>): Subscribable<T> {
  const subject = new ReplaySubject<T>(1);
  promise.then(
    (value) => {
      subject.next(value);
      subject.complete();
    },
    (error: unknown) => subject.error(error),
  );
  return subject;
}
