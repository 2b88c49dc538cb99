/** Resident codes: Paramètres › Portail citoyen › Codes habitant (part of fr.ts). */
export const residentCodes = {
  title: 'Codes habitant',
  explain:
    'Certains votes et consultations du portail sont réservés aux habitants. Créez un lot de codes (par exemple un par foyer), imprimez les lettres et distribuez-les : chaque code, saisi une fois sur le portail, fait d’un compte un habitant vérifié.',
  adminOnly: 'Seul un administrateur peut créer, imprimer ou révoquer les codes habitant.',
  notConnected: 'Connectez d’abord la commune au portail citoyen (ci-dessus) : les codes sont créés par le relais.',
  empty:
    'Aucun lot de codes pour l’instant. Commencez par « Nouveau lot de codes » : par exemple « Foyers 2026 », avec autant de codes que de foyers.',
  new: 'Nouveau lot de codes',
  create: 'Créer les codes',
  created_one: 'Le lot « {{label}} » a été créé ({{count, integer}} code). Imprimez maintenant les lettres.',
  created_other: 'Le lot « {{label}} » a été créé ({{count, integer}} codes). Imprimez maintenant les lettres.',
  fields: {
    label: 'Nom du lot',
    labelHelp: 'Pour vous y retrouver : « Foyers 2026 », « Hameau des Prés »…',
    count: 'Nombre de codes',
    countHelp: 'Un code par foyer ou par habitant, 5 000 au plus par lot.',
  },
  needsRelay: 'Les codes sont créés par le relais : il doit répondre à ce moment-là.',
  columns: { label: 'Lot', count: 'Codes', used: 'Utilisés', unused: 'Non utilisés', created: 'Créé', actions: 'Actions' },
  createdLine: 'le {{date}} par {{who}}',
  revokedBadge: 'Révoqué le {{date}}',
  otherRelay: 'Créé sur un autre relais',
  unknownCount: 'inconnu',
  letters: 'Imprimer les lettres',
  lettersReady: 'Les lettres du lot « {{label}} » sont prêtes ({{pages}} pages, trois lettres par page à découper).',
  revoke: 'Révoquer',
  revokeTitle: 'Révoquer ce lot de codes ?',
  revokeConfirm:
    'Les {{unused}} codes non utilisés du lot « {{label}} » ne fonctionneront plus sur le portail. Les habitants déjà vérifiés avec ce lot le restent. Cette action ne peut pas être annulée.',
  revokeConfirmUnknown:
    'Les codes non utilisés du lot « {{label}} » ne fonctionneront plus sur le portail. Les habitants déjà vérifiés avec ce lot le restent. Cette action ne peut pas être annulée.',
  revoked: 'Le lot « {{label}} » est révoqué : ses codes non utilisés ne fonctionnent plus.',
}
