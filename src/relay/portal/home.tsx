/** The commune's public page and a project's page (with its published comments and the comment form). */
import type { Context, Hono } from 'hono'
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '../../shared/contract/projects'
import { INPUT_KIND_LABELS, TOPIC_LABELS, type InputKind, type Topic } from '../../shared/relay/vocabulary'
import type { RelayContext } from '../context'
import { notFound } from '../http/errors'
import { publicInputs, type InputRow } from '../inputs/queries'
import { activeAlerts, publicNews } from '../news/queries'
import { pollState, publicPolls, type Poll } from '../polls/queries'
import { publicProject, publicProjects, type PublicProject } from '../projects/queries'
import { Csrf, formatDate, formatDateTime, formatEuros, Notice, portalPage, render, type PortalPage } from './kit'

export function InputCard({ item, base }: { item: InputRow; base: string }) {
  return (
    <li class="card">
      <h3>
        <a href={`${base}/contributions/${item.id}`}>{item.title ?? INPUT_KIND_LABELS[item.kind as InputKind]}</a>
      </h3>
      <p class="meta">
        {INPUT_KIND_LABELS[item.kind as InputKind]}
        {item.topic ? ` · ${TOPIC_LABELS[item.topic as Topic]}` : ''} · {item.authorName || 'Habitant·e'} · {formatDate(item.createdAt)}
        {item.photoIds.length ? ` · ${item.photoIds.length} photo${item.photoIds.length > 1 ? 's' : ''}` : ''}
      </p>
      <p>{item.body.length > 280 ? `${item.body.slice(0, 280)}…` : item.body}</p>
      {item.publicAnswer ? (
        <p>
          <strong>Réponse de la mairie :</strong> {item.publicAnswer}
        </p>
      ) : null}
    </li>
  )
}

function ProjectSummary({ project, base }: { project: PublicProject; base: string }) {
  return (
    <li class="card">
      <h3>
        <a href={`${base}/projets/${project.externalId}`}>{project.title}</a>
      </h3>
      <p class="meta">
        <span class="tag">{PROJECT_STATUS_LABELS[project.status as ProjectStatus] ?? project.status}</span>
        {project.theme ? ` · ${project.theme}` : ''}
      </p>
      {project.progress !== null ? (
        <p>
          <label class="hint" for={`avancement-${project.id}`}>
            Avancement : {project.progress} %
          </label>
          <progress id={`avancement-${project.id}`} max={100} value={project.progress}>
            {project.progress} %
          </progress>
        </p>
      ) : null}
    </li>
  )
}

export function PollLine({ poll, base }: { poll: Poll; base: string }) {
  const state = pollState(poll)
  return (
    <li class="card">
      <h3>
        <a href={`${base}/sondages/${poll.externalId}`}>{poll.title}</a>
      </h3>
      <p class="meta">
        {poll.kind === 'vote' ? 'Vote' : 'Sondage'} ·{' '}
        {state === 'ouvert'
          ? `ouvert jusqu’au ${formatDateTime(poll.closesAt)}`
          : state === 'a_venir'
            ? `ouvre le ${formatDateTime(poll.opensAt)}`
            : 'clos'}{' '}
        · {poll.verification === 'habitant' ? 'réservé aux habitants vérifiés' : 'adresse e-mail vérifiée'}
      </p>
    </li>
  )
}

export function mountHome(app: Hono, relay: RelayContext): void {
  const db = relay.database.db

  app.get('/:commune{(\\d{5}|2[AB]\\d{3})}', async (c) => {
    const p = await portalPage(c, relay)
    const code = p.commune.code
    const base = `/${code}`
    const [alerts, projects, news, polls, contributions] = await Promise.all([
      activeAlerts(db, code),
      publicProjects(db, code),
      publicNews(db, code),
      publicPolls(db, code),
      publicInputs(db, code, { kinds: ['proposition', 'besoin'], limit: 10 }),
    ])
    const openPolls = polls.filter((poll) => pollState(poll) !== 'clos')
    const closedPolls = polls.filter((poll) => pollState(poll) === 'clos').slice(0, 5)
    const topics = [...new Set(news.filter((n) => !n.isAlert).map((n) => n.topic as Topic))]
    return render(
      c,
      p,
      'Accueil',
      <>
        {alerts.map((alert) => (
          <section class="alert" aria-labelledby={`alerte-${alert.id}`}>
            <h2 id={`alerte-${alert.id}`}>Alerte : {alert.title}</h2>
            <p>{alert.body}</p>
            <p class="meta">Jusqu’au {formatDateTime(alert.alertUntil!)}</p>
          </section>
        ))}
        <h1>{p.commune.name} : la vie de la commune</h1>
        <Notice message={c.req.query('message') === 'deconnecte' ? 'Vous êtes déconnecté·e.' : null} />
        <p>
          Suivez les projets de la mairie, répondez aux sondages et envoyez vos idées ou vos signalements.{' '}
          {p.who.citizen ? null : (
            <>
              <a href={`${base}/connexion`}>Créez votre accès</a> avec votre seule adresse e-mail.
            </>
          )}
        </p>
        <p>
          <a class="button" href={`${base}/contribuer`}>
            Proposer une idée ou signaler un besoin
          </a>
        </p>

        <h2>Sondages et votes</h2>
        {openPolls.length ? (
          <ul class="cards">
            {openPolls.map((poll) => (
              <PollLine poll={poll} base={base} />
            ))}
          </ul>
        ) : (
          <p class="empty">Aucun sondage ni vote en cours.</p>
        )}
        {closedPolls.length ? (
          <details>
            <summary>Résultats des sondages clos</summary>
            <ul class="cards">
              {closedPolls.map((poll) => (
                <PollLine poll={poll} base={base} />
              ))}
            </ul>
          </details>
        ) : null}

        <h2>Les projets de la commune</h2>
        {projects.length ? (
          <ul class="cards">
            {projects.map((project) => (
              <ProjectSummary project={project} base={base} />
            ))}
          </ul>
        ) : (
          <p class="empty">La mairie n’a pas encore publié de projet.</p>
        )}

        <h2>Actualités</h2>
        {topics.length ? (
          topics.map((topic) => (
            <section aria-label={TOPIC_LABELS[topic]}>
              <h3>{TOPIC_LABELS[topic]}</h3>
              <ul class="cards">
                {news
                  .filter((n) => n.topic === topic && !n.isAlert)
                  .map((n) => (
                    <li class="card">
                      <h4>{n.title}</h4>
                      <p class="meta">{formatDate(n.publishedOn)}</p>
                      <p>{n.body}</p>
                    </li>
                  ))}
              </ul>
            </section>
          ))
        ) : (
          <p class="empty">Pas d’actualité pour le moment.</p>
        )}

        <h2>Contributions des habitants</h2>
        {contributions.length ? (
          <ul class="cards">
            {contributions.map((item) => (
              <InputCard item={item} base={base} />
            ))}
          </ul>
        ) : (
          <p class="empty">Aucune contribution publiée pour l’instant : les contributions paraissent ici une fois relues par la mairie.</p>
        )}
      </>,
    )
  })

  app.get('/:commune/projets/:project', async (c) => {
    const p = await portalPage(c, relay)
    const project = await publicProject(db, p.commune.code, c.req.param('project'))
    if (!project) throw notFound('Ce projet')
    return projectPage(c, relay, p, project, {
      message: c.req.query('message') === 'commentaire' ? 'Merci : votre commentaire sera publié après relecture par la mairie.' : null,
    })
  })
}

export async function projectPage(
  c: Context,
  relay: RelayContext,
  p: PortalPage,
  project: PublicProject,
  state: { message?: string | null; error?: string | null; draft?: string },
  status = 200,
) {
  const base = `/${p.commune.code}`
  const comments = await publicInputs(relay.database.db, p.commune.code, { projectExternalId: project.externalId, kinds: ['commentaire'] })
  return render(
    c,
    p,
    project.title,
    <>
      <p>
        <a href={base}>← Retour à la commune</a>
      </p>
      <h1>{project.title}</h1>
      <Notice message={state.message} />
      <p class="meta">
        <span class="tag">{PROJECT_STATUS_LABELS[project.status as ProjectStatus] ?? project.status}</span>
        {project.theme ? ` · ${project.theme}` : ''}
      </p>
      {project.summary ? <p>{project.summary}</p> : null}
      <dl>
        {project.progress !== null ? (
          <>
            <dt>Avancement</dt>
            <dd>
              <progress max={100} value={project.progress} aria-label="Avancement du projet">
                {project.progress} %
              </progress>{' '}
              {project.progress} %
            </dd>
          </>
        ) : null}
        {project.startDate ? (
          <>
            <dt>Début</dt>
            <dd>{formatDate(project.startDate)}</dd>
          </>
        ) : null}
        {project.endDate ? (
          <>
            <dt>Fin prévue</dt>
            <dd>{formatDate(project.endDate)}</dd>
          </>
        ) : null}
        {project.budgetCents !== null ? (
          <>
            <dt>Budget</dt>
            <dd>{formatEuros(project.budgetCents)}</dd>
          </>
        ) : null}
      </dl>
      <h2>Commentaires</h2>
      {comments.length ? (
        <ul class="cards">
          {comments.map((item) => (
            <InputCard item={item} base={base} />
          ))}
        </ul>
      ) : (
        <p class="empty">Aucun commentaire publié.</p>
      )}
      {p.who.citizen ? (
        <form method="post" action={`${base}/projets/${project.externalId}/commentaires`}>
          <Csrf p={p} />
          {state.error ? (
            <div class="error" role="alert">
              <p>{state.error}</p>
            </div>
          ) : null}
          <label for="commentaire">Votre commentaire</label>
          <p class="hint" id="commentaire-aide">
            4 000 caractères au plus. Il sera publié après relecture par la mairie.
          </p>
          <textarea id="commentaire" name="body" required maxlength={4000} aria-describedby="commentaire-aide">
            {state.draft ?? ''}
          </textarea>
          <button type="submit">Envoyer le commentaire</button>
        </form>
      ) : (
        <p>
          <a href={`${base}/connexion`}>Connectez-vous</a> pour commenter ce projet.
        </p>
      )}
    </>,
    status,
  )
}
