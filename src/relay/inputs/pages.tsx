/** Contributing (proposal or need, with photos and a place), a project comment, « Mes contributions », reporting. */
import type { Context, Hono } from 'hono'
import { textField, optionalTextField } from '../../shared/relay/api'
import {
  citizenFacingStatus,
  INPUT_KIND_LABELS,
  INPUT_STATUS_LABELS,
  MAX_PHOTOS_PER_INPUT,
  REPORT_REASONS,
  REPORT_REASON_LABELS,
  TOPICS,
  TOPIC_LABELS,
  type InputKind,
  type InputStatus,
  type ModerationState,
  type Topic,
} from '../../shared/relay/vocabulary'
import type { RelayContext } from '../context'
import { notFound, RelayHttpError, zodMessage } from '../http/errors'
import { clientIp } from '../http/request'
import { processPhoto, type ProcessedPhoto } from '../photos/process'
import {
  Csrf,
  ErrorBox,
  files,
  formatDate,
  formLimit,
  Notice,
  portalPage,
  postedForm,
  render,
  requireCitizen,
  text,
  type FormData,
  type PortalPage,
} from '../portal/kit'
import { projectPage } from '../portal/home'
import { publicProject } from '../projects/queries'
import { allow, countHits, LIMITS } from '../security/rate-limit'
import { citizenInputs, createInput, photoVisible, publicInput, reportInput, type NewInput } from './queries'

const UPLOAD_LIMIT = 40 * 1024 * 1024

/** Thumbnails (lazy-loaded) linking to the full photos. */
function PhotoList({ ids, base, alt = '' }: { ids: number[]; base: string; alt?: string }) {
  if (!ids.length) return null
  return (
    <ul class="photos">
      {ids.map((id, i) => (
        <li>
          <a href={`${base}/photos/${id}`}>
            <img src={`${base}/photos/${id}/miniature`} alt={`Photo ${i + 1}${alt ? ` ${alt}` : ''}`} loading="lazy" width={144} height={144} />
          </a>
        </li>
      ))}
    </ul>
  )
}

interface Draft {
  kind: string
  topic: string
  title: string
  body: string
  address: string
  latitude: string
  longitude: string
}
const EMPTY: Draft = { kind: 'proposition', topic: '', title: '', body: '', address: '', latitude: '', longitude: '' }

function ContributionForm({ p, draft, error }: { p: PortalPage; draft: Draft; error?: string | null }) {
  return (
    <>
      <h1>Contribuer</h1>
      <p>
        Une idée pour la commune, un besoin, un problème à signaler ? La mairie lit chaque contribution et vous répond dans « Mes contributions ».
      </p>
      <ErrorBox message={error ?? null} />
      <form method="post" action={`/${p.commune.code}/contribuer`} enctype="multipart/form-data">
        <Csrf p={p} />
        <fieldset>
          <legend>Type de contribution</legend>
          <label class="choice">
            <input type="radio" name="kind" value="proposition" checked={draft.kind !== 'besoin'} /> Une proposition, une idée
          </label>
          <label class="choice">
            <input type="radio" name="kind" value="besoin" checked={draft.kind === 'besoin'} /> Un besoin ou un signalement (problème, réparation…)
          </label>
        </fieldset>
        <label for="sujet">Sujet</label>
        <select id="sujet" name="topic" required>
          <option value="">Choisissez un sujet</option>
          {TOPICS.map((topic) => (
            <option value={topic} selected={draft.topic === topic}>
              {TOPIC_LABELS[topic]}
            </option>
          ))}
        </select>
        <label for="titre">Titre</label>
        <p class="hint" id="titre-aide">
          En quelques mots, 150 caractères au plus.
        </p>
        <input type="text" id="titre" name="title" required maxlength={150} value={draft.title} aria-describedby="titre-aide" />
        <label for="texte">Description</label>
        <p class="hint" id="texte-aide">
          4 000 caractères au plus.
        </p>
        <textarea id="texte" name="body" required maxlength={4000} aria-describedby="texte-aide">
          {draft.body}
        </textarea>
        <label for="adresse">Lieu (facultatif)</label>
        <p class="hint" id="adresse-aide">
          Une adresse ou un repère : « devant l’école », « chemin des Vignes ».
        </p>
        <input
          type="text"
          id="adresse"
          name="address"
          maxlength={300}
          value={draft.address}
          autocomplete="street-address"
          aria-describedby="adresse-aide"
        />
        <input type="hidden" id="latitude" name="latitude" value={draft.latitude} />
        <input type="hidden" id="longitude" name="longitude" value={draft.longitude} />
        <button type="button" id="geoloc" class="secondary" hidden>
          Utiliser ma position
        </button>
        <p id="geoloc-status" class="hint" role="status"></p>
        <label for="photos">Photos (facultatif, {MAX_PHOTOS_PER_INPUT} au plus)</label>
        <p class="hint" id="photos-aide">
          JPEG, PNG, WebP ou HEIC, 12 Mo au plus chacune. Leurs métadonnées (dont la position GPS) sont retirées.
        </p>
        <input type="file" id="photos" name="photos" accept="image/*" multiple data-preview="apercu" aria-describedby="photos-aide" />
        <div id="apercu" class="preview" aria-live="polite"></div>
        <button type="submit">Envoyer ma contribution</button>
      </form>
    </>
  )
}

function readDraft(form: FormData): Draft {
  return {
    kind: text(form, 'kind'),
    topic: text(form, 'topic'),
    title: text(form, 'title'),
    body: text(form, 'body'),
    address: text(form, 'address'),
    latitude: text(form, 'latitude').slice(0, 20),
    longitude: text(form, 'longitude').slice(0, 20),
  }
}

function coordinate(value: string, max: number): number | null {
  if (!value.trim()) return null
  const n = Number(value)
  if (!Number.isFinite(n) || Math.abs(n) > max)
    throw new RelayHttpError(400, 'position_invalide', 'La position reçue est invalide : retirez-la ou réessayez.')
  return Math.round(n * 1e6) / 1e6
}

function validate(draft: Draft): NewInput {
  if (draft.kind !== 'proposition' && draft.kind !== 'besoin') throw new RelayHttpError(400, 'type_inconnu', 'Choisissez le type de contribution.')
  if (!(TOPICS as readonly string[]).includes(draft.topic)) throw new RelayHttpError(400, 'sujet_inconnu', 'Choisissez un sujet.')
  const title = textField('Le titre', 150).safeParse(draft.title)
  if (!title.success) throw new RelayHttpError(400, 'titre', zodMessage(title.error))
  const body = textField('La description', 4000).safeParse(draft.body)
  if (!body.success) throw new RelayHttpError(400, 'texte', zodMessage(body.error))
  const address = optionalTextField('Le lieu', 300).safeParse(draft.address)
  if (!address.success) throw new RelayHttpError(400, 'lieu', zodMessage(address.error))
  const latitude = coordinate(draft.latitude, 90)
  const longitude = coordinate(draft.longitude, 180)
  return {
    kind: draft.kind,
    topic: draft.topic as Topic,
    title: title.data,
    body: body.data,
    projectExternalId: null,
    address: address.data,
    latitude: latitude !== null && longitude !== null ? latitude : null,
    longitude: latitude !== null && longitude !== null ? longitude : null,
  }
}

async function contributionLimits(c: Context, relay: RelayContext, citizenId: number): Promise<void> {
  const db = relay.database.db
  const under = await countHits(
    db,
    [
      { limit: LIMITS.contributionPerAccount, subject: String(citizenId) },
      { limit: LIMITS.contributionPerIp, subject: clientIp(c, relay) },
    ],
    relay.config.rateLimitFactor,
  )
  if (under.includes(false)) {
    throw new RelayHttpError(429, 'trop_de_contributions', 'Vous avez envoyé beaucoup de contributions en peu de temps : réessayez dans une heure.')
  }
}

export function mountInputs(app: Hono, relay: RelayContext): void {
  const db = relay.database.db

  app.get('/:commune/contribuer', async (c) => {
    const p = await portalPage(c, relay)
    if (!p.who.citizen) return signInFirst(c, p, 'envoyer une contribution')
    return render(
      c,
      p,
      'Contribuer',
      <ContributionForm p={p} draft={{ ...EMPTY, kind: c.req.query('type') === 'besoin' ? 'besoin' : 'proposition' }} />,
    )
  })

  app.post('/:commune/contribuer', formLimit(UPLOAD_LIMIT), async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    const citizen = requireCitizen(p)
    const draft = readDraft(form)
    const photos = files(form, 'photos')
    try {
      const input = validate(draft)
      if (photos.length > MAX_PHOTOS_PER_INPUT)
        throw new RelayHttpError(400, 'trop_de_photos', `${MAX_PHOTOS_PER_INPUT} photos au plus par contribution.`)
      await contributionLimits(c, relay, citizen.id)
      const processed: ProcessedPhoto[] = []
      for (const [index, file] of photos.entries()) processed.push(await processPhoto(Buffer.from(await file.arrayBuffer()), index + 1))
      await createInput(db, relay.photos, p.commune.code, citizen.id, input, processed)
    } catch (error) {
      if (!(error instanceof RelayHttpError)) throw error
      // Nothing was stored; what was typed comes back (a browser cannot refill file fields: the message says so).
      const again = photos.length ? ' Vos textes sont conservés ; choisissez de nouveau vos photos.' : ''
      return render(c, p, 'Contribuer', <ContributionForm p={p} draft={draft} error={`${error.message}${again}`} />, error.status)
    }
    return c.redirect(`/${p.commune.code}/mes-contributions?message=envoyee`, 303)
  })

  app.post('/:commune/projets/:project/commentaires', formLimit(64 * 1024), async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    const citizen = requireCitizen(p)
    const project = await publicProject(db, p.commune.code, c.req.param('project'))
    if (!project) throw notFound('Ce projet')
    const draft = text(form, 'body')
    const body = textField('Le commentaire', 4000).safeParse(draft)
    try {
      if (!body.success) throw new RelayHttpError(400, 'commentaire', zodMessage(body.error))
      await contributionLimits(c, relay, citizen.id)
    } catch (error) {
      if (!(error instanceof RelayHttpError)) throw error
      return projectPage(c, relay, p, project, { error: error.message, draft }, error.status)
    }
    await createInput(
      db,
      relay.photos,
      p.commune.code,
      citizen.id,
      {
        kind: 'commentaire',
        title: null,
        body: body.data!,
        topic: (project.topic as Topic | null) ?? null,
        projectExternalId: project.externalId,
        address: null,
        latitude: null,
        longitude: null,
      },
      [],
    )
    return c.redirect(`/${p.commune.code}/projets/${project.externalId}?message=commentaire`, 303)
  })

  app.get('/:commune/mes-contributions', async (c) => {
    const p = await portalPage(c, relay)
    if (!p.who.citizen) return signInFirst(c, p, 'voir vos contributions')
    const base = `/${p.commune.code}`
    const items = await citizenInputs(db, p.commune.code, p.who.citizen.id)
    return render(
      c,
      p,
      'Mes contributions',
      <>
        <h1>Mes contributions</h1>
        <Notice
          message={
            c.req.query('message') === 'envoyee' ? 'Merci : votre contribution est bien reçue. La mairie la relira avant de la publier.' : null
          }
        />
        {items.length ? (
          <ul class="cards">
            {items.map((item) => {
              const status = citizenFacingStatus(item.status as InputStatus, item.moderation as ModerationState)
              return (
                <li class="card">
                  <h2 class="h3">{item.title ?? INPUT_KIND_LABELS[item.kind as InputKind]}</h2>
                  <p class="meta">
                    <span
                      class={`tag ${status === 'retenue' || status === 'realisee' ? 'ok' : status === 'masquee' || status === 'non_retenue' ? 'warn' : ''}`}
                    >
                      {INPUT_STATUS_LABELS[status]}
                    </span>{' '}
                    · {INPUT_KIND_LABELS[item.kind as InputKind]} · envoyée le {formatDate(item.createdAt)}
                    {item.moderation === 'en_attente' ? ' · pas encore publiée' : item.moderation === 'publiee' ? ' · publiée' : ''}
                  </p>
                  <p>{item.body}</p>
                  <PhotoList ids={item.photoIds} base={base} alt="de votre contribution" />
                  {item.publicAnswer ? (
                    <p>
                      <strong>Réponse de la mairie :</strong> {item.publicAnswer}
                    </p>
                  ) : (
                    <p class="meta">Pas encore de réponse de la mairie.</p>
                  )}
                </li>
              )
            })}
          </ul>
        ) : (
          <p class="empty">
            Vous n’avez encore rien envoyé. <a href={`${base}/contribuer`}>Proposer une idée ou signaler un besoin</a>.
          </p>
        )}
      </>,
    )
  })

  app.get('/:commune/contributions/:id{\\d{1,15}}', async (c) => {
    const p = await portalPage(c, relay)
    const item = await publicInput(db, p.commune.code, Number(c.req.param('id')))
    if (!item) throw notFound('Cette contribution')
    const base = `/${p.commune.code}`
    const message = { signalee: 'Merci : votre signalement est enregistré.', deja: 'Vous avez déjà signalé cette contribution.' }[
      c.req.query('message') ?? ''
    ]
    return render(
      c,
      p,
      item.title ?? 'Contribution',
      <>
        <p>
          <a href={base}>← Retour à la commune</a>
        </p>
        <h1>{item.title ?? INPUT_KIND_LABELS[item.kind as InputKind]}</h1>
        <Notice message={message} />
        <p class="meta">
          {INPUT_KIND_LABELS[item.kind as InputKind]}
          {item.topic ? ` · ${TOPIC_LABELS[item.topic as Topic]}` : ''} · {item.authorName || 'Habitant·e'} · {formatDate(item.createdAt)} ·{' '}
          <span class="tag">{INPUT_STATUS_LABELS[item.status as InputStatus]}</span>
        </p>
        <p>{item.body}</p>
        {item.address ? <p class="meta">Lieu : {item.address}</p> : null}
        <PhotoList ids={item.photoIds} base={base} />
        {item.publicAnswer ? (
          <p>
            <strong>Réponse de la mairie :</strong> {item.publicAnswer}
          </p>
        ) : null}
        {p.who.citizen && p.who.citizen.id !== item.citizenId ? (
          <details>
            <summary>Signaler cette contribution</summary>
            <form method="post" action={`${base}/contributions/${item.id}/signaler`}>
              <Csrf p={p} />
              <fieldset>
                <legend>Motif</legend>
                {REPORT_REASONS.map((reason, i) => (
                  <label class="choice">
                    <input type="radio" name="reason" value={reason} required checked={i === 0} /> {REPORT_REASON_LABELS[reason]}
                  </label>
                ))}
              </fieldset>
              <button type="submit" class="secondary">
                Signaler
              </button>
            </form>
          </details>
        ) : null}
      </>,
    )
  })

  app.post('/:commune/contributions/:id{\\d{1,15}}/signaler', formLimit(64 * 1024), async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    const citizen = requireCitizen(p)
    const reason = text(form, 'reason')
    if (!(REPORT_REASONS as readonly string[]).includes(reason)) throw new RelayHttpError(400, 'motif', 'Choisissez le motif du signalement.')
    if (!(await allow(db, LIMITS.reportPerAccount, String(citizen.id), relay.config.rateLimitFactor)))
      throw new RelayHttpError(429, 'trop_de_signalements', 'Trop de signalements en peu de temps : réessayez dans une heure.')
    const id = Number(c.req.param('id'))
    const result = await reportInput(db, p.commune.code, id, citizen.id, reason as (typeof REPORT_REASONS)[number])
    const visible = await publicInput(db, p.commune.code, id)
    if (!visible) return c.redirect(`/${p.commune.code}?message=signalee`, 303)
    return c.redirect(`/${p.commune.code}/contributions/${id}?message=${result === 'already' ? 'deja' : 'signalee'}`, 303)
  })

  app.get('/:commune/photos/:id{\\d{1,15}}/:variant{miniature}?', async (c) => {
    const p = await portalPage(c, relay)
    const id = Number(c.req.param('id'))
    if (!(await photoVisible(db, p.commune.code, id, p.who.citizen?.id ?? null))) throw notFound('Cette photo')
    const bytes = await relay.photos.read(p.commune.code, id, c.req.param('variant') ? 'thumbnail' : 'image')
    if (!bytes) throw notFound('Cette photo')
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=3600' })
  })
}

export function signInFirst(c: Context, p: PortalPage, what: string) {
  return render(
    c,
    p,
    'Connexion nécessaire',
    <>
      <h1>Connectez-vous pour {what}</h1>
      <p>Il suffit de votre adresse e-mail : vous recevez un lien de connexion, sans mot de passe.</p>
      <p>
        <a class="button" href={`/${p.commune.code}/connexion`}>
          Recevoir un lien de connexion
        </a>
      </p>
    </>,
  )
}
