import type { ReportWords } from './en.ts';

export const pt: ReportWords = {
  languageName: 'Português',
  title: 'Principais ocupações de formação',
  quarter: '{number}.º trimestre de {year}',
  summary: '{total} pessoas obtiveram uma certificação neste trimestre.',
  summaryHidden: 'Menos de {threshold} pessoas obtiveram uma certificação neste trimestre.',
  empty: 'Nenhuma certificação foi concedida neste trimestre.',
  institutions: 'Junção dos relatórios assinados de: {names}.',
  chartTitle: 'Pessoas formadas, por ocupação',
  chartMore: 'O gráfico mostra as {count} ocupações com mais pessoas; a tabela mostra todas.',
  rank: 'Posição',
  occupation: 'Ocupação',
  code: 'Código',
  trained: 'Formados',
  share: 'Parcela do trimestre',
  educationLevel: 'Escolaridade',
  occupationNotStated: 'Ocupação não informada',
  hidden: 'oculto',
  rulesHeading: 'Como ler esta tabela',
  suppressionRule:
    'Contagens abaixo de {threshold} ficam ocultas para que ninguém possa ser identificado, assim como mais uma contagem quando as outras permitiriam recalcular uma oculta. Os zeros são mostrados.',
  rankRule:
    'Com totais iguais, as ocupações são ordenadas pelo código. As ocupações com total oculto vêm por último, em ordem de código.',
  shareRule:
    'As parcelas são percentagens do total do trimestre, arredondadas a duas casas decimais (meio para cima), por isso a soma pode não dar exatamente 100%.',
  dateRule: 'Uma certificação conta no trimestre da data em que foi concedida. Credenciais revogadas não são contadas.',
  level_primary: 'Primário',
  level_lower_secondary: 'Secundário, 1.º ciclo',
  level_upper_secondary: 'Secundário, 2.º ciclo',
  level_technician: 'Técnico',
  level_senior_technician: 'Técnico superior',
  level_unknown: 'Desconhecido',
};
