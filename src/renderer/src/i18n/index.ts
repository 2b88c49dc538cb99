import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { fr } from './fr'

/** French is the reference language; another language adds a file shaped like fr.ts. */
void i18next.use(initReactI18next).init({
  lng: 'fr',
  fallbackLng: 'fr',
  resources: { fr: { translation: fr } },
  interpolation: { escapeValue: false },
  returnNull: false,
})

export const i18n = i18next

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fr }
  }
}
