/** The anonymous comparison with communes of the same size: Paramètres › Portail citoyen and the diagnostic (part of fr.ts). */
export const comparison = {
  title: 'Comparaison anonyme avec les communes de même taille',
  explain:
    'Si vous l’activez, Cap Commune envoie au relais, et à lui seul, le score de chaque domaine du diagnostic et la tranche de population de la commune (par exemple « de 200 à 499 habitants »). Rien d’autre : ni le nom de la commune, ni ses réponses, ni ses commentaires, ni sa population exacte.',
  explainBack:
    'En retour, le relais donne pour chaque domaine la médiane et les quartiles des communes de la même tranche, seulement quand au moins 5 communes y participent. Aucune commune ne voit les scores d’une autre.',
  explainWhich:
    'Les scores envoyés sont ceux de la dernière campagne close (à défaut, de la campagne en cours), et seulement des domaines dont toutes les questions ont une réponse.',
  switchLabel: 'Partager anonymement les scores de la commune',
  switchHelp: 'Désactivé par défaut. Vous pouvez l’arrêter à tout moment : les scores de la commune sont alors retirés du relais.',
  adminOnly: 'Seul un administrateur peut activer ou arrêter le partage.',
  notConnected: 'Connectez d’abord la commune au portail citoyen : le partage attendra que le relais réponde.',
  changedBy: 'Modifié le {{date}} par {{who}}.',
  shared: 'Tranche partagée : {{band}}. Campagne : « {{campaign}} »{{closed}}.',
  closedSuffix: ' (close)',
  currentSuffix: ' (en cours)',
  state: {
    en_attente: 'Envoi en attente',
    publie: 'Envoyé au relais',
    erreur: 'Refusé par le relais',
  },
  withdrawState: {
    en_attente: 'Retrait en attente',
    publie: 'Scores retirés du relais',
    erreur: 'Retrait refusé par le relais',
  },
  sentOn: 'le {{date}}',
  received: 'Chiffres reçus le {{date}}.',
  turnedOn: 'Partage activé : les scores seront envoyés dès que le relais répondra.',
  turnedOff: 'Partage arrêté : les scores de la commune seront retirés du relais.',
  confirmOffTitle: 'Arrêter le partage ?',
  confirmOff: 'Les scores de la commune seront retirés du relais et la comparaison ne sera plus affichée dans le diagnostic ni dans son rapport.',
  confirmOffButton: 'Arrêter le partage',
  refresh: 'Actualiser la comparaison',
  refreshed: 'Comparaison actualisée.',
  // The diagnostic's comparison
  sectionTitle: 'Comparaison avec les communes de même taille',
  notSharing: 'La comparaison anonyme n’est pas activée. Un administrateur peut l’activer dans',
  settingsLink: 'Paramètres › Portail citoyen',
  waiting: 'Le relais n’a pas encore répondu : la comparaison s’affichera après le premier envoi des scores.',
  notEnough:
    'Pas encore assez de communes de la tranche « {{band}} » : {{count, integer}} sur les {{minimum}} nécessaires au {{date}}. Aucun chiffre n’est affiché tant que le relais n’en a pas assez.',
  notEnoughNoDate: 'Pas encore assez de communes de la tranche « {{band}} » pour afficher une comparaison.',
  figuresOf_one: 'Communes de la tranche « {{band}} » : chiffres du relais au {{date}}, sur {{count, integer}} commune au moins.',
  figuresOf_other: 'Communes de la tranche « {{band}} » : chiffres du relais au {{date}}, sur {{count, integer}} communes au moins.',
  columns: { domain: 'Domaine', own: 'Votre score', q1: '1er quartile', median: 'Médiane', q3: '3e quartile', communes: 'Communes' },
  noFigure: 'pas assez de communes',
  notShared: 'non partagé',
  quartilesHelp: 'La moitié des communes de la tranche ont un score entre le 1er et le 3e quartile.',
}
