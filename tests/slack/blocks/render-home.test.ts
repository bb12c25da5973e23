import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../../src/knowledge/types.js';
import type { PersonalScore } from '../../../src/quiz/records.js';
import { QUIZ_ME_PATTERN, quizMeActionId } from '../../../src/slack/blocks/action-ids.js';
import { type HomeScores, renderHome } from '../../../src/slack/blocks/render-home.js';
import type { ScoreRow } from '../../../src/store/store.js';
import {
  assertWithinBlockKitLimits,
  hugeNotesFiles,
  liveMarkup,
  payloadViolations,
  visibleTexts,
} from '../../helpers/block-kit-limits.js';
import { textsOf } from '../../helpers/message-text.js';
import { notesDir } from '../../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../../helpers/paths.js';

const homeText = (knowledge: KnowledgeBase): string => {
  const view = renderHome(knowledge);
  assertWithinBlockKitLimits(view);
  return (view.blocks as KnownBlock[]).flatMap(textsOf).join('\n');
};

describe('renderHome', () => {
  const knowledge = loadKnowledgeDir(KNOWLEDGE_DIR).knowledge;

  it('is a Home tab view', () => {
    const view = renderHome(knowledge);
    expect(view.type).toBe('home');
    expect(view.blocks[0]).toMatchObject({ type: 'header' });
    expect(payloadViolations(view)).toEqual([]);
  });

  it('says what the tutor is and how to ask it', () => {
    const text = homeText(knowledge);
    expect(text).toMatch(/AWS/);
    expect(text).toMatch(/study notes: \d+ topics in 1 notes file/);
    expect(text).toContain('`/aws what is fargate`');
    expect(text).toContain('`/aws ecs vs fargate`');
    expect(text).toContain('`/aws topics`');
    expect(text).toMatch(/[Mm]ention me/);
    expect(text).toMatch(/direct message/);
  });

  it('lists the topics it knows, grouped by notes file', () => {
    const text = homeText(knowledge);
    expect(text).toMatch(
      /\*compute\.md\*\nDocker, ECS \(Elastic Container Service\), Fargate \(serverless\)/,
    );
    for (const topic of knowledge.topics) expect(text).toContain(topic.title);
  });

  it('renders notes without topics', () => {
    const text = homeText({ topics: [], files: [] });
    expect(text).toMatch(/no notes are loaded/);
    expect(text).not.toContain('Topics I know');
  });

  it('escapes file names and titles from the notes', () => {
    const dir = notesDir({
      'q&a <!channel>.md': '# Markup <@U123> & <https://x|y> @here\n\n- A fact.\n',
    });
    const view = renderHome(loadKnowledgeDir(dir).knowledge);
    assertWithinBlockKitLimits(view);
    expect(visibleTexts(view).flatMap((text) => liveMarkup(text))).toEqual([]);
    const text = (view.blocks as KnownBlock[]).flatMap(textsOf).join('\n');
    expect(text).toContain('*q&amp;a &lt;!channel&gt;.md*');
    expect(text).toContain('Markup &lt;@U123&gt; &amp; &lt;https://x|y&gt;');
  });

  it('keeps within 100 blocks however many topics, summing up the rest', () => {
    const big = loadKnowledgeDir(notesDir(hugeNotesFiles(400))).knowledge;
    expect(big.topics).toHaveLength(400);
    const view = renderHome(big);
    expect(payloadViolations(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(visibleTexts(view).flatMap((text) => liveMarkup(text))).toEqual([]);

    // Many files of many topics: more than a Home tab can show.
    const many: KnowledgeBase = {
      files: Array.from({ length: 150 }, (_, f) => `notes-${f}.md`),
      topics: big.topics.flatMap((topic, i) =>
        Array.from({ length: 15 }, (_, f) => ({
          ...topic,
          id: `${topic.id}-${f}`,
          source: { file: `notes-${(i * 15 + f) % 150}.md`, line: 1 },
        })),
      ),
    };
    const crowded = renderHome(many);
    expect(payloadViolations(crowded)).toEqual([]);
    expect(crowded.blocks).toHaveLength(100);
    const text = (crowded.blocks as KnownBlock[]).flatMap(textsOf).join('\n');
    const more = Number(/…and (\d+) more/.exec(text)?.[1]);
    const shown = (crowded.blocks as KnownBlock[])
      .filter((block) => block.type === 'section')
      .flatMap(textsOf)
      .filter((section) => /Kappa/.test(section))
      .map((section) => section.replace(/^\*[^*\n]+\*\n/, ''))
      .flatMap((section) => section.split(', ')).length;
    expect(more).toBeGreaterThan(0);
    expect(shown + more).toBe(6000);
  });
});

describe('renderHome with the viewer’s score', () => {
  const knowledge = loadKnowledgeDir(KNOWLEDGE_DIR).knowledge;
  const score: PersonalScore = {
    points: 42,
    answered: 23,
    right: 17,
    accuracy: 17 / 23,
    streak: 4,
    weakest: [
      { topicId: 'lambda', topicTitle: 'Lambda', answered: 4, right: 1 },
      { topicId: 'ecs', topicTitle: 'ECS', answered: 3, right: 1 },
      { topicId: 'docker', topicTitle: 'Docker', answered: 2, right: 1 },
    ],
  };
  const rows = (count: number): ScoreRow[] =>
    Array.from({ length: count }, (_, i) => ({
      userId: `U${String(i + 1).padStart(5, '0')}`,
      points: 10 * (count - i),
      answered: 6,
      right: 5,
    }));
  const personal = (overrides: Partial<HomeScores> = {}): HomeScores => ({
    viewerId: 'U00002',
    score,
    top: rows(12),
    ...overrides,
  });
  const texts = (blocks: unknown[]): string[] => (blocks as KnownBlock[]).flatMap(textsOf);

  it('shows "Your score" and the top ten after the intro, before how to ask', () => {
    const view = renderHome(knowledge, personal());
    assertWithinBlockKitLimits(view);
    const all = texts(view.blocks);
    const at = (text: string) => all.findIndex((item) => item.includes(text));
    expect(at('Your score')).toBeGreaterThan(at('study notes'));
    expect(at('Top ten in this workspace')).toBeGreaterThan(at('Your score'));
    expect(at('How to ask')).toBeGreaterThan(at('Top ten in this workspace'));
    const text = all.join('\n');
    expect(text).toContain('*42 points* from daily quizzes · 🔥 4-day streak');
    expect(text).toContain('🥇 <@U00001> — 120 points · 5/6 right');
    expect(text).toContain('*🥈 <@U00002> — 110 points · 5/6 right* (you)');
    expect(text).toContain('10. <@U00010>');
    expect(text).not.toContain('<@U00011>');
    for (const topic of knowledge.topics) expect(text).toContain(topic.title);
    const quizMe = (view.blocks as KnownBlock[]).flatMap((block) =>
      block.type === 'section' && block.accessory?.type === 'button' ? [block.accessory] : [],
    );
    expect(quizMe.map((b) => [b.action_id, b.value])).toEqual([
      [quizMeActionId(0), 'lambda'],
      [quizMeActionId(1), 'ecs'],
      [quizMeActionId(2), 'docker'],
    ]);
    expect(quizMe.every((b) => QUIZ_ME_PATTERN.test(b.action_id ?? ''))).toBe(true);
  });

  it('says so when there are no answers yet', () => {
    const empty: PersonalScore = { points: 0, answered: 0, right: 0, accuracy: null, streak: 0, weakest: [] };
    const view = renderHome(knowledge, personal({ score: empty, top: [], period: 'week' }));
    assertWithinBlockKitLimits(view);
    const text = texts(view.blocks).join('\n');
    expect(text).toContain('No answers yet: try `/aws quiz`');
    expect(text).toContain('Top ten in this workspace · last 7 days');
    expect(text).toContain('No daily quiz answers in this workspace yet.');
    expect(text).toContain('/aws quiz daily 09:00 Europe/Berlin');
  });

  it('keeps within 100 blocks with huge notes and thousands of scores', () => {
    const big = loadKnowledgeDir(notesDir(hugeNotesFiles(400))).knowledge;
    const hostile = [0, 1, 2].map((i) => ({
      topicId: `t${i}${'x'.repeat(3000)}`,
      topicTitle: `<!channel> ${'&'.repeat(3000)}`,
      answered: 3,
      right: 1,
    }));
    const top = rows(2000);
    const view = renderHome(
      big,
      personal({ score: { ...score, weakest: hostile }, top, viewerId: 'U01500' }),
    );
    expect(payloadViolations(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const users = top.map((row) => row.userId);
    expect(visibleTexts(view).flatMap((text) => liveMarkup(text, users))).toEqual([]);
    expect(texts(view.blocks).join('\n')).toContain('(you)');
  });
});
