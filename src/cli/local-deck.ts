import { userInfo } from 'node:os';
import type { Tutor } from '../tutor/tutor.js';
import type { LocalDeck } from './review-session.js';

/** Where the app keeps its data (DATABASE_URL, else DATA_DIR), as the terminal reads it. */
export interface DeckSource {
  databaseUrl: string | null;
  dataDir: string;
}

/**
 * The terminal's own review deck in the app's store: the local profile (`local` workspace, the
 * login name), in this machine's time zone. The store drivers and the quiz questions are loaded
 * here, on first use, so the terminal tutor starts without them.
 */
export async function openLocalDeck(source: DeckSource, tutor: Tutor): Promise<LocalDeck> {
  const [{ openStore }, { generateQuestions }, { ReviewService }, { reviewTopicsOf }] = await Promise.all([
    import('../store/open-store.js'),
    import('../quiz/generate.js'),
    import('../review/review-service.js'),
    import('../review/review-topics.js'),
  ]);
  const store = await openStore({ databaseUrl: source.databaseUrl, dataDir: source.dataDir });
  const questions = generateQuestions(tutor.knowledge, tutor);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  return {
    reviews: new ReviewService({
      store,
      questions: () => questions,
      topics: () => reviewTopicsOf(tutor.knowledge),
    }),
    learner: { teamId: 'local', userId: `terminal:${userInfo().username}` },
    zone,
    close: () => store.close(),
  };
}
