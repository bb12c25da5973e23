import type { HomeView, KnownBlock } from '@slack/types';
import type { KnowledgeBase } from '../../knowledge/types.js';
import type { PersonalScore, ScorePeriod, ScoreRow } from '../../quiz/records.js';
import type { StudyPlan, TopicCoverage } from '../../review/study-plan.js';
import { COMMANDS } from '../../tutor/commands.js';
import { topicRef } from '../../tutor/tutor.js';
import { fitHome, HOME_BLOCKS_MAX } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { context, packSections, renderTopicGroups } from './render-reply.js';
import { coverageBlocks, studyPlanBlocks } from './render-review.js';
import {
  DAILY_QUIZ_HINT,
  LEADERBOARD_SHOWN,
  leaderboardLines,
  personalScoreBlocks,
} from './render-scores.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The viewer's quiz standing for the Home tab. */
export interface HomeScores {
  viewerId: string;
  score: PersonalScore;
  /** The workspace's leaderboard, best first (only the top ten are shown). */
  top: ScoreRow[];
  /** The period `top` covers, when it is not all time. */
  period?: ScorePeriod;
}

const TOP_TITLES: Record<ScorePeriod, string> = {
  week: 'Top ten in this workspace · last 7 days',
  month: 'Top ten in this workspace · last 30 days',
  all: 'Top ten in this workspace',
};

/** "Your score" and the workspace's top ten, for the Home tab. */
function scoreBlocks(scores: HomeScores): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Your score' } },
    ...personalScoreBlocks(scores.score),
    { type: 'header', text: { type: 'plain_text', text: TOP_TITLES[scores.period ?? 'all'] } },
  ];
  if (scores.top.length === 0) {
    blocks.push(...packSections(['No daily quiz answers in this workspace yet.']), context(DAILY_QUIZ_HINT));
  } else {
    blocks.push(...packSections(leaderboardLines(scores.top, scores.viewerId, LEADERBOARD_SHOWN)));
    blocks.push(context('Points come from daily quizzes in channels; practice doesn’t count.'));
  }
  return blocks;
}

/** The viewer's review deck for the Home tab, and the team's coverage when the viewer is an admin. */
export interface HomeStudy {
  plan: StudyPlan;
  /** Null for everyone but admins. */
  coverage: TopicCoverage[] | null;
}

/**
 * The App Home tab: what the tutor is, the viewer's quiz score and the workspace's top ten (when
 * given), their study plan (and, for admins, the team's coverage), how to ask it (`/aws`, a mention, a direct message) and the topics it knows grouped by
 * notes file, within a view's 100 blocks however many topics.
 */
export function renderHome(knowledge: KnowledgeBase, personal?: HomeScores, study?: HomeStudy): HomeView {
  const groups = knowledge.files
    .map((file) => ({
      file,
      topics: knowledge.topics.filter((topic) => topic.source.file === file).map(topicRef),
    }))
    .filter((group) => group.topics.length > 0);
  const topicCount = groups.reduce((sum, group) => sum + group.topics.length, 0);

  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'AWS tutor' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text:
          topicCount > 0
            ? `I answer questions about AWS from the team’s own study notes: ${plural(topicCount, 'topic')} in ${plural(groups.length, 'notes file')}. Every answer quotes the notes and names the file and heading it comes from.`
            : 'I answer questions about AWS from the team’s own study notes, but no notes are loaded yet: add Markdown files to the knowledge folder.',
      },
    },
    ...(personal ? scoreBlocks(personal) : []),
    ...(study ? studyPlanBlocks(study.plan) : []),
    ...(study?.coverage ? coverageBlocks(study.coverage) : []),
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'How to ask' } },
    ...packSections([
      '• `/aws` and a question, anywhere: only you see the answer, with a button to share it.',
      '• Mention me in a channel with a question: everyone there sees the answer.',
      '• Send me a direct message.',
      '',
      ...COMMANDS.map(
        (command) =>
          `\`/aws ${escapeMrkdwn(command.example)}\`  ${escapeMrkdwn(command.usage === 'help' ? 'what you can ask' : command.description)}`,
      ),
    ]),
  ];
  if (groups.length > 0) {
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'header', text: { type: 'plain_text', text: 'Topics I know' } });
    blocks.push(...renderTopicGroups(groups, HOME_BLOCKS_MAX - blocks.length));
  }
  return { type: 'home', blocks: fitHome(blocks) };
}
