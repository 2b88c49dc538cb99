/** « Applicabilité décidée par la commune »: the French strings of the applicability decisions (part of fr.ts). */
export const applicability = {
  badge: 'Applicabilité décidée par la commune',
  applies: 'Cette obligation s’applique à la commune par décision d’un administrateur.',
  doesNotApply: 'Cette obligation ne s’applique pas à la commune par décision d’un administrateur.',
  reason: 'Raison : {{reason}}',
  decidedBy: 'Décidé par {{name}} le {{date}}.',
  ruleWouldApply: 'Sans cette décision, la règle l’appliquerait à la commune.',
  ruleWouldNot: 'Sans cette décision : {{reason}}',
  undo: 'Revenir à la règle',
  undoTitle: 'Revenir à la règle de cette obligation ?',
  undoMessage:
    'La décision et sa raison sont retirées (elles restent au journal des modifications). L’obligation s’appliquera de nouveau selon la population et le profil de la commune.',
  undoConfirm: 'Revenir à la règle',
  undone: 'L’obligation suit de nouveau sa règle.',
  declareNotApplicable: 'Déclarer non applicable…',
  declareApplicable: 'Déclarer applicable…',
  notApplicableTitle: 'Déclarer que cette obligation ne concerne pas la commune',
  applicableTitle: 'Déclarer que cette obligation concerne la commune',
  notApplicableIntro:
    'D’après sa règle, cette obligation s’applique à votre commune. Si elle ne la concerne pas (compétence exercée par un autre organisme, équipement absent…), dites pourquoi : la raison est gardée, imprimée dans le rapport et inscrite au journal.',
  applicableIntro:
    'D’après sa règle, cette obligation ne s’applique pas à votre commune ({{reason}}). Si elle la concerne quand même, dites pourquoi : la raison est gardée, imprimée dans le rapport et inscrite au journal.',
  reasonLabel: 'Raison de la décision',
  reasonPlaceholder: 'Par exemple : compétence transférée au syndicat des eaux par arrêté du 2 mai 2026',
  confirmNotApplicable: 'Déclarer non applicable',
  confirmApplicable: 'Déclarer applicable',
  decidedNotApplicable: 'L’obligation est déclarée non applicable à la commune.',
  decidedApplicable: 'L’obligation est déclarée applicable à la commune.',
}
