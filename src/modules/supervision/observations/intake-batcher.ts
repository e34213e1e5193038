import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../../../core/db/db.js';
import { acceptFeedMessages, type Channel, type FeedMessage } from './observations.service.js';

/** Enough for one statement to stay quick; a busier feed is taken in several sets one after another. */
const MAX_SET = 1000;

interface Waiting {
  message: FeedMessage;
  stored: () => void;
  failed: (error: Error) => void;
}

/**
 * Stores the messages of a device feed in sets: a message arriving while a set is being written joins the next set, so
 * a quiet feed is written message by message with no wait, and a busy one with far fewer round trips than messages.
 * Each message's promise settles only after its set is committed: callers acknowledge to the broker then, never
 * before, so a crash means redelivery, not loss. A set the database refuses is retried with backoff (the feed waits
 * meanwhile) until it is taken or the intake stops.
 */
export class IntakeBatcher {
  private queue: Waiting[] = [];
  private writing: Promise<void> | undefined;
  private stopping = false;

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

  /** Stops retrying: what is still waiting is refused, and the broker will deliver it again. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.writing;
  }

  private async writeAll(): Promise<void> {
    // Let the messages that arrived in the same turn of the event loop join the first set.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (;;) {
      // Decided in the same turn as the check: a message queued after this line starts a writer of its own.
      if (this.queue.length === 0) {
        this.writing = undefined;
        return;
      }
      const set = this.queue.splice(0, MAX_SET);
      try {
        await this.writeWithRetry(set.map((waiting) => waiting.message));
        for (const waiting of set) waiting.stored();
        this.onStored();
      } catch (error) {
        for (const waiting of set) waiting.failed(error as Error);
      }
    }
  }

  private async writeWithRetry(messages: FeedMessage[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await acceptFeedMessages(this.db, this.channel, messages);
        return;
      } catch (error) {
        if (this.stopping) throw error;
        this.log.error({ err: error, attempt, messages: messages.length }, 'storing observations failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }
}
