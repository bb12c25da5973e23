/**
 * A next step for whoever edits the notes, in parts a face can show safely: words of ours, notes
 * syntax to type (`# AWS Glue`, `Asked as: …`), and what someone asked or said, quoted.
 */
export type StepPart =
  | { kind: 'text'; text: string }
  | { kind: 'notes'; text: string }
  | { kind: 'quote'; text: string };

export type NextStep = StepPart[];

const text = (value: string): StepPart => ({ kind: 'text', text: value });
const notes = (value: string): StepPart => ({ kind: 'notes', text: value });
const quote = (value: string): StepPart => ({ kind: 'quote', text: value });

/** The longest question or comment quoted in a step. */
const QUOTED_CHARS = 120;

function short(value: string): string {
  const trimmed = value.trim();
  return trimmed.length <= QUOTED_CHARS ? trimmed : `${trimmed.slice(0, QUOTED_CHARS - 1).trimEnd()}…`;
}

/** A service the notes lack: a topic of its own. */
export function addTopicStep(service: string): NextStep {
  return [text('add a '), notes(`# ${service}`), text(' topic to the notes')];
}

/** Questions whose nearest topic is known: its notes answer them in other words, or nothing does yet. */
export function askedAsStep(topic: string, example: string): NextStep {
  return [
    text(`if ${topic} answers it, add an `),
    notes(`Asked as: ${short(example)}`),
    text(` line to ${topic}; if not, a topic that does`),
  ];
}

/** A question with no topic near it. */
export function newTopicStep(): NextStep {
  return [
    text('add a topic that answers it, or an '),
    notes('Asked as:'),
    text(' line to the topic that does'),
  ];
}

/** Answers of a topic people found unhelpful, with what one of them was looking for when they said. */
export function downvotedStep(topic: string, lookingFor: string | null, example: string): NextStep {
  if (lookingFor) {
    return [text(`the ${topic} answer doesn’t say `), quote(short(lookingFor)), text(`: add it to ${topic}`)];
  }
  return [text(`read the ${topic} answer to `), quote(short(example)), text(' and add the fact it misses')];
}

/** A quiz question reported, or taken out of the quiz. */
export function reportedStep(topic: string, retired: boolean, why: string | null): NextStep {
  const reason = why ? ` (${why})` : '';
  return retired
    ? [
        text(`out of the quiz${reason}: fix the ${topic} fact it was made from, or restore it with `),
        notes('/aws admin questions'),
      ]
    : [
        text(`check the ${topic} fact it is made from${reason}, or retire it with `),
        notes('/aws admin questions'),
      ];
}

/** A topic the team gets wrong in the quiz. */
export function weakTopicStep(topic: string, shareRight: number, answered: number): NextStep {
  return [
    text(
      `${Math.round(shareRight * 100)}% right over ${answered} answers: make the key facts of ${topic} clearer, or add a `,
    ),
    notes('See also:'),
    text(' to the topics it is mixed up with'),
  ];
}

/** A step as one line of plain text: notes syntax in backticks, quotes in curly quotes. */
export function plainStep(step: NextStep): string {
  return step
    .map((part) =>
      part.kind === 'notes' ? `\`${part.text}\`` : part.kind === 'quote' ? `“${part.text}”` : part.text,
    )
    .join('');
}
