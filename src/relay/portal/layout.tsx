/** The portal's page frame: French, one stylesheet, one small optional script, a skip link, visible focus. */
import type { Child } from 'hono/jsx'
import { ASSET_PATHS } from './assets'

export interface LayoutProps {
  title: string
  commune?: { code: string; name: string } | null
  signedIn?: boolean
  children: Child
}

export function Layout({ title, commune, signedIn, children }: LayoutProps) {
  const base = commune ? `/${commune.code}` : null
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{commune ? `${title} — ${commune.name}` : title}</title>
        <link rel="stylesheet" href={ASSET_PATHS.css} />
        <script src={ASSET_PATHS.js} defer></script>
      </head>
      <body>
        <a class="skip" href="#contenu">
          Aller au contenu
        </a>
        <header class="site">
          <div class="wrap">
            {commune ? (
              <a class="brand" href={base!}>
                {commune.name}
                <span>Portail citoyen</span>
              </a>
            ) : (
              <span class="brand">Portail citoyen</span>
            )}
            {base ? (
              <nav aria-label="Menu principal">
                <ul>
                  <li>
                    <a href={`${base}/contribuer`}>Contribuer</a>
                  </li>
                  {signedIn ? (
                    <>
                      <li>
                        <a href={`${base}/mes-contributions`}>Mes contributions</a>
                      </li>
                      <li>
                        <a href={`${base}/compte`}>Mon compte</a>
                      </li>
                    </>
                  ) : (
                    <li>
                      <a href={`${base}/connexion`}>Se connecter</a>
                    </li>
                  )}
                </ul>
              </nav>
            ) : null}
          </div>
        </header>
        <main id="contenu" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site">
          <div class="wrap">
            {base ? (
              <ul>
                <li>
                  <a href={`${base}/confidentialite`}>Données personnelles</a>
                </li>
                <li>
                  <a href={`${base}/recu`}>Vérifier un reçu de vote</a>
                </li>
              </ul>
            ) : null}
            <p>Portail sans publicité ni traceur. Propulsé par Cap Commune.</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
