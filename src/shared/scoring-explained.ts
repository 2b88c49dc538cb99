/**
 * « Comment le score est calculé »: docs/scoring.md in a few sentences, written once for the synthesis screen and
 * the diagnostic report so both say the same thing.
 */
export const SCORING_EXPLAINED = {
  title: 'Comment le score est calculé',
  paragraphs: [
    'Chaque critère a un poids de 1 (mineur) à 5 (essentiel). Le score global est la part « fait » du total des poids des critères qui concernent la commune.',
    'Une réponse « fait » compte en entier, « programmé » et « pas fait » ne comptent pas dans le score ; une réponse « partiel » compte pour la part faite indiquée (par exemple 50 % fait).',
    'Un critère qui ne concerne pas la commune (d’après sa population et son profil) ou répondu « non concerné » est retiré du calcul : son poids est réparti entre les autres critères du même thème, il ne pénalise pas la commune.',
    'Un critère sans réponse compte comme « non renseigné » : il ne fait ni monter ni baisser les autres parts, mais le score ne peut pas dépasser la part déjà renseignée.',
    'Les obligations légales passent avant le score : une obligation répondue « pas fait », programmée ou partielle est une obligation non remplie, quel que soit le score ; une obligation sans réponse reste « à renseigner ».',
    'Les pourcentages sont donnés au dixième près et totalisent toujours 100 %.',
  ],
} as const
