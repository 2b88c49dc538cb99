/** Sign-in by magic link, the account page (name, topics, digest, alerts, resident code), privacy, export, deletion. */
import type { Context, Hono } from 'hono'
import { z } from 'zod'
import { UNSAFE_CHARACTERS } from '../../shared/relay/api'
import { DIGEST_FREQUENCIES, DIGEST_LABELS, TOPICS, TOPIC_LABELS } from '../../shared/relay/vocabulary'
import type { RelayContext } from '../context'
import { RelayHttpError } from '../http/errors'
import { clientIp } from '../http/request'
import {
  Csrf,
  ErrorBox,
  formatDateTime,
  formLimit,
  Notice,
  portalPage,
  postedForm,
  render,
  requireCitizen,
  text,
  texts,
  type PortalPage,
} from '../portal/kit'
import { clearSession, SESSION_COOKIE, startSession } from '../portal/session'
import { portalUrl } from '../portal/urls'
import { redeemCode } from '../residents/queries'
import { allow, countHits, LIMITS } from '../security/rate-limit'
import { getCookie } from 'hono/cookie'
import { consumeMagicLink, createMagicLink, deleteCitizen, endSession, exportCitizen, MAGIC_LINK_MINUTES, updatePreferences } from './queries'

const emailSchema = z.email().max(254)
const MESSAGES: Record<string, string> = {
  bienvenue: 'Vous êtes connecté·e. Choisissez le nom affiché avec vos contributions et les sujets qui vous intéressent.',
  connecte: 'Vous êtes connecté·e.',
  enregistre: 'Vos préférences sont enregistrées.',
  habitant: 'Merci : vous êtes maintenant habitant·e vérifié·e et pouvez participer aux votes réservés aux habitants.',
}

function SignInForm({ p, error, email }: { p: PortalPage; error?: string | null; email?: string }) {
  return (
    <>
      <h1>Se connecter ou créer son accès</h1>
      <p>Indiquez votre adresse e-mail : vous recevrez un lien de connexion, valable {MAGIC_LINK_MINUTES} minutes. Pas de mot de passe à retenir.</p>
      <ErrorBox message={error ?? null} />
      <form method="post" action={`/${p.commune.code}/connexion`}>
        <Csrf p={p} />
        <label for="email">Adresse e-mail</label>
        <p class="hint" id="email-aide">
          Elle n’est jamais transmise à la mairie ni affichée : seul le nom que vous choisirez l’est.
        </p>
        <input type="email" id="email" name="email" autocomplete="email" required maxlength={254} value={email ?? ''} aria-describedby="email-aide" />
        <button type="submit">Recevoir le lien de connexion</button>
      </form>
    </>
  )
}

export function mountCitizens(app: Hono, relay: RelayContext): void {
  const db = relay.database.db
  const small = formLimit(64 * 1024)

  app.get('/:commune/connexion', async (c) => {
    const p = await portalPage(c, relay)
    return render(c, p, 'Connexion', <SignInForm p={p} />)
  })

  app.post('/:commune/connexion', small, async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    const typed = text(form, 'email').trim()
    const parsed = emailSchema.safeParse(typed.toLowerCase())
    if (!parsed.success)
      return render(
        c,
        p,
        'Connexion',
        <SignInForm p={p} email={typed.slice(0, 254)} error="Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr)." />,
        400,
      )
    const email = parsed.data
    const under = await countHits(
      db,
      [
        { limit: LIMITS.magicLinkPerIp, subject: clientIp(c, relay) },
        { limit: LIMITS.magicLinkPerAddress, subject: `${p.commune.code}:${email}` },
      ],
      relay.config.rateLimitFactor,
    )
    if (under.includes(false)) {
      return render(
        c,
        p,
        'Connexion',
        <SignInForm p={p} email={typed} error="Trop de demandes de lien pour le moment : réessayez dans une heure." />,
        429,
      )
    }
    // The same work and the same answer whether or not the address has an account: the link creates it if needed.
    const token = await createMagicLink(db, p.commune.code, email)
    const link = portalUrl(relay, p.commune.code, `/connexion/lien?jeton=${token}`)
    await relay.mailer.queue(db, {
      to: email,
      communeCode: p.commune.code,
      subject: `Votre lien de connexion au portail de ${p.commune.name}`,
      body: [
        'Bonjour,',
        '',
        `Pour vous connecter au portail citoyen de ${p.commune.name}, ouvrez ce lien puis confirmez :`,
        link,
        '',
        `Il est valable ${MAGIC_LINK_MINUTES} minutes et ne sert qu’une fois.`,
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne se passera.',
      ].join('\n'),
    })
    void relay.mailer.flush().catch((error: Error) => relay.log(`Envoi d’un lien de connexion : ${error.message}`))
    return render(
      c,
      p,
      'Lien envoyé',
      <>
        <h1>Consultez votre messagerie</h1>
        <p>
          Si l’adresse <strong>{email}</strong> est correcte, un lien de connexion vient d’y être envoyé. Il est valable {MAGIC_LINK_MINUTES} minutes.
        </p>
        <p>Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, ou refaites une demande.</p>
        <p>
          <a href={`/${p.commune.code}/connexion`}>Refaire une demande</a>
        </p>
      </>,
    )
  })

  // Mail scanners open links: the GET only shows a button; the token is consumed by the POST.
  app.get('/:commune/connexion/lien', async (c) => {
    const p = await portalPage(c, relay)
    const token = c.req.query('jeton') ?? ''
    return render(
      c,
      p,
      'Confirmer la connexion',
      <>
        <h1>Confirmer la connexion</h1>
        <p>Pour terminer, confirmez que c’est bien vous.</p>
        <form method="post" action={`/${p.commune.code}/connexion/lien`}>
          <Csrf p={p} />
          <input type="hidden" name="jeton" value={token.slice(0, 100)} />
          <button type="submit">Me connecter</button>
        </form>
      </>,
    )
  })

  app.post('/:commune/connexion/lien', small, async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    const token = text(form, 'jeton')
    const result = /^[A-Za-z0-9_-]{40,60}$/.test(token) ? await consumeMagicLink(db, p.commune.code, token) : null
    if (!result) {
      return render(
        c,
        p,
        'Lien expiré',
        <>
          <h1>Ce lien n’est plus valable</h1>
          <p>Un lien de connexion ne sert qu’une fois et expire après {MAGIC_LINK_MINUTES} minutes. Demandez-en un nouveau : c’est immédiat.</p>
          <p>
            <a class="button" href={`/${p.commune.code}/connexion`}>
              Recevoir un nouveau lien
            </a>
          </p>
        </>,
        400,
      )
    }
    startSession(c, relay, p.commune.code, result.sessionToken)
    return c.redirect(`/${p.commune.code}/${result.isNew ? 'compte?message=bienvenue' : '?message=connecte'}`, 303)
  })

  app.post('/:commune/deconnexion', small, async (c) => {
    const p = await portalPage(c, relay)
    await postedForm(c, relay, p)
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await endSession(db, token)
    clearSession(c, p.commune.code)
    return c.redirect(`/${p.commune.code}?message=deconnecte`, 303)
  })

  const accountPage = (
    c: Context,
    p: PortalPage,
    state: { message?: string | null; error?: string | null; residentError?: string | null },
    status = 200,
  ) => {
    const citizen = requireCitizen(p)
    const base = `/${p.commune.code}`
    return render(
      c,
      p,
      'Mon compte',
      <>
        <h1>Mon compte</h1>
        <Notice message={state.message} />
        <ErrorBox message={state.error ?? null} />
        <form method="post" action={`${base}/compte`}>
          <Csrf p={p} />
          <label for="nom">Nom affiché avec vos contributions</label>
          <p class="hint" id="nom-aide">
            Par exemple « Marie D. » ; 60 caractères au plus.
          </p>
          <input
            type="text"
            id="nom"
            name="displayName"
            required
            maxlength={60}
            value={citizen.displayName}
            autocomplete="nickname"
            aria-describedby="nom-aide"
          />
          <fieldset>
            <legend>Sujets qui vous intéressent</legend>
            <p class="hint">Pour vos récapitulatifs ; aucun coché : tous les sujets.</p>
            {TOPICS.map((topic) => (
              <label class="choice">
                <input type="checkbox" name="topics" value={topic} checked={citizen.topics.includes(topic)} /> {TOPIC_LABELS[topic]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Courriels récapitulatifs</legend>
            {DIGEST_FREQUENCIES.map((digest) => (
              <label class="choice">
                <input type="radio" name="digest" value={digest} checked={citizen.digest === digest} /> {DIGEST_LABELS[digest]}
              </label>
            ))}
          </fieldset>
          <label class="choice">
            <input type="checkbox" name="alerts" value="1" checked={citizen.alerts} /> Recevoir tout de suite les alertes de la mairie (route fermée,
            coupure d’eau, tempête…)
          </label>
          <button type="submit">Enregistrer</button>
        </form>

        <h2>Habitant vérifié</h2>
        {citizen.residentVerifiedAt ? (
          <p>
            <span class="tag ok">Habitant·e vérifié·e</span> depuis le {formatDateTime(citizen.residentVerifiedAt)}.
          </p>
        ) : (
          <form method="post" action={`${base}/compte/habitant`}>
            <Csrf p={p} />
            <p>Certains votes sont réservés aux habitants. La mairie remet un code à usage unique (courrier, accueil de la mairie).</p>
            <ErrorBox message={state.residentError ?? null} />
            <label for="code-habitant">Code habitant</label>
            <p class="hint" id="code-aide">
              Par exemple ABCD-EFGH-JKMN ; les tirets et les majuscules ne comptent pas.
            </p>
            <input type="text" id="code-habitant" name="code" required maxlength={40} autocomplete="off" aria-describedby="code-aide" />
            <button type="submit">Valider mon code</button>
          </form>
        )}

        <h2>Mes données</h2>
        <p>
          <a href={`${base}/compte/export.json`} download="mes-donnees.json">
            Télécharger toutes mes données (JSON)
          </a>
        </p>
        <p>
          <a href={`${base}/compte/supprimer`}>Supprimer mon compte</a> · <a href={`${base}/confidentialite`}>Ce que le portail conserve</a>
        </p>
        <form method="post" action={`${base}/deconnexion`}>
          <Csrf p={p} />
          <button type="submit" class="secondary">
            Me déconnecter
          </button>
        </form>
      </>,
      status,
    )
  }

  app.get('/:commune/compte', async (c) => {
    const p = await portalPage(c, relay)
    if (!p.who.citizen) return c.redirect(`/${p.commune.code}/connexion`, 303)
    return accountPage(c, p, { message: MESSAGES[c.req.query('message') ?? ''] ?? null })
  })

  app.post('/:commune/compte', small, async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    const citizen = requireCitizen(p)
    const displayName = text(form, 'displayName').trim()
    const topics = texts(form, 'topics').filter((t): t is (typeof TOPICS)[number] => (TOPICS as readonly string[]).includes(t))
    const digest = text(form, 'digest')
    const draft = { ...citizen, displayName, topics, digest, alerts: text(form, 'alerts') === '1' }
    const error = !displayName
      ? 'Indiquez le nom affiché avec vos contributions.'
      : displayName.length > 60
        ? 'Le nom affiché ne doit pas dépasser 60 caractères.'
        : UNSAFE_CHARACTERS.test(displayName)
          ? 'Le nom affiché contient des caractères non autorisés.'
          : !(DIGEST_FREQUENCIES as readonly string[]).includes(digest)
            ? 'Choisissez la fréquence des courriels récapitulatifs.'
            : null
    if (error) return accountPage(c, { ...p, who: { ...p.who, citizen: draft } }, { error }, 400)
    await updatePreferences(db, citizen.id, { displayName, topics, digest, alerts: draft.alerts })
    return c.redirect(`/${p.commune.code}/compte?message=enregistre`, 303)
  })

  app.post('/:commune/compte/habitant', small, async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    const citizen = requireCitizen(p)
    if (!(await allow(db, LIMITS.residentCodePerAccount, String(citizen.id), relay.config.rateLimitFactor))) {
      return accountPage(c, p, { residentError: 'Trop d’essais : réessayez dans une heure.' }, 429)
    }
    try {
      await redeemCode(db, p.commune.code, citizen.id, text(form, 'code'))
    } catch (error) {
      if (error instanceof RelayHttpError) return accountPage(c, p, { residentError: error.message }, 400)
      throw error
    }
    const next = text(form, 'retour')
    return c.redirect(
      /^\/(\d{5}|2[AB]\d{3})\/sondages\/[A-Za-z0-9_-]{1,64}$/.test(next) && next.startsWith(`/${p.commune.code}/`)
        ? next
        : `/${p.commune.code}/compte?message=habitant`,
      303,
    )
  })

  app.get('/:commune/compte/export.json', async (c) => {
    const p = await portalPage(c, relay)
    const citizen = requireCitizen(p)
    const data = await exportCitizen(db, citizen)
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mes-donnees.json"',
    })
  })

  app.get('/:commune/compte/supprimer', async (c) => {
    const p = await portalPage(c, relay)
    requireCitizen(p)
    return render(
      c,
      p,
      'Supprimer mon compte',
      <>
        <h1>Supprimer mon compte</h1>
        <p>Votre adresse e-mail, votre nom affiché et vos préférences seront effacés, et vous serez déconnecté·e. Cela ne peut pas être annulé.</p>
        <form method="post" action={`/${p.commune.code}/compte/supprimer`}>
          <Csrf p={p} />
          <fieldset>
            <legend>Vos contributions</legend>
            <label class="choice">
              <input type="radio" name="contributions" value="garder" checked /> Les laisser, sans mon nom (elles restent utiles à la commune)
            </label>
            <label class="choice">
              <input type="radio" name="contributions" value="supprimer" /> Les supprimer aussi, avec leurs photos
            </label>
          </fieldset>
          <p class="hint">Vos réponses aux sondages et votes restent comptées, sans lien avec vous.</p>
          <button type="submit" class="danger">
            Supprimer définitivement mon compte
          </button>{' '}
          <a href={`/${p.commune.code}/compte`}>Annuler</a>
        </form>
      </>,
    )
  })

  app.post('/:commune/compte/supprimer', small, async (c) => {
    const p = await portalPage(c, relay)
    const form = await postedForm(c, relay, p)
    const citizen = requireCitizen(p)
    await deleteCitizen(db, citizen, text(form, 'contributions') === 'supprimer')
    clearSession(c, p.commune.code)
    return render(
      c,
      { ...p, who: { ...p.who, citizen: null } },
      'Compte supprimé',
      <>
        <h1>Votre compte est supprimé</h1>
        <p>Merci d’avoir participé à la vie de {p.commune.name}.</p>
        <p>
          <a href={`/${p.commune.code}`}>Revenir à la page de la commune</a>
        </p>
      </>,
    )
  })

  app.get('/:commune/confidentialite', async (c) => {
    const p = await portalPage(c, relay)
    return render(
      c,
      p,
      'Données personnelles',
      <>
        <h1>Vos données personnelles</h1>
        <h2>Ce que le portail conserve</h2>
        <ul>
          <li>Votre adresse e-mail, pour vous envoyer les liens de connexion, les alertes et les récapitulatifs que vous avez choisis.</li>
          <li>Le nom que vous choisissez, affiché avec vos contributions, et vos préférences (sujets, fréquence des courriels, alertes).</li>
          <li>
            Vos contributions (texte, photos débarrassées de leurs métadonnées et de leur position GPS, lieu si vous l’indiquez), commentaires,
            signalements et réponses aux sondages et votes.
          </li>
          <li>
            Si vous avez saisi un code habitant : la date de cette vérification (le code lui-même n’est conservé que sous une forme chiffrée
            irréversible).
          </li>
        </ul>
        <h2>Qui voit quoi</h2>
        <ul>
          <li>La mairie reçoit vos contributions et réponses avec votre nom affiché et un identifiant anonyme ; jamais votre adresse e-mail.</li>
          <li>Le public voit les contributions que la mairie a publiées, avec le nom affiché ; jamais les réponses individuelles aux sondages.</li>
          <li>Un reçu de vote permet de vérifier qu’un vote est compté, sans montrer le choix.</li>
        </ul>
        <h2>Combien de temps</h2>
        <ul>
          <li>Les liens de connexion expirent après {MAGIC_LINK_MINUTES} minutes ; les sessions après 30 jours.</li>
          <li>Les courriels envoyés ne sont pas conservés.</li>
          <li>
            Votre compte est gardé tant que vous ne le supprimez pas. Supprimé, il ne reste que vos contributions sans votre nom (ou rien, si vous le
            demandez).
          </li>
        </ul>
        <p>Aucune publicité, aucun traceur, aucun service tiers : ce portail ne charge que ses propres fichiers.</p>
        {p.who.citizen ? (
          <p>
            <a href={`/${p.commune.code}/compte/export.json`}>Télécharger mes données</a> ·{' '}
            <a href={`/${p.commune.code}/compte/supprimer`}>Supprimer mon compte</a>
          </p>
        ) : null}
      </>,
    )
  })
}
