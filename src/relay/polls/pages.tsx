/** A poll or vote: the form (one verified citizen, one answer, changeable until it closes), the receipt, the results. */
import type { Context, Hono } from 'hono'
import type { Child } from 'hono/jsx'
import { VERIFICATION_LABELS, type VerificationLevel } from '../../shared/relay/vocabulary'
import type { RelayContext } from '../context'
import type { StoredAnswer } from '../db/schema'
import { notFound, RelayHttpError } from '../http/errors'
import { clientIp } from '../http/request'
import { signInFirst } from '../inputs/pages'
import { Csrf, ErrorBox, formatDateTime, formLimit, Notice, portalPage, postedForm, render, requireCitizen, type PortalPage } from '../portal/kit'
import { allow, LIMITS } from '../security/rate-limit'
import { castAnswer, checkReceipt, citizenAnswer, findPoll, pollResults, pollState, resultsVisible, type Poll } from './queries'
import { Results } from './results'

function AnswerForm({ p, poll, previous }: { p: PortalPage; poll: Poll; previous: StoredAnswer[] | null }) {
  const chosen = (qid: string) => previous?.find((a) => a.questionId === qid)
  return (
    <form method="post" action={`/${p.commune.code}/sondages/${poll.externalId}`}>
      <Csrf p={p} />
      {poll.questions.map((q, i) => (
        <fieldset>
          <legend>
            {poll.questions.length > 1 ? `${i + 1}. ` : ''}
            {q.label}
            {q.required ? '' : ' (facultatif)'}
          </legend>
          {q.kind === 'texte_court' ? (
            <>
              <label for={`q-${q.id}`} class="hint">
                Votre réponse (500 caractères au plus)
              </label>
              <input type="text" id={`q-${q.id}`} name={`q_${q.id}`} maxlength={500} required={q.required} value={chosen(q.id)?.text ?? ''} />
            </>
          ) : (
            q.options.map((o) => (
              <label class="choice">
                <input
                  type={q.kind === 'choix_unique' ? 'radio' : 'checkbox'}
                  name={`q_${q.id}`}
                  value={o.id}
                  checked={chosen(q.id)?.optionIds.includes(o.id) ?? false}
                  required={q.kind === 'choix_unique' && q.required}
                />{' '}
                {o.label}
              </label>
            ))
          )}
        </fieldset>
      ))}
      <button type="submit">{previous ? 'Modifier ma réponse' : poll.kind === 'vote' ? 'Voter' : 'Envoyer ma réponse'}</button>
    </form>
  )
}

export function mountPolls(app: Hono, relay: RelayContext): void {
  const db = relay.database.db

  const pollPage = async (c: Context, p: PortalPage, poll: Poll, state: { error?: string | null; message?: string | null }, status = 200) => {
    const base = `/${p.commune.code}`
    const current = pollState(poll)
    const citizen = p.who.citizen
    const previous = citizen ? await citizenAnswer(db, poll.id, citizen.id) : null
    const needsResident = poll.verification === 'habitant' && citizen && !citizen.residentVerifiedAt
    return render(
      c,
      p,
      poll.title,
      <>
        <p>
          <a href={base}>← Retour à la commune</a>
        </p>
        <h1>{poll.title}</h1>
        <Notice message={state.message} />
        <ErrorBox message={state.error ?? null} />
        <p class="meta">
          {poll.kind === 'vote' ? 'Vote' : 'Sondage'} ·{' '}
          {current === 'ouvert'
            ? `ouvert jusqu’au ${formatDateTime(poll.closesAt)}`
            : current === 'a_venir'
              ? `ouvre le ${formatDateTime(poll.opensAt)}`
              : `clos le ${formatDateTime(poll.closesAt)}`}{' '}
          · {VERIFICATION_LABELS[poll.verification as VerificationLevel]}
        </p>
        {poll.description ? <p>{poll.description}</p> : null}
        {current === 'ouvert' ? (
          !citizen ? (
            <p>
              <a class="button" href={`${base}/connexion`}>
                Me connecter pour participer
              </a>
            </p>
          ) : needsResident ? (
            <form method="post" action={`${base}/compte/habitant`}>
              <Csrf p={p} />
              <input type="hidden" name="retour" value={`${base}/sondages/${poll.externalId}`} />
              <p>Ce vote est réservé aux habitants vérifiés. Saisissez le code à usage unique remis par la mairie.</p>
              <label for="code-habitant">Code habitant</label>
              <input type="text" id="code-habitant" name="code" required maxlength={40} autocomplete="off" />
              <button type="submit">Valider mon code</button>
            </form>
          ) : (
            <>
              {previous ? <p>Vous avez déjà répondu : vous pouvez modifier votre réponse jusqu’à la clôture. Seule la dernière compte.</p> : null}
              <AnswerForm p={p} poll={poll} previous={previous} />
            </>
          )
        ) : null}
        {resultsVisible(poll) ? (
          <Results poll={poll} results={await pollResults(db, poll)} />
        ) : (
          <p class="meta">Les résultats seront publiés à la clôture, le {formatDateTime(poll.closesAt)}.</p>
        )}
      </>,
      status,
    )
  }

  app.get('/:commune/sondages/:poll', async (c) => {
    const p = await portalPage(c, relay)
    const poll = await findPoll(db, p.commune.code, c.req.param('poll'))
    if (!poll) throw notFound('Ce sondage')
    return pollPage(c, p, poll, {})
  })

  app.post('/:commune/sondages/:poll', formLimit(64 * 1024), async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    if (!p.who.citizen) return signInFirst(c, p, 'participer')
    const citizen = requireCitizen(p)
    let cast: Awaited<ReturnType<typeof castAnswer>>
    try {
      cast = await castAnswer(db, p.commune.code, c.req.param('poll'), citizen, form as Record<string, string | string[]>)
    } catch (error) {
      const poll = await findPoll(db, p.commune.code, c.req.param('poll'))
      if (!(error instanceof RelayHttpError) || !poll) throw error
      return pollPage(c, p, poll, { error: error.message }, error.status)
    }
    return render(
      c,
      p,
      'Réponse enregistrée',
      <>
        <h1>{cast.poll.kind === 'vote' ? 'Votre vote est enregistré' : 'Votre réponse est enregistrée'}</h1>
        <p>
          Gardez ce reçu : il permet à chacun de vérifier que{' '}
          {cast.poll.kind === 'vote' ? 'votre vote est bien compté' : 'votre réponse est bien comptée'}, sans montrer votre choix.
        </p>
        <p>
          <span class="receipt">{cast.receipt}</span>
        </p>
        <p class="hint">Si vous modifiez votre réponse avant la clôture, un nouveau reçu remplace celui-ci.</p>
        <p>
          <a href={`/${p.commune.code}/recu?code=${encodeURIComponent(cast.receipt)}`}>Vérifier ce reçu</a> ·{' '}
          <a href={`/${p.commune.code}/sondages/${cast.poll.externalId}`}>Revenir au sondage</a>
        </p>
      </>,
    )
  })

  app.get('/:commune/recu', async (c) => {
    const p = await portalPage(c, relay)
    const code = (c.req.query('code') ?? '').slice(0, 40)
    let verdict: Child = null
    if (code) {
      if (!(await allow(db, LIMITS.receiptPerIp, clientIp(c, relay), relay.config.rateLimitFactor)))
        throw new RelayHttpError(429, 'trop_de_verifications', 'Trop de vérifications : réessayez dans quelques minutes.')
      const found = await checkReceipt(db, p.commune.code, code)
      verdict = found ? (
        <div class="notice ok" role="status">
          <p>
            Ce reçu correspond à {found.kind === 'vote' ? 'un vote compté' : 'une réponse comptée'} pour « {found.title} » (
            {found.kind === 'vote' ? 'enregistré' : 'enregistrée'} le {formatDateTime(found.updatedAt)}).
          </p>
        </div>
      ) : (
        <div class="error" role="status">
          <p>Aucun vote compté ne correspond à ce reçu. Vérifiez sa saisie ; un reçu remplacé par une nouvelle réponse ne compte plus.</p>
        </div>
      )
    }
    return render(
      c,
      p,
      'Vérifier un reçu',
      <>
        <h1>Vérifier un reçu de vote</h1>
        {verdict}
        <form method="get" action={`/${p.commune.code}/recu`}>
          <label for="recu">Code du reçu</label>
          <input type="text" id="recu" name="code" required maxlength={40} value={code} autocomplete="off" />
          <button type="submit">Vérifier</button>
        </form>
      </>,
    )
  })
}
