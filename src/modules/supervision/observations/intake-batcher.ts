import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../../../core/index.js';
import {
  acceptFeedMessages,
  deadLetter,
  isDataError,
  type Channel,
  type FeedMessage,
} from './observations.service.js';

/** Enough for one statement to stay quick; a busier feed is taken in several sets one after another. */
const MAX_SET_MESSAGES = 1000;
const MAX_SET_BYTES = 4 * 1024 * 1024;
/**
 * How long a set that is not yet full waits for more messages before it is written (group commit, as Kafka's
 * linger.ms): at thousands of messages a second, sets of one or two cost a statement, a commit and its disk flush
 * each, and the main thread's time goes to system calls. A few milliseconds on a quiet feed buy sets ten times larger
 * on a busy one.
 */
const LINGER_MS = 4;
const FULL_ENOUGH = 200;

interface Waiting {
  message: FeedMessage;
  stored: () => void;
  failed: (error: Error) => void;
}

/**
 * Stores the messages of a device feed in sets: a message arriving within a few milliseconds of another, or while a set
 * is being written, joins the same set, so a busy feed is written with far fewer statements and commits than messages.
 * Each message's promise settles only after its set is committed: callers acknowledge to the broker then, never
 * before, so a crash means redelivery, not loss. A set the database refuses is retried with backoff (the feed waits
 * meanwhile) until it is taken or the intake stops; a set refused for its data is stored message by message, and a
 * message the database cannot hold becomes a dead letter instead of stalling the feed.
 */
export class IntakeBatcher {
  private queue: Waiting[] = [];
  private writing: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Sql,
    private readonly channel: Channel,
    private readonly log: FastifyBaseLogger,
    private readonly onStored: () => void,
  ) {}

  store(message: FeedMessage): Promise<void> {
    if (this.stopping) return Promise.reject(new Error('the intake is stopping'));
    return new Promise((stored, failed) => {
      this.queue.push({ message, stored, failed });
      this.writing ??= this.writeAll();
    });
  }

  /**
   * Refuses what waits and stops retrying, so the broker delivers it again to the next run; a set already being
   * written is let finish (a statement in flight cannot be taken back).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.refuse(this.queue.splice(0), new Error('the intake is stopping'));
    this.wake?.();
    await this.writing;
  }

  private async writeAll(): Promise<void> {
    for (;;) {
      // Let more messages join the set, unless there are plenty already or the intake is stopping.
      if (this.queue.length < FULL_ENOUGH && !this.stopping)
        await new Promise<void>((resolve) => setTimeout(resolve, LINGER_MS));
      // Decided in the same turn as the check: a message queued after this line starts a writer of its own.
      if (this.queue.length === 0) {
        this.writing = undefined;
        return;
      }
      const set = this.nextSet();
      try {
        await this.writeWithRetry(set.map((waiting) => waiting.message));
        for (const waiting of set) waiting.stored();
        this.onStored();
      } catch (error) {
        this.refuse(set, error as Error);
      }
    }
  }

  private nextSet(): Waiting[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && count < MAX_SET_MESSAGES) {
      const size = this.queue[count]?.message.payload.length ?? 0;
      if (count > 0 && bytes + size > MAX_SET_BYTES) break;
      bytes += size;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private refuse(set: readonly Waiting[], error: Error): void {
    for (const waiting of set) waiting.failed(error);
  }

  private async writeWithRetry(messages: readonly FeedMessage[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.write(messages);
        return;
      } catch (error) {
        if (this.stopping) throw error;
        this.log.error(
          { err: error, attempt, messages: messages.length },
          'storing observations failed; retrying',
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(5000, 100 * 2 ** attempt));
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
        if (this.stopping) throw error;
      }
    }
  }

  private async write(messages: readonly FeedMessage[]): Promise<void> {
    try {
      await acceptFeedMessages(this.db, this.channel, messages);
    } catch (error) {
      if (!isDataError(error)) throw error;
      for (const message of messages) await this.writeAlone(message);
    }
  }

  private async writeAlone(message: FeedMessage): Promise<void> {
    try {
      await acceptFeedMessages(this.db, this.channel, [message]);
    } catch (error) {
      if (!isDataError(error)) throw error;
      this.log.warn(
        { source: message.sourceId },
        'an observation message the database cannot hold became a dead letter',
      );
      await deadLetter(
        this.db,
        this.channel,
        message.sourceId || null,
        `the database refused it: ${(error as Error).message}`,
        message.payload,
      );
    }
  }
}
