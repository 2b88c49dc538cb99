/**
 * The count of a poll: online answers (as pulled: one per citizen, the latest, since the pull upserts on the relay's
 * answer id) plus the paper ballots the mairie entered. Pure: the same figures for the screen, the spreadsheet and the
 * PDF. Whatever an online answer holds is checked against the poll's questions: an unknown option, two options for a
 * single choice or a choice given to a text question counts nothing.
 */
import type { PollResults, QuestionResult, Tally } from '../../../shared/contract/poll-results'
import type { StoredQuestion } from '../db/schema'

/** One online answer as stored in `poll_answers.answers` (JSON, from the relay: still checked here). */
export interface OnlineAnswer {
  author: string | null
  seq: number
  answeredAt: string
  answers: unknown
}

export interface PaperEntry {
  ballots: number
  /** questionId → optionId → count */
  counts: Map<string, Map<string, number>>
}

/** A short answer longer than this is cut (the relay caps them already; a hostile row must not swell the PDF). */
export const TEXT_ANSWER_AT_MOST = 2000

interface AnswerValue {
  questionId: string
  optionIds: string[]
  text: string | null
}

function answerValues(raw: unknown): AnswerValue[] {
  if (!Array.isArray(raw)) return []
  return raw.flatMap((value: unknown) => {
    if (typeof value !== 'object' || value === null) return []
    const { questionId, optionIds, text } = value as Record<string, unknown>
    if (typeof questionId !== 'string') return []
    return [
      {
        questionId,
        optionIds: Array.isArray(optionIds) ? optionIds.filter((id): id is string => typeof id === 'string') : [],
        text: typeof text === 'string' ? text : null,
      },
    ]
  })
}

/** Plain text for display: control characters and bidi overrides out, spaces folded, capped. */
export function plainAnswerText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, TEXT_ANSWER_AT_MOST)
  )
}

/** Only one answer per citizen counts, the latest (the pull keeps it so; this holds even if two rows came). */
export function latestPerCitizen(answers: OnlineAnswer[]): OnlineAnswer[] {
  const byAuthor = new Map<string, OnlineAnswer>()
  const anonymous: OnlineAnswer[] = []
  for (const answer of answers) {
    if (answer.author === null) {
      anonymous.push(answer)
      continue
    }
    const known = byAuthor.get(answer.author)
    if (!known || known.seq < answer.seq) byAuthor.set(answer.author, answer)
  }
  return [...byAuthor.values(), ...anonymous]
}

/**
 * Shares in % with one decimal whose sum is exactly 100 (largest remainders): 1/3, 1/3, 1/3 → 33,4 / 33,3 / 33,3.
 * All zero when nothing was counted.
 */
export function sharesSummingTo100(values: number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0)
  if (total === 0) return values.map(() => 0)
  const tenths = values.map((v) => (v * 1000) / total)
  const floors = tenths.map(Math.floor)
  let left = 1000 - floors.reduce((sum, v) => sum + v, 0)
  const order = tenths.map((v, i) => ({ i, rest: v - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i]! += 1
    left -= 1
  }
  return floors.map((v) => v / 10)
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10
}

function sum(online: number, paper: number): Tally {
  return { online, paper, total: online + paper }
}

export function tallyQuestions(questions: StoredQuestion[], online: OnlineAnswer[], paper: PaperEntry | null): QuestionResult[] {
  const counted = latestPerCitizen(online).map((answer) => ({ answer, values: answerValues(answer.answers) }))
  return questions.map((question) => {
    const optionIds = new Set(question.options.map((o) => o.id))
    const perOption = new Map(question.options.map((o) => [o.id, 0]))
    const texts: QuestionResult['texts'] = []
    let answeredOnline = 0
    for (const { answer, values } of counted) {
      const value = values.find((v) => v.questionId === question.id)
      if (!value) continue
      if (question.kind === 'texte_court') {
        const text = value.text === null ? '' : plainAnswerText(value.text)
        if (text) {
          texts.push({ text, answeredAt: answer.answeredAt })
          answeredOnline += 1
        }
        continue
      }
      const chosen = [...new Set(value.optionIds)].filter((id) => optionIds.has(id))
      if (chosen.length === 0 || (question.kind === 'choix_unique' && chosen.length > 1)) continue
      answeredOnline += 1
      for (const id of chosen) perOption.set(id, perOption.get(id)! + 1)
    }
    const paperCounts = paper?.counts.get(question.id)
    const paperOf = (id: string) => paperCounts?.get(id) ?? 0
    const answeredPaper =
      question.kind === 'choix_unique'
        ? question.options.reduce((total, o) => total + paperOf(o.id), 0)
        : question.kind === 'choix_multiple'
          ? (paper?.ballots ?? 0)
          : 0
    const answered = sum(answeredOnline, answeredPaper)
    const totals = question.options.map((o) => perOption.get(o.id)! + paperOf(o.id))
    const percents = question.kind === 'choix_unique' ? sharesSummingTo100(totals) : totals.map((t) => share(t, answered.total))
    texts.sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    return {
      id: question.id,
      kind: question.kind,
      label: question.label,
      answered,
      options: question.options.map((o, i) => ({ id: o.id, label: o.label, ...sum(perOption.get(o.id)!, paperOf(o.id)), percent: percents[i]! })),
      texts,
    }
  })
}

export function participationOf(online: OnlineAnswer[], paper: PaperEntry | null): PollResults['participation'] {
  return sum(latestPerCitizen(online).length, paper?.ballots ?? 0)
}
