import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/** What the tutor needs to know about a person from Slack. */
export interface Person {
  /** Their Slack time zone (IANA), or null when Slack does not say. */
  zone: string | null;
  /** A workspace admin or owner. */
  isAdmin: boolean;
}

export interface PeopleDirectoryOptions {
  /** Slack user ids who may manage the daily quiz besides workspace admins and owners (TUTOR_ADMINS). */
  admins: readonly string[];
  logger: Logger;
  /** How long what Slack said about a person is trusted (default 10 minutes). */
  ttlMs?: number;
  /** How many people are remembered at most (default 10,000). */
  capacity?: number;
  now?: () => number;
}

/**
 * Looks people up with `users.info`, remembering the answer for a while: a daily quiz brings the
 * same people back every day, and `users.info` is rate limited (Tier 4). Concurrent lookups of
 * one person share one call.
 */
export class PeopleDirectory {
  readonly #client: WebClient;
  readonly #admins: ReadonlySet<string>;
  readonly #logger: Logger;
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #now: () => number;
  readonly #known = new Map<string, { person: Promise<Person | null>; until: number }>();
  /** Time zones Slack has told, kept past the lookups' expiry: a zone rarely changes. */
  readonly #zones = new Map<string, string>();

  constructor(client: WebClient, options: PeopleDirectoryOptions) {
    this.#client = client;
    this.#admins = new Set(options.admins);
    this.#logger = options.logger;
    this.#ttlMs = options.ttlMs ?? 600_000;
    this.#capacity = options.capacity ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** What Slack says of `userId`, or null when Slack could not be asked (the caller carries on). */
  lookup(userId: string): Promise<Person | null> {
    const now = this.#now();
    const known = this.#known.get(userId);
    if (known && known.until > now) return known.person;
    const person = this.#fetch(userId);
    this.#known.delete(userId);
    this.#known.set(userId, { person, until: now + this.#ttlMs });
    if (this.#known.size > this.#capacity) this.#known.delete(this.#known.keys().next().value as string);
    // A failed lookup is not remembered: the next one asks again.
    void person.then((found) => {
      if (found === null && this.#known.get(userId)?.person === person) this.#known.delete(userId);
    });
    return person;
  }

  async zoneOf(userId: string): Promise<string | null> {
    return (await this.lookup(userId))?.zone ?? null;
  }

  /**
   * The person's time zone if Slack has told it already, without asking: a quiz click must not
   * wait on (or spend Slack's rate limit on) `users.info`.
   */
  knownZone(userId: string): string | null {
    return this.#zones.get(userId) ?? null;
  }

  /** Workspace admins and owners, and the people listed in TUTOR_ADMINS, may manage the daily quiz. */
  async mayManageQuizzes(userId: string): Promise<boolean> {
    if (this.#admins.has(userId)) return true;
    return (await this.lookup(userId))?.isAdmin === true;
  }

  async #fetch(userId: string): Promise<Person | null> {
    try {
      const { user } = await this.#client.users.info({ user: userId });
      const zone = typeof user?.tz === 'string' && user.tz !== '' ? user.tz : null;
      if (zone) {
        this.#zones.delete(userId);
        this.#zones.set(userId, zone);
        if (this.#zones.size > this.#capacity) this.#zones.delete(this.#zones.keys().next().value as string);
      }
      return { zone, isAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner) };
    } catch (error) {
      this.#logger.warn(`users.info for ${userId} failed: ${(error as Error).message}`);
      return null;
    }
  }
}
