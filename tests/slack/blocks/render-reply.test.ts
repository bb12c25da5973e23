import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../../src/knowledge/load.js';
import {
  ASK_TOPIC_PATTERN,
  QUIZ_ME,
  REVIEW_REMEMBER,
  SHARE_ANSWER,
} from '../../../src/slack/blocks/action-ids.js';
import { MORE_IN_NOTES } from '../../../src/slack/blocks/limits.js';
import {
  type AnswerReply,
  type RenderReplyOptions,
  renderReply,
  type SlackMessage,
} from '../../../src/slack/blocks/render-reply.js';
import type { FactView, Reply, TopicRef } from '../../../src/tutor/reply.js';
import { createTutor, type Tutor } from '../../../src/tutor/tutor.js';
import {
  allStrings,
  assertWithinBlockKitLimits,
  hugeNotesFiles,
  liveMarkup,
  payloadViolations,
  visibleTexts,
} from '../../helpers/block-kit-limits.js';
import { textOf, textsOf } from '../../helpers/message-text.js';
import { makeNotesDir, notesDir } from '../../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../../helpers/paths.js';

const tutor = createTutor(loadKnowledgeDir(KNOWLEDGE_DIR).knowledge);

/** A reply this renderer takes: quiz and leaderboard requests go to the quiz and score renderers. */
function answerOnly(reply: Reply): AnswerReply {
  if (reply.intent === 'quiz' || reply.intent === 'leaderboard') {
    throw new Error(`${reply.intent} is not rendered by renderReply`);
  }
  return reply;
}

const ask = (question: string): AnswerReply => answerOnly(tutor.answer(question));
const PRIVATE: RenderReplyOptions = { shareable: true };
const render = (question: string, options: RenderReplyOptions = PRIVATE): SlackMessage => {
  const message = renderReply(ask(question), options);
  assertWithinBlockKitLimits(message);
  return message;
};

const ofType = <T extends KnownBlock['type']>(message: SlackMessage, type: T) =>
  message.blocks.filter((block): block is Extract<KnownBlock, { type: T }> => block.type === type);
const buttons = (message: SlackMessage): Button[] =>
  ofType(message, 'actions').flatMap((block: ActionsBlock) => block.elements as Button[]);
const contexts = (message: SlackMessage): string[] => ofType(message, 'context').flatMap(textsOf);

/** Topics a list names plus those it sums up as "…and N more". */
function listedCount(message: SlackMessage): number {
  const more = contexts(message)
    .map((text) => /…and (\d+) more/.exec(text)?.[1])
    .find(Boolean);
  const shown = ofType(message, 'section')
    .flatMap(textsOf)
    .map((text) => text.replace(/^\*[^*\n]+\*\n/, ''))
    .flatMap((text) => text.split(', ')).length;
  return shown + Number(more ?? 0);
}

describe('renderReply: explain', () => {
  it('renders the title, the lead, the rest briefly, the source and the buttons', () => {
    const reply = ask('what is fargate');
    if (reply.intent !== 'explain') throw new Error(`want explain, got ${reply.intent}`);
    const message = render('what is fargate');
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Fargate (serverless)' },
    });
    const sections = ofType(message, 'section').flatMap(textsOf);
    expect(sections[0]).toBe(`• ${reply.lead[0]?.text}`);
    expect(sections[1]).toMatch(/^_Also in the notes:_\n• /);
    expect(contexts(message)).toContain('Source: compute.md › Fargate (serverless)');
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(message.blocks.at(-2)?.type).toBe('context');

    const all = buttons(message);
    expect(all.map((b) => b.action_id)).toEqual([
      ...reply.related.map((_, i) => `ask_topic:${i}`),
      QUIZ_ME,
      REVIEW_REMEMBER,
      SHARE_ANSWER,
    ]);
    const related = all.slice(0, reply.related.length);
    expect(related.map((b) => [b.text.text, b.value])).toEqual(
      reply.related.map((topic) => [topic.title, topic.id]),
    );
    expect(related.every((b) => ASK_TOPIC_PATTERN.test(b.action_id ?? ''))).toBe(true);
    expect(all.at(-3)).toMatchObject({ text: { text: 'Quiz me on this' }, value: 'fargate' });
    expect(all.at(-2)).toMatchObject({ text: { text: 'Remember this' }, value: 'fargate' });
    expect(all.map((b) => b.value)).toContain('ecs');
    expect(all.at(-1)).toMatchObject({ text: { text: 'Share in channel' }, value: 'what is fargate' });
    expect(message.text).toBe(`Fargate (serverless): ${reply.lead[0]?.text}`);
  });

  it('shows at most three related topics', () => {
    const reply = ask('what is fargate');
    if (reply.intent !== 'explain') throw new Error(`want explain, got ${reply.intent}`);
    const many: TopicRef[] = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, title: `Topic ${i}` }));
    const message = renderReply({ ...reply, related: many }, { shareable: false });
    expect(buttons(message).map((b) => b.value)).toEqual(['t0', 't1', 't2', reply.topic.id, reply.topic.id]);
  });

  it('leads with the asked-for fact and cuts the rest to about 140 characters', () => {
    const message = render('lamda pricing');
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Lambda' } });
    const sections = ofType(message, 'section').flatMap(textsOf);
    expect(sections[0]).toMatch(/^• .*[Pp]ricing/);
    const rest = sections[1]?.split('\n').slice(1) ?? [];
    expect(rest.length).toBeGreaterThan(2);
    // Slack shows `&amp;` as one character: the cut is measured on what people read.
    const shown = (line: string) => line.replace(/&(amp|lt|gt);/g, '&');
    for (const line of rest) expect(shown(line).length).toBeLessThanOrEqual(2 + 140);
    expect(rest.some((line) => line.endsWith('…'))).toBe(true);
    expect(contexts(message)).toContain('Source: compute.md › Lambda');
    expect(buttons(message).at(-1)?.value).toBe('lamda pricing');
  });

  it('indents sub-points under their bullet', () => {
    const text = textOf(render('where are docker images stored'));
    expect(text).toMatch(/• .*Docker Images.*\n +◦ p(rivate|ublic) : .*\n +◦ p(rivate|ublic) : /);
  });

  it('reads a misspelt name as the topic', () => {
    const message = render('fargte');
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Fargate (serverless)' } });
    expect(buttons(message).at(-1)?.value).toBe('fargte');
  });

  it('has no share button when the answer is already public, but still offers a quiz and Remember this', () => {
    const message = render('what is fargate', { shareable: false });
    expect(buttons(message).map((b) => b.action_id)).not.toContain(SHARE_ANSWER);
    expect(buttons(message).at(-2)).toMatchObject({ action_id: QUIZ_ME, value: 'fargate' });
    expect(buttons(message).at(-1)).toMatchObject({ action_id: REVIEW_REMEMBER, value: 'fargate' });
  });

  it('offers "Quiz me on this" only under an explanation', () => {
    for (const question of ['ecs vs fargate', 'topics', 'help', 'what is s3', 'ec2']) {
      const ids = buttons(render(question)).map((b) => b.action_id);
      expect(ids, question).not.toContain(QUIZ_ME);
    }
  });

  it('says who shared it, mentioning only a real user id', () => {
    const shared = render('what is fargate', { shareable: false, sharedBy: 'U024BE7LH' });
    expect(contexts(shared)).toContain('Shared by <@U024BE7LH>');
    expect(liveMarkup(JSON.stringify(shared), ['U024BE7LH'])).toEqual([]);
    for (const sharedBy of ['<!channel>', 'U123> <!here', 'alice', '@here', 'u123']) {
      const message = render('what is fargate', { shareable: false, sharedBy });
      expect(contexts(message).some((text) => text.startsWith('Shared by '))).toBe(true);
      expect(allStrings(message).flatMap((text) => liveMarkup(text))).toEqual([]);
    }
    const long = render('what is fargate', { shareable: false, sharedBy: `U${'A'.repeat(5000)}` });
    expect(long.blocks.length).toBeGreaterThan(2);
  });
});

describe('renderReply: the other replies', () => {
  it('renders a comparison: title, subjects side by side, each side with its source', () => {
    const reply = ask('ecs vs fargate');
    if (reply.intent !== 'compare') throw new Error(`want compare, got ${reply.intent}`);
    const message = render('ecs vs fargate');
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'ECS (Elastic Container Service) vs Fargate (serverless)' },
    });
    const withFields = ofType(message, 'section').filter((block) => block.fields);
    expect(withFields.length).toBe(reply.shared.length);
    expect(withFields[0]?.text?.text).toMatch(/^_On .+:_$/);
    expect(withFields[0]?.fields?.map((field) => field.text.split('\n')[0])).toEqual([
      '*ECS (Elastic Container Service)*',
      '*Fargate (serverless)*',
    ]);
    const text = textOf(message);
    expect(text).toMatch(/\*ECS \(Elastic Container Service\)\*\n• /);
    expect(text).toMatch(/\*Fargate \(serverless\)\*\n• /);
    expect(contexts(message)).toEqual([
      'Source: compute.md › ECS (Elastic Container Service)',
      'Source: compute.md › Fargate (serverless)',
    ]);
    expect(buttons(message)).toMatchObject([{ action_id: SHARE_ANSWER, value: 'ecs vs fargate' }]);
    expect(message.text).toBe('ECS (Elastic Container Service) vs Fargate (serverless)');
  });

  it('lists the topics grouped by notes file', () => {
    const message = render('topics');
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Topics in the notes' } });
    expect(textOf(message)).toMatch(/\*compute\.md\*\nDocker, ECS \(Elastic Container Service\), Fargate/);
    expect(buttons(message)).toEqual([]);
    expect(message.text).toMatch(/^Topics in the notes: \d+ topics in 1 file$/);
  });

  it('shows every command with its example', () => {
    const reply = ask('help');
    if (reply.intent !== 'help') throw new Error(`want help, got ${reply.intent}`);
    const text = textOf(render('help'));
    for (const command of reply.commands) {
      expect(text).toContain(`\`${command.example}\``);
      expect(text).toContain(command.description);
    }
    expect(text).toContain('`&lt;topic&gt; vs &lt;topic&gt;`');
    expect(text).toContain('/aws');
  });

  it('says honestly what the notes do not cover, with a hint', () => {
    const message = render('what is zqxv');
    expect(message.text).toBe('The notes don’t cover “what is zqxv”.');
    expect(textOf(message)).toContain('The notes don’t cover “what is zqxv”.');
    expect(contexts(message).join('\n')).toContain('/aws topics');
    expect(buttons(message)).toEqual([]);
  });

  it('names a catalogued service the notes lack, with buttons for the topics that mention it', () => {
    const reply = ask('ec2');
    if (reply.intent !== 'unknown') throw new Error(`want unknown, got ${reply.intent}`);
    expect(reply.notCovered).toEqual(['Amazon Elastic Compute Cloud (EC2)']);
    expect(reply.suggestions).toEqual([]);
    const [mention, ...more] = reply.mentionedIn;
    expect(more).toEqual([]);
    expect(mention?.topics.length).toBeGreaterThan(0);
    const message = render('ec2');
    expect(message.text).toBe('The notes don’t cover Amazon Elastic Compute Cloud (EC2).');
    expect(textOf(message)).toContain('The notes mention it in:');
    expect(buttons(message).map((b) => [b.action_id, b.value, b.text.text])).toEqual(
      mention?.topics.map((topic, i) => [`ask_topic:${i}`, topic.id, topic.title]),
    );
  });

  it('names each service it lacks above the buttons for the topics that mention that one', () => {
    const reply: AnswerReply = {
      intent: 'unknown',
      question: 'alerts in cloudwatch when sqs messages pile up',
      topics: [],
      confidence: 0.9,
      sure: true,
      suggestions: [],
      notCovered: ['Amazon CloudWatch', 'Amazon SQS'],
      mentionedIn: [
        { service: 'Amazon CloudWatch', topics: [{ id: 'ecs', title: 'Amazon ECS' }] },
        { service: 'Amazon SQS', topics: [{ id: 'batch', title: 'AWS Batch' }] },
      ],
    };
    const message = renderReply(reply, PRIVATE);
    expect(message.text).toBe('The notes don’t cover Amazon CloudWatch or Amazon SQS.');
    const sections = textOf(message);
    expect(sections).toContain('The notes mention Amazon CloudWatch in:');
    expect(sections).toContain('The notes mention Amazon SQS in:');
    expect(sections.indexOf('Amazon CloudWatch in:')).toBeLessThan(sections.indexOf('Amazon SQS in:'));
    expect(buttons(message).map((b) => [b.action_id, b.value, b.text.text])).toEqual([
      ['ask_topic:0', 'ecs', 'Amazon ECS'],
      ['ask_topic:1', 'batch', 'AWS Batch'],
    ]);
  });

  it('says which service a need sounds like when the notes lack it', () => {
    const reply: AnswerReply = {
      intent: 'unknown',
      question: 'rotate our database passwords every 30 days',
      topics: [],
      confidence: 0.75,
      sure: true,
      suggestions: [],
      notCovered: [],
      mentionedIn: [],
      soundsLike: 'AWS Secrets Manager',
    };
    expect(renderReply(reply, PRIVATE).text).toBe(
      'The notes don’t cover “rotate our database passwords every 30 days”. It sounds like AWS Secrets Manager, which they don’t have.',
    );
  });

  it('offers "did you mean" buttons for close topics', () => {
    const reply = ask('zqxv containers');
    if (reply.intent !== 'unknown') throw new Error(`want unknown, got ${reply.intent}`);
    expect(reply.suggestions.length).toBeGreaterThan(0);
    const message = render('zqxv containers');
    expect(textOf(message)).toContain('Did you mean:');
    expect(buttons(message).map((b) => [b.action_id, b.value, b.text.text])).toEqual(
      reply.suggestions.map((topic, i) => [`ask_topic:${i}`, topic.id, topic.title]),
    );
    expect(message.text).toContain('Did you mean: ');
  });

  it('echoes at most 80 characters of an unknown question', () => {
    const message = render(`what is ${'zqxv '.repeat(100)}`);
    const echoed = /“(.*)”/.exec(textOf(message))?.[1] ?? '';
    expect(echoed.length).toBeLessThanOrEqual(80);
    expect(echoed.endsWith('…')).toBe(true);
  });
});

describe("renderReply: the notes' counterpart of another cloud's service", () => {
  it('says whose counterpart it is, in the header and the notification text', () => {
    const reply = ask("what's the aws equivalent of azure functions");
    expect(reply.intent).toBe('explain');
    const message = renderReply(reply as AnswerReply, PRIVATE);
    expect(ofType(message, 'header')[0]?.text.text).toBe(
      'Lambda, the counterpart of Azure Functions in the notes',
    );
    expect(message.text).toMatch(/^Lambda, the counterpart of Azure Functions in the notes: /);
  });
});

describe('renderReply: a reply the tutor is not sure of', () => {
  const guess = (): AnswerReply => {
    const reply = ask('what is fargate');
    if (reply.intent !== 'explain') throw new Error(`want explain, got ${reply.intent}`);
    const ecs = { id: 'ecs', title: 'ECS (Elastic Container Service)' };
    return { ...reply, sure: false, confidence: 0.5, alternatives: [ecs] };
  };

  it('says it is the closest match, in the header and the notification text', () => {
    const message = renderReply(guess(), PRIVATE);
    expect(ofType(message, 'header')[0]?.text.text).toBe('Closest match in the notes: Fargate (serverless)');
    expect(message.text).toMatch(/^Closest match in the notes: Fargate \(serverless\): /);
  });

  it('offers the next candidates as "did you mean" buttons that ask about them', () => {
    const message = renderReply(guess(), PRIVATE);
    expect(textOf(message)).toContain('Did you mean:');
    expect(buttons(message).map((b) => [b.action_id, b.value])).toContainEqual(['ask_topic:0', 'ecs']);
  });

  it('keeps the related topics’ buttons beside the "did you mean" ones, each its own action id', () => {
    const reply = guess();
    if (reply.intent !== 'explain') throw new Error('want explain');
    expect(reply.related.length).toBeGreaterThan(0);
    const topicIds = buttons(renderReply(reply, PRIVATE))
      .filter((b) => b.action_id?.startsWith('ask_topic'))
      .map((b) => [b.action_id, b.value]);
    expect(topicIds).toEqual([
      ['ask_topic:0', 'ecs'],
      ...reply.related.slice(0, 3).map((topic, i) => [`ask_topic:${i + 1}`, topic.id]),
    ]);
  });

  it('opens a sure reply with the topic alone', () => {
    const message = render('what is fargate');
    expect(ofType(message, 'header')[0]?.text.text).toBe('Fargate (serverless)');
    expect(textOf(message)).not.toContain('Did you mean:');
  });
});

describe('renderReply: escaping', () => {
  const HOSTILE = '<!channel> <@U123> <https://x|y> @here & <#C1|general>';

  it('never turns markup in a question into a live mention or link', () => {
    for (const question of [
      `${HOSTILE} what is fargate`,
      `${HOSTILE} ecs vs fargate`,
      `${HOSTILE} zqxv`,
      `ec2 ${HOSTILE}`,
      `<!everyone> @channel topics`,
    ]) {
      const message = render(question);
      expect(allStrings(message).flatMap((text) => liveMarkup(text))).toEqual([]);
    }
  });

  it('escapes a question that reaches it uncleaned', () => {
    const reply: AnswerReply = {
      intent: 'unknown',
      question: HOSTILE,
      topics: [],
      confidence: 0.5,
      sure: false,
      suggestions: [],
      notCovered: [],
      mentionedIn: [],
    };
    const message = renderReply(reply, PRIVATE);
    expect(allStrings(message).flatMap((text) => liveMarkup(text))).toEqual([]);
    expect(textOf(message)).toContain('&lt;!channel&gt; &lt;@U123&gt;');
    expect(message.text).toContain('&lt;!channel&gt;');
  });

  it('escapes markup written in the notes', () => {
    const dir = notesDir({
      'q&a.md': [
        '# Markup <tag> & Co',
        '',
        `- Watch out: ${HOSTILE} in a fact.`,
        `  > and ${HOSTILE} in a sub-point`,
        `- Second fact with ${HOSTILE}.`,
        '',
        '# Other',
        '',
        'See also: Markup',
        '',
        `- Another fact, ${HOSTILE}.`,
      ].join('\n'),
    });
    const notes = createTutor(loadKnowledgeDir(dir).knowledge);
    const raw = JSON.stringify(notes.knowledge);
    expect(raw).toContain('<!channel>');
    const replies = [notes.answer('markup'), notes.answer('markup vs other'), notes.answer('topics')].map(
      answerOnly,
    );
    for (const topic of notes.knowledge.topics) replies.push(answerOnly(notes.explainTopic(topic.id)));
    for (const reply of replies) {
      const message = renderReply(reply, { shareable: true, sharedBy: 'U999' });
      assertWithinBlockKitLimits(message);
      const live = visibleTexts(message).flatMap((text) => liveMarkup(text, ['U999']));
      expect(live, `${reply.intent}: ${JSON.stringify(message)}`).toEqual([]);
    }
    const explained = renderReply(answerOnly(notes.answer('markup')), PRIVATE);
    expect(textOf(explained)).toContain('&lt;!channel&gt;');
    expect(textOf(explained)).toContain('q&amp;a.md');
    expect(explained.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Markup &lt;tag&gt; &amp; Co' },
    });
  });
});

describe('renderReply: Block Kit limits however long the notes are', () => {
  let big: Tutor;
  let remove: () => void = () => {};
  beforeAll(() => {
    const notes = makeNotesDir(hugeNotesFiles(400));
    remove = notes.remove;
    big = createTutor(loadKnowledgeDir(notes.dir).knowledge);
  });
  afterAll(() => remove());

  const check = (reply: Reply, options: RenderReplyOptions = PRIVATE): SlackMessage => {
    const message = renderReply(answerOnly(reply), options);
    expect(payloadViolations(message), `${reply.intent} ${reply.question}`).toEqual([]);
    expect(allStrings(message).flatMap((text) => liveMarkup(text, ['U1']))).toEqual([]);
    return message;
  };

  it('loads the huge notes it means to', () => {
    expect(big.knowledge.topics).toHaveLength(400);
    expect(big.knowledge.topics.some((topic) => topic.facts.length === 200)).toBe(true);
    expect(big.knowledge.topics.every((topic) => topic.title.length >= 290)).toBe(true);
  });

  it('keeps every explanation within limits', () => {
    const topics = big.knowledge.topics.filter((topic, i) => i % 20 === 0 || topic.facts.length === 200);
    for (const topic of topics) {
      const message = check(big.explainTopic(topic.id), { shareable: true, sharedBy: 'U1' });
      const header = message.blocks[0];
      expect(header?.type).toBe('header');
      expect(contexts(message).some((text) => text.startsWith('Source: '))).toBe(true);
      expect(buttons(message).at(-1)?.action_id).toBe(SHARE_ANSWER);
      expect(buttons(message).at(-3)).toMatchObject({ action_id: QUIZ_ME, value: topic.id });
      expect(buttons(message).at(-2)).toMatchObject({ action_id: REVIEW_REMEMBER, value: topic.id });
    }
  });

  it('keeps answers to questions within limits', () => {
    for (const question of [
      'kappaab',
      'kappaac pricing',
      'kappaab vs kappaac',
      'compare kappaab kappaac and kappaad',
      'topics',
      'help',
      'qzzz',
      'kappa',
      'what is s3',
      'x'.repeat(500),
      `what is ${'kappaab '.repeat(60)}`,
    ]) {
      check(big.answer(question));
      check(big.answer(question), { shareable: false, sharedBy: 'U1' });
    }
  });

  it('sums up a long topic list as "…and N more"', () => {
    const reply = big.answer('topics');
    if (reply.intent !== 'list') throw new Error(`want list, got ${reply.intent}`);
    const message = check(reply);
    expect(listedCount(message)).toBe(400);
  });

  const longFact = (i: number): FactView => ({
    text: `fact ${i} ${'a<b & c>d '.repeat(600)}`,
    subPoints: Array.from({ length: 30 }, (_, j) => `sub ${j} ${'<!here> '.repeat(60)}`),
  });
  const longTopic = (i: number): TopicRef => ({
    id: `topic-${i}-${'x'.repeat(2500)}`,
    title: `T${i} ${'&'.repeat(300)}`,
  });

  it('keeps made-up extreme replies within limits, keeping the source and buttons', () => {
    const base = { question: `q ${'<@U1> '.repeat(600)}`, topics: [], confidence: 1, sure: true };
    const source = { file: `${'f&'.repeat(2000)}.md`, heading: 'h'.repeat(5000), line: 1 };
    const explain: Reply = {
      ...base,
      intent: 'explain',
      topic: longTopic(0),
      lead: Array.from({ length: 60 }, (_, i) => longFact(i)),
      rest: Array.from({ length: 60 }, (_, i) => longFact(i)),
      source,
      related: Array.from({ length: 40 }, (_, i) => longTopic(i)),
      alternatives: [],
    };
    const message = check(explain, { shareable: true, sharedBy: 'U1' });
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(contexts(message).at(-1)).toMatch(/^Source: /);
    expect(JSON.stringify(message.blocks)).toContain(MORE_IN_NOTES);
    expect(buttons(message)).toHaveLength(6);
    expect(buttons(message).at(-3)?.action_id).toBe(QUIZ_ME);
    expect(buttons(message).at(-2)?.action_id).toBe(REVIEW_REMEMBER);

    check({
      ...base,
      intent: 'compare',
      sides: [0, 1, 2].map((i) => ({ topic: longTopic(i), summary: [longFact(i), longFact(i + 1)], source })),
      shared: Array.from({ length: 80 }, (_, i) => ({
        subject: `subject ${i} ${'<'.repeat(4000)}`,
        facts: [longFact(i), null, longFact(i)],
      })),
    });
    const list = check({
      ...base,
      intent: 'list',
      groups: Array.from({ length: 120 }, (_, g) => ({
        file: `${'notes&'.repeat(50)}${g}.md`,
        topics: Array.from({ length: 50 }, (_, i) => longTopic(i)),
      })),
    });
    expect(contexts(list).join('\n')).toMatch(/…and \d+ more/);
    expect(listedCount(list)).toBe(120 * 50);
    check({
      ...base,
      intent: 'help',
      commands: Array.from({ length: 200 }, (_, i) => ({
        usage: `<cmd ${i}>`.repeat(100),
        example: 'e&'.repeat(1000),
        description: 'd>'.repeat(1000),
      })),
    });
    check({
      ...base,
      intent: 'unknown',
      suggestions: Array.from({ length: 40 }, (_, i) => longTopic(i)),
      notCovered: Array.from({ length: 40 }, (_, i) => `Service ${i} ${'<'.repeat(200)}`),
      mentionedIn: Array.from({ length: 40 }, (_, i) => ({
        service: `Service ${i} ${'<'.repeat(200)}`,
        topics: [longTopic(i)],
      })),
    });
  });
});
