import type { ReportWords } from './en.ts';

export const es: ReportWords = {
  languageName: 'Español',
  title: 'Principales ocupaciones de formación',
  quarter: 'Trimestre {number} de {year}',
  summary: '{total} personas obtuvieron una certificación en este trimestre.',
  summaryHidden: 'Menos de {threshold} personas obtuvieron una certificación en este trimestre.',
  empty: 'No se otorgó ninguna certificación en este trimestre.',
  institutions: 'Unión de los informes firmados de: {names}.',
  chartTitle: 'Personas formadas, por ocupación',
  chartMore: 'El gráfico muestra las {count} ocupaciones con más personas; la tabla las muestra todas.',
  rank: 'Puesto',
  occupation: 'Ocupación',
  code: 'Código',
  trained: 'Formados',
  share: 'Participación en el trimestre',
  educationLevel: 'Nivel educativo',
  occupationNotStated: 'Ocupación no indicada',
  hidden: 'oculto',
  rulesHeading: 'Cómo leer esta tabla',
  suppressionRule:
    'Los conteos menores que {threshold} se ocultan para que nadie pueda ser identificado, y también un conteo más cuando los demás permitirían recalcular uno oculto. Los ceros se muestran.',
  rankRule:
    'Con totales iguales, las ocupaciones se ordenan por código. Las ocupaciones con el total oculto van al final, por orden de código.',
  shareRule:
    'Las participaciones son porcentajes del total del trimestre, redondeados a dos decimales (la mitad hacia arriba), así que puede que no sumen exactamente 100 %.',
  dateRule:
    'Una certificación cuenta en el trimestre de su fecha de otorgamiento. Las credenciales revocadas no se cuentan.',
  level_primary: 'Primaria',
  level_lower_secondary: 'Secundaria básica',
  level_upper_secondary: 'Secundaria media',
  level_technician: 'Técnico',
  level_senior_technician: 'Técnico superior',
  level_unknown: 'Desconocido',
};
