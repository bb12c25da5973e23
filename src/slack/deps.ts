import type { Logger } from '@slack/bolt';
import type { Store } from '../store/store.js';
import type { Tutor } from '../tutor/tutor.js';
import type { ChannelPacer } from './channel-pacer.js';

/** What the listeners use; built once by the composition root. */
export interface SlackDeps {
  tutor: Tutor;
  store: Store;
  pacer: ChannelPacer;
  logger: Logger;
  /** The clock, passed in so listeners stay testable and the core never reads it. */
  now: () => Date;
}
