import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { formatInteger } from '@shared/format'
import { fr } from './fr'

/** French is the reference language; another language adds a file shaped like fr.ts. */
void i18next.use(initReactI18next).init({
  lng: 'fr',
  fallbackLng: 'fr',
  resources: { fr: { translation: fr } },
  interpolation: { escapeValue: false },
  returnNull: false,
})
// Counts are written as French writes them, « 1 234 projets », not « 1234 projets »: every `{{count, integer}}` of the
// translations goes through shared/format (i18next would print the bare number).
i18next.services.formatter?.add('integer', (value: unknown) => (typeof value === 'number' ? formatInteger(value) : String(value)))

export const i18n = i18next

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fr }
    /** `{{count, integer}}` takes a number (the formatter registered above). */
    interpolationFormatTypeMap: { integer: number }
  }
}
