import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  SectionBlock,
} from '@slack/types';
import { answerRefOf, encodeAnswerRef } from '../../gaps/answer-ref.js';
import type {
  Citation,
  CompareReply,
  ExplainReply,
  FactView,
  HelpReply,
  LeaderboardReply,
  ListReply,
  QuizReply,
  Reply,
  TopicRef,
  UnknownReply,
} from '../../tutor/reply.js';
import { explainTitle, mentionHeading, SMALL_TALK_REPLY, serviceList } from '../../tutor/reply.js';
import {
  answerVoteActionId,
  askTopicActionId,
  QUIZ_ME,
  REVIEW_REMEMBER,
  SHARE_ANSWER,
} from './action-ids.js';
import {
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  fitFallbackText,
  fitMessage,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  SECTION_FIELD_TEXT_MAX,
  SECTION_TEXT_MAX,
  TEXT_OBJECT_MAX,
} from './limits.js';
import { bold, escapeAndTruncate, escapeMrkdwn, mentionUser, truncate } from './mrkdwn.js';

/** What `chat.postMessage`, `respond` or `say` takes: blocks and a plain fallback for notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * The replies rendered here: answers from the notes. Quiz and leaderboard requests are answered
 * by the quiz and score renderers (`render-quiz.ts`, `render-scores.ts`) instead.
 */
export type AnswerReply = Exclude<Reply, QuizReply | LeaderboardReply>;

export interface RenderReplyOptions {
  /** Adds a "Share in channel" button (for a private, ephemeral answer). */
  shareable: boolean;
  /** The Slack user id of whoever shared the answer into the channel. */
  sharedBy?: string;
  /** Adds 👍 and 👎 under an answer from the notes (explain, compare), for the gaps in the notes. */
  votes?: boolean;
}

/** The rest of a topic is shown briefly, as at the terminal: a long fact is cut at a word. */
const BRIEF_FACT_CHARS = 140;
/** An unknown question is echoed briefly, as at the terminal. */
const ECHOED_QUESTION_CHARS = 80;
/** A topic's title in a list; the full title is in the answer about it. */
const LISTED_TITLE_CHARS = 150;
const MAX_RELATED_BUTTONS = 3;
const SUB_POINT_INDENT = '      ◦ ';
const TOPICS_HINT = 'Try `/aws topics` to see what the notes cover.';

// ---- Block builders (shared by the quiz, score and schedule renderers) --------------------------

/** Text objects are verbatim: Slack links and mentions only what is written as `<…>` markup. */
export function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** A header of already-escaped text, cut to a header's limit. */
export function header(escaped: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(escaped, HEADER_TEXT_MAX) } };
}

/** A section of mrkdwn (already escaped), cut to a section's limit. */
export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(truncate(text, SECTION_TEXT_MAX)) };
}

/** A context line of mrkdwn (already escaped), cut to a text object's limit. */
export function context(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(truncate(text, TEXT_OBJECT_MAX))] };
}

/**
 * A button: its label (raw text) escaped and cut to 75 characters, its value (data for the
 * listener) cut, not ellipsised. Without a value the button sends none (Slack refuses an empty one).
 */
export function button(label: string, actionId: string, value?: string): Button {
  const made: Button = {
    type: 'button',
    text: { type: 'plain_text', text: escapeAndTruncate(label, BUTTON_TEXT_MAX) },
    action_id: actionId,
  };
  if (value) made.value = value.slice(0, BUTTON_VALUE_MAX);
  return made;
}

/** A section with a button beside its text. */
export function sectionWithButton(text: string, accessory: Button): SectionBlock {
  return { ...section(text), accessory };
}

/** A Slack channel id, the only thing allowed inside `<#…>`. */
const CHANNEL_ID = /^[CGD][A-Z0-9]+$/;

/** `<#C123>` for a Slack channel id; anything else is shown as escaped text and links nowhere. */
export function mentionChannel(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(channelId);
}

/**
 * A moment as Slack's date token, which each reader sees in their own time zone:
 * `<!date^1714550400^{date_short_pretty} at {time}|2024-05-01 08:00 UTC>`. The fallback (for
 * clients that cannot format it) is the moment in UTC.
 */
export function slackDate(at: Date, format = '{date_short_pretty} at {time}'): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^${format}|${utcText(at)}>`;
}

/** `2024-05-01 08:00 UTC`: a moment in words for a notification's plain fallback. */
export function utcText(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `1 point`, `2 points`. */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : words}`;
}

/**
 * One button per topic (`ask_topic:0`, `ask_topic:1`…), its value the topic id; a message's later
 * rows of them number on from `first`, since Slack takes an action id once a message.
 */
function topicButtons(topics: TopicRef[], first = 0): Button[] {
  return topics.map((topic, i) => button(topic.title, askTopicActionId(first + i), topic.id));
}

function shareButton(question: string): Button {
  return button('Share in channel', SHARE_ANSWER, question);
}

export function actions(elements: Button[]): ActionsBlock[] {
  return elements.length > 0 ? [{ type: 'actions', elements }] : [];
}

/**
 * Packs items (each one or more lines) into as few sections as fit, `heading` opening the first:
 * an item stays in one section where it fits in one, else its lines are spread over several (a
 * single line too long for a section is cut).
 */
export function packSections(items: string[], heading = '', max = SECTION_TEXT_MAX): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = heading;
  const add = (piece: string): void => {
    const joined = current ? `${current}\n${piece}` : piece;
    if (joined.length <= max) {
      current = joined;
      return;
    }
    if (current) sections.push(section(current));
    current = truncate(piece, max);
  };
  for (const item of items) {
    const joined = current ? `${current}\n${item}` : item;
    if (joined.length <= max || item.length <= max) add(item);
    else for (const line of item.split('\n')) add(line);
  }
  if (current) sections.push(section(current));
  return sections;
}

// ---- Pieces of answers ------------------------------------------------------------------------

/** A fact as a bullet with its sub-points indented under it; escaped, cut short when `brief`. */
function bullet(fact: FactView, brief = false): string {
  const shown = (text: string) => escapeMrkdwn(brief ? truncate(text, BRIEF_FACT_CHARS) : text);
  return [
    `• ${shown(fact.text)}`,
    ...fact.subPoints.map((point) => `${SUB_POINT_INDENT}${shown(point)}`),
  ].join('\n');
}

function sourceLine(citation: Citation): string {
  return `Source: ${escapeMrkdwn(citation.file)} › ${escapeMrkdwn(citation.heading)}`;
}

function sharedByLine(sharedBy: string): ContextBlock {
  return context(`Shared by ${truncate(mentionUser(sharedBy), 100)}`);
}

/** A title the answer opens with, for the message and its fallback text. */
function titleOf(reply: AnswerReply): string {
  switch (reply.intent) {
    case 'explain':
      return explainTitle(reply);
    case 'compare':
      return reply.sides.map((side) => side.topic.title).join(' vs ');
    case 'list':
      return 'Topics in the notes';
    case 'help':
      return 'Ask me about the team’s AWS notes';
    case 'unknown':
      return '';
  }
}

/**
 * Topics grouped by notes file as sections of comma-separated titles, long groups split across
 * sections; within `maxBlocks`, the topics past the budget are summed up as "…and N more".
 */
export function renderTopicGroups(
  groups: { file: string; topics: TopicRef[] }[],
  maxBlocks: number,
): KnownBlock[] {
  const chunks: { text: string; count: number }[] = [];
  for (const group of groups) {
    let text = bold(escapeAndTruncate(group.file, LISTED_TITLE_CHARS));
    let count = 0;
    for (const topic of group.topics) {
      const name = escapeAndTruncate(topic.title, LISTED_TITLE_CHARS);
      const joined = count === 0 ? `${text}\n${name}` : `${text}, ${name}`;
      if (joined.length <= SECTION_TEXT_MAX) {
        text = joined;
        count++;
        continue;
      }
      chunks.push({ text, count });
      text = name;
      count = 1;
    }
    chunks.push({ text, count });
  }
  const total = chunks.reduce((sum, chunk) => sum + chunk.count, 0);
  if (chunks.length <= maxBlocks) return chunks.map((chunk) => section(chunk.text));
  const shown = chunks.slice(0, Math.max(0, maxBlocks - 1));
  const more = total - shown.reduce((sum, chunk) => sum + chunk.count, 0);
  return [...shown.map((chunk) => section(chunk.text)), context(`_…and ${more} more_`)];
}

// ---- Answers ----------------------------------------------------------------------------------

function explainBlocks(reply: ExplainReply, options: RenderReplyOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  blocks.push(...packSections(reply.lead.map((fact) => bullet(fact))));
  if (reply.rest.length > 0) {
    blocks.push(
      ...packSections(
        reply.rest.map((fact) => bullet(fact, true)),
        '_Also in the notes:_',
      ),
    );
  }
  blocks.push(context(sourceLine(reply.source)));
  if (reply.alternatives.length > 0) {
    blocks.push(section('Not what you asked? Did you mean:'));
    blocks.push(...actions(topicButtons(reply.alternatives)));
  }
  const buttons = topicButtons(reply.related.slice(0, MAX_RELATED_BUTTONS), reply.alternatives.length);
  buttons.push(button('Quiz me on this', QUIZ_ME, reply.topic.id));
  buttons.push(button('Remember this', REVIEW_REMEMBER, reply.topic.id));
  if (options.shareable) buttons.push(shareButton(reply.question || reply.topic.title));
  blocks.push(...actions(buttons));
  return blocks;
}

function compareBlocks(reply: CompareReply, options: RenderReplyOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const subject of reply.shared) {
    const fields = subject.facts.flatMap((fact, i) => {
      const side = reply.sides[i];
      if (!side || !fact) return [];
      const title = bold(escapeAndTruncate(side.topic.title, LISTED_TITLE_CHARS));
      return [mrkdwn(truncate(`${title}\n${escapeMrkdwn(fact.text)}`, SECTION_FIELD_TEXT_MAX))];
    });
    if (fields.length === 0) continue;
    blocks.push({
      type: 'section',
      text: mrkdwn(truncate(`_On ${escapeMrkdwn(subject.subject)}:_`, SECTION_TEXT_MAX)),
      fields,
    });
  }
  for (const side of reply.sides) {
    blocks.push({ type: 'divider' });
    blocks.push(
      ...packSections(
        side.summary.map((fact) => bullet(fact)),
        bold(escapeAndTruncate(side.topic.title, LISTED_TITLE_CHARS)),
      ),
    );
    blocks.push(context(sourceLine(side.source)));
  }
  if (options.shareable && reply.question) blocks.push(...actions([shareButton(reply.question)]));
  return blocks;
}

function listBlocks(reply: ListReply, room: number): KnownBlock[] {
  if (reply.groups.length === 0) return [section('The notes have no topics yet.')];
  return renderTopicGroups(reply.groups, room);
}

function helpBlocks(reply: HelpReply): KnownBlock[] {
  const lines = reply.commands.map(
    (command) =>
      `\`${escapeMrkdwn(command.usage)}\`  ${escapeMrkdwn(command.description)}  _e.g._ \`${escapeMrkdwn(command.example)}\``,
  );
  return [
    ...packSections(lines),
    context('Ask with `/aws` and a question, by mentioning me in a channel, or in a direct message to me.'),
  ];
}

function unknownSentence(reply: UnknownReply): string {
  if (reply.smallTalk) return escapeMrkdwn(SMALL_TALK_REPLY);
  if (reply.notCovered.length > 0) {
    return `The notes don’t cover ${escapeMrkdwn(truncate(serviceList(reply.notCovered), ECHOED_QUESTION_CHARS))}.`;
  }
  const question = reply.question.trim();
  const notCovered = question
    ? `The notes don’t cover “${escapeMrkdwn(truncate(question, ECHOED_QUESTION_CHARS))}”.`
    : 'The notes don’t cover that.';
  return reply.soundsLike
    ? `${notCovered} It sounds like ${escapeMrkdwn(reply.soundsLike)}, which they don’t have.`
    : notCovered;
}

function unknownBlocks(reply: UnknownReply): KnownBlock[] {
  const blocks: KnownBlock[] = [section(unknownSentence(reply))];
  if (reply.smallTalk) return blocks;
  let buttons = 0;
  for (const mention of reply.mentionedIn) {
    blocks.push(section(escapeMrkdwn(mentionHeading(reply, mention))));
    blocks.push(...actions(topicButtons(mention.topics, buttons)));
    buttons += mention.topics.length;
  }
  if (reply.suggestions.length > 0) {
    blocks.push(section('Did you mean:'));
    blocks.push(...actions(topicButtons(reply.suggestions, buttons)));
  }
  blocks.push(context(TOPICS_HINT));
  return blocks;
}

/** The plain fallback Slack shows in notifications and where blocks cannot be shown. */
function fallbackText(reply: AnswerReply): string {
  switch (reply.intent) {
    case 'explain': {
      const lead = reply.lead[0];
      const title = explainTitle(reply);
      return escapeMrkdwn(lead ? `${title}: ${lead.text}` : title);
    }
    case 'compare':
    case 'help':
      return escapeMrkdwn(titleOf(reply));
    case 'list': {
      const topics = reply.groups.reduce((sum, group) => sum + group.topics.length, 0);
      const files = reply.groups.length;
      return `Topics in the notes: ${topics} ${topics === 1 ? 'topic' : 'topics'} in ${files} ${files === 1 ? 'file' : 'files'}`;
    }
    case 'unknown':
      return reply.suggestions.length > 0
        ? `${unknownSentence(reply)} Did you mean: ${reply.suggestions.map((topic) => escapeMrkdwn(topic.title)).join(', ')}?`
        : unknownSentence(reply);
  }
}

/**
 * Replies to repeated questions are the same objects (the tutor keeps recent ones), so their
 * rendering is kept with them; it goes when the reply does.
 */
const rendered = new WeakMap<AnswerReply, Map<string, SlackMessage>>();

/**
 * Renders a reply as a Block Kit message: the same content as the terminal face (title, lead
 * bullets, the rest briefly, source, related topics) with buttons for related and suggested
 * topics, a "Quiz me on this" button under an explanation and, on a private answer, one for
 * sharing it. Every text from the notes or the question is escaped, and the message keeps within
 * Block Kit's limits however long the notes are.
 */
export function renderReply(reply: AnswerReply, options: RenderReplyOptions): SlackMessage {
  const key = `${options.shareable}:${options.sharedBy ?? ''}:${options.votes === true}`;
  let byOptions = rendered.get(reply);
  const known = byOptions?.get(key);
  if (known) return known;
  const message = renderAfresh(reply, options);
  if (!byOptions) {
    byOptions = new Map();
    rendered.set(reply, byOptions);
  }
  if (byOptions.size < 8) byOptions.set(key, message);
  return message;
}

function renderAfresh(reply: AnswerReply, options: RenderReplyOptions): SlackMessage {
  const blocks: KnownBlock[] = [];
  const title = titleOf(reply);
  if (title) blocks.push(header(escapeMrkdwn(title)));
  if (options.sharedBy) blocks.push(sharedByLine(options.sharedBy));
  switch (reply.intent) {
    case 'explain':
      blocks.push(...explainBlocks(reply, options));
      break;
    case 'compare':
      blocks.push(...compareBlocks(reply, options));
      break;
    case 'list':
      blocks.push(...listBlocks(reply, MESSAGE_BLOCKS_MAX - blocks.length));
      break;
    case 'help':
      blocks.push(...helpBlocks(reply));
      break;
    case 'unknown':
      blocks.push(...unknownBlocks(reply));
      break;
  }
  if (options.votes && (reply.intent === 'explain' || reply.intent === 'compare'))
    addVoteButtons(blocks, reply);
  return { text: fitFallbackText(fallbackText(reply)), blocks: fitMessage(blocks) };
}

/**
 * 👍 and 👎 at the end of an answer from the notes, in its last row of buttons (which a message cut
 * to Block Kit's limits keeps). Each button carries the answer it is about, so the vote counts
 * whatever the notes say by the time it is clicked.
 */
function addVoteButtons(blocks: KnownBlock[], reply: ExplainReply | CompareReply): void {
  const value = encodeAnswerRef(answerRefOf(reply));
  const votes = [
    button('👍', answerVoteActionId('up'), value),
    button('👎', answerVoteActionId('down'), value),
  ];
  const last = blocks.at(-1);
  if (last?.type === 'actions' && last.elements.length + votes.length <= ACTIONS_ELEMENTS_MAX) {
    last.elements.push(...votes);
    return;
  }
  blocks.push(...actions(votes));
}
