import type { Reply } from '../tutor/reply.js';
import type { GapRecord } from './records.js';

/** What re-asking the kept questions against new notes came to, counted in distinct questions. */
export interface Resolution {
  /** Distinct unanswered questions re-asked. */
  asked: number;
  /** How many of them the notes now answer. */
  answered: number;
  /** The kept records of those questions, to mark resolved. */
  resolvedIds: string[];
}

/** A reply that answers: from the notes, and sure of it. */
function answers(reply: Reply): boolean {
  return (reply.intent === 'explain' || reply.intent === 'compare') && reply.sure;
}

/**
 * Re-asks each distinct unanswered question (not yet resolved; reported quiz questions are no
 * questions to re-ask) and says which the notes now answer.
 */
export function reask(records: readonly GapRecord[], answer: (question: string) => Reply): Resolution {
  const byQuestion = new Map<string, GapRecord[]>();
  for (const record of records) {
    if (record.kind === 'reported' || record.resolvedAt !== null) continue;
    const same = byQuestion.get(record.questionKey) ?? [];
    same.push(record);
    byQuestion.set(record.questionKey, same);
  }
  const resolvedIds: string[] = [];
  let answered = 0;
  for (const same of byQuestion.values()) {
    const first = same[0] as GapRecord;
    if (!answers(answer(first.question))) continue;
    answered++;
    resolvedIds.push(...same.map((record) => record.id));
  }
  return { asked: byQuestion.size, answered, resolvedIds };
}
