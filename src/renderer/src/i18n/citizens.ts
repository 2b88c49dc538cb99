/** « Citoyens »: the French strings of what citizens send through the portal (part of fr.ts). */
export const citizens = {
  title: 'Citoyens',
  sync: {
    label: 'Synchronisation avec le portail citoyen',
    now: 'Synchroniser maintenant',
    never: 'Les contributions des habitants n’ont pas encore été récupérées depuis le portail citoyen.',
    last: 'Dernière synchronisation le {{date}}',
    new_zero: 'aucune nouvelle contribution',
    new_one: '{{count}} nouvelle contribution',
    new_other: '{{count}} nouvelles contributions',
    failed: 'La dernière tentative ({{date}}) n’a pas abouti. {{reason}}',
    running: 'Synchronisation en cours…',
    done_zero: 'Synchronisation terminée : rien de nouveau.',
    done_one: 'Synchronisation terminée : {{count}} nouvelle contribution.',
    done_other: 'Synchronisation terminée : {{count}} nouvelles contributions.',
    automatic: 'La synchronisation se fait aussi toute seule toutes les 5 minutes tant que l’application est ouverte.',
  },
}
