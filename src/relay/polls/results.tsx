/** A poll's results on the portal: participants, then each question's choices with their votes and share. */
import type { PollResults } from '../../shared/relay/api'
import { formatInteger, formatPercent } from '../../shared/format'
import { pollState, type Poll } from './queries'

const plural = (count: number, word: string) => `${word}${count > 1 ? 's' : ''}`

export function Results({ poll, results, now }: { poll: Poll; results: PollResults; now?: Date }) {
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">Résultats{pollState(poll, now) === 'clos' ? '' : ' (en direct)'}</h2>
      <p>
        {formatInteger(results.participants)} {plural(results.participants, 'participant')}.
      </p>
      {results.questions.map((q, qi) => {
        const question = poll.questions[qi]!
        if (q.kind === 'texte_court') {
          return (
            <p>
              <strong>{question.label}</strong> : {formatInteger(q.answered)} {plural(q.answered, 'réponse')} {plural(q.answered, 'écrite')},{' '}
              {plural(q.answered, 'transmise')} à la mairie.
            </p>
          )
        }
        const total = q.options.reduce((sum, o) => sum + o.count, 0)
        return (
          <table>
            <caption>{question.label}</caption>
            <thead>
              <tr>
                <th scope="col">Choix</th>
                <th scope="col">Voix</th>
                <th scope="col">Part</th>
              </tr>
            </thead>
            <tbody>
              {q.options.map((o) => {
                const share = total ? (o.count / total) * 100 : 0
                // The same words for the eye and for a screen reader: « 33,3 % », never « 33.3 % ».
                const shown = formatPercent(share)
                return (
                  <tr>
                    <th scope="row">{o.label}</th>
                    <td>{formatInteger(o.count)}</td>
                    <td>
                      <meter min={0} max={100} value={Math.round(share * 10) / 10} aria-label={`${o.label} : ${shown}`}>
                        {shown}
                      </meter>{' '}
                      {shown}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )
      })}
    </section>
  )
}
