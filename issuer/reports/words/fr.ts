import type { ReportWords } from './en.ts';

export const fr: ReportWords = {
  languageName: 'Français',
  title: 'Principaux métiers de formation',
  quarter: 'Trimestre {number} de {year}',
  summary: '{total} personnes ont obtenu une qualification au cours de ce trimestre.',
  summaryHidden: 'Moins de {threshold} personnes ont obtenu une qualification au cours de ce trimestre.',
  empty: "Aucune qualification n'a été délivrée au cours de ce trimestre.",
  institutions: 'Réunion des rapports signés de : {names}.',
  chartTitle: 'Personnes formées, par métier',
  chartMore: 'Le graphique montre les {count} métiers les plus suivis ; le tableau les montre tous.',
  rank: 'Rang',
  occupation: 'Métier',
  code: 'Code',
  trained: 'Formés',
  share: 'Part du trimestre',
  educationLevel: "Niveau d'études",
  occupationNotStated: 'Métier non précisé',
  hidden: 'masqué',
  rulesHeading: 'Comment lire ce tableau',
  suppressionRule:
    "Les effectifs inférieurs à {threshold} sont masqués pour que personne ne puisse être reconnu, ainsi qu'un effectif de plus lorsque les autres permettraient de retrouver un effectif masqué. Les zéros sont affichés.",
  rankRule:
    "À total égal, les métiers sont classés par code. Les métiers dont le total est masqué viennent en dernier, dans l'ordre des codes.",
  shareRule:
    'Les parts sont des pourcentages du total du trimestre, arrondies à deux décimales (la moitié vers le haut) : leur somme peut ne pas faire exactement 100 %.',
  dateRule:
    "Une qualification compte dans le trimestre de sa date d'obtention. Les attestations révoquées ne sont pas comptées.",
  level_primary: 'Primaire',
  level_lower_secondary: 'Secondaire, premier cycle',
  level_upper_secondary: 'Secondaire, second cycle',
  level_technician: 'Technicien',
  level_senior_technician: 'Technicien supérieur',
  level_unknown: 'Inconnu',
};
