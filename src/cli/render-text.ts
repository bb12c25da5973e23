import type { QuizQuestion } from '../quiz/types.js';
import {
  type Citation,
  CLOSEST_MATCH,
  explainTitle,
  type FactView,
  mentionHeading,
  type Reply,
  SMALL_TALK_REPLY,
  serviceList,
  type TopicRef,
} from '../tutor/reply.js';

/** Terminal styles; empty strings when the output is not a terminal. */
export interface Style {
  title(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
}

const PLAIN: Style = { title: (t) => t, dim: (t) => t, accent: (t) => t };
const ANSI: Style = {
  title: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  accent: (t) => `\x1b[36m${t}\x1b[39m`,
};

/** The styles for a terminal (`color`) or for plain text. */
export function textStyle(color = false): Style {
  return color ? ANSI : PLAIN;
}

/** The rest of a topic is shown briefly: a long fact is cut at a word. */
const BRIEF_FACT_CHARS = 140;

function bullet(fact: FactView, style: Style, indent = '', brief = false): string {
  const lines = [`${indent}• ${brief ? truncate(fact.text, BRIEF_FACT_CHARS) : fact.text}`];
  for (const point of fact.subPoints) lines.push(`${indent}  ${style.dim('–')} ${point}`);
  return lines.join('\n');
}

function source(citation: Citation, style: Style): string {
  return style.dim(`Source: ${citation.file} › ${citation.heading}`);
}

function names(topics: TopicRef[]): string {
  return topics.map((topic) => topic.title).join(', ');
}

/** Renders a reply as tidy plain text (title, bullets, source, suggestions), coloured on request. */
export function renderText(reply: Reply, options: { color?: boolean } = {}): string {
  const style = textStyle(options.color);
  const out: string[] = [];
  switch (reply.intent) {
    case 'explain':
      out.push(
        reply.sure || reply.counterpartOf
          ? style.title(explainTitle(reply))
          : `${CLOSEST_MATCH} ${style.title(reply.topic.title)}`,
      );
      for (const fact of reply.lead) out.push(bullet(fact, style));
      if (reply.rest.length > 0) {
        out.push(style.dim('Also in the notes:'));
        for (const fact of reply.rest) out.push(bullet(fact, style, '  ', true));
      }
      out.push(source(reply.source, style));
      if (reply.related.length > 0) out.push(style.dim(`Related: ${names(reply.related)}`));
      if (reply.alternatives.length > 0) out.push(`Did you mean: ${names(reply.alternatives)}?`);
      break;
    case 'compare':
      out.push(style.title(reply.sides.map((side) => side.topic.title).join(' vs ')));
      for (const subject of reply.shared) {
        out.push(style.accent(`On ${subject.subject}:`));
        subject.facts.forEach((fact, i) => {
          const side = reply.sides[i];
          if (side && fact) out.push(`  ${side.topic.title}: ${fact.text}`);
        });
      }
      for (const side of reply.sides) {
        out.push(style.accent(side.topic.title));
        for (const fact of side.summary) out.push(bullet(fact, style, '  '));
        out.push(`  ${source(side.source, style)}`);
      }
      break;
    case 'list':
      out.push(style.title('Topics in the notes'));
      for (const group of reply.groups) {
        out.push(style.accent(group.file));
        out.push(`  ${names(group.topics)}`);
      }
      break;
    case 'quiz':
      out.push(
        `${reply.topic ? `Practice questions on ${reply.topic.title}` : 'Practice questions'} are asked in the chat: start it with npm start (or npm run tutor -- chat) and type “${truncate(reply.question, 80)}”.`,
      );
      out.push(
        style.dim(
          `Or print one here: npm run tutor -- quiz${reply.topic ? ` --topic ${reply.topic.id}` : ''}`,
        ),
      );
      break;
    case 'leaderboard':
      out.push(LEADERBOARD_TEXT);
      out.push(style.dim(`Every recorded answer: ${EXPORT_COMMAND}`));
      break;
    case 'help':
      out.push(style.title('Ask me about the team’s AWS notes'));
      for (const command of reply.commands) {
        out.push(
          `  ${style.accent(command.usage.padEnd(20))} ${command.description}  ${style.dim(`e.g. ${command.example}`)}`,
        );
      }
      break;
    case 'unknown':
      if (reply.smallTalk) {
        out.push(SMALL_TALK_REPLY);
        break;
      }
      out.push(
        reply.notCovered.length > 0
          ? `The notes don’t cover ${serviceList(reply.notCovered)}.`
          : `The notes don’t cover “${truncate(reply.question, 80)}”.`,
      );
      if (reply.soundsLike) out.push(`It sounds like ${reply.soundsLike}, which they don’t have.`);
      for (const mention of reply.mentionedIn)
        out.push(`${mentionHeading(reply, mention)} ${names(mention.topics)}.`);
      if (reply.suggestions.length > 0) out.push(`Did you mean: ${names(reply.suggestions)}?`);
      out.push(style.dim('Try "topics" to see what the notes cover.'));
      break;
  }
  return out.join('\n');
}

/** The command that prints every recorded quiz answer. */
export const EXPORT_COMMAND = 'npm run tutor -- export answers';

const LEADERBOARD_TEXT =
  'Scores are kept for the quizzes in Slack; practice questions in the terminal are not scored.';

/** The letter of an option: 0 -> A. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** A practice question in the chat: its stem and the four options, lettered. */
export function renderPracticeQuestion(
  question: QuizQuestion,
  number: number,
  options: { color?: boolean } = {},
): string {
  const style = textStyle(options.color);
  return [
    `${style.title(`Practice question ${number}:`)} ${question.stem}`,
    ...question.options.map((option, i) => `  ${style.accent(`${optionLetter(i)})`)} ${option}`),
    style.dim('Answer with A, B, C or D (anything else skips it).'),
  ].join('\n');
}

/** What the chat says to an answer: right or wrong, the explanation, and what to do next. */
export function renderPracticeFeedback(
  feedback: { question: QuizQuestion; choice: number; answered: number; right: number },
  options: { color?: boolean } = {},
): string {
  const style = textStyle(options.color);
  const { question, choice } = feedback;
  const shown = (i: number) => `${optionLetter(i)}) ${question.options[i]}`;
  return [
    choice === question.answer
      ? style.title(`✓ Right: ${shown(choice)}`)
      : style.title(`✗ Not quite: you chose ${shown(choice)}; the answer is ${shown(question.answer)}.`),
    ...question.explanation.split('\n').map((line) => `  ${line}`),
    style.dim(
      `${feedback.right} of ${feedback.answered} right so far. Type "quiz" for another, or ask anything.`,
    ),
  ].join('\n');
}

/** Why the chat has no practice question to ask. */
export function renderNoPractice(topic: TopicRef | null, options: { color?: boolean } = {}): string {
  const style = textStyle(options.color);
  return topic
    ? [
        `The notes give no practice questions about ${topic.title} yet.`,
        style.dim('Type "quiz" for a question on any topic.'),
      ].join('\n')
    : [
        'The notes give no practice questions yet.',
        style.dim('Questions come from facts that clearly describe one topic: add some, or ask anything.'),
      ].join('\n');
}

function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${atWord > length / 2 ? cut.slice(0, atWord) : cut}…`;
}
