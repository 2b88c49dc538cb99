/** How projects without a domain are listed in totals by domain (dashboard, exports). */
export const NO_DOMAIN = 'Sans domaine'
