import type { ReportWords } from './en.ts';

/** Written right to left: the page sets dir="rtl" for this language. */
export const ar: ReportWords = {
  languageName: 'العربية',
  title: 'أهم المهن التي جرى التدريب عليها',
  quarter: 'الربع {number} من عام {year}',
  summary: 'عدد من حصلوا على مؤهل في هذا الربع: {total}.',
  summaryHidden: 'حصل أقل من {threshold} أشخاص على مؤهل في هذا الربع.',
  empty: 'لم يُمنح أي مؤهل في هذا الربع.',
  institutions: 'دُمج من التقارير الموقّعة للجهات التالية: {names}.',
  chartTitle: 'عدد المتدربين حسب المهنة',
  chartMore: 'يعرض الرسم البياني أكبر {count} مهن، ويعرضها الجدول كلها.',
  rank: 'الترتيب',
  occupation: 'المهنة',
  code: 'الرمز',
  trained: 'المتدربون',
  share: 'النسبة من الربع',
  educationLevel: 'المستوى التعليمي',
  occupationNotStated: 'المهنة غير محددة',
  hidden: 'مخفي',
  rulesHeading: 'كيف تقرأ هذا الجدول',
  suppressionRule:
    'تُخفى الأعداد الأقل من {threshold} كي لا يمكن التعرف على أي شخص، ويُخفى معها عدد آخر إذا كانت الأعداد الباقية تسمح باستنتاج العدد المخفي. أما الأصفار فتُعرض.',
  rankRule: 'عند تساوي المجموع تُرتّب المهن حسب رمزها. وتأتي المهن ذات المجموع المخفي في النهاية حسب ترتيب الرموز.',
  shareRule:
    'النسب مئوية من مجموع الربع، مقرّبة إلى منزلتين عشريتين (يُقرَّب النصف إلى الأعلى)، لذلك قد لا يساوي مجموعها 100% تمامًا.',
  dateRule: 'يُحتسب المؤهل في الربع الذي يقع فيه تاريخ منحه. ولا تُحتسب الشهادات الملغاة.',
  level_primary: 'ابتدائي',
  level_lower_secondary: 'إعدادي',
  level_upper_secondary: 'ثانوي',
  level_technician: 'تقني',
  level_senior_technician: 'تقني أول',
  level_unknown: 'غير معروف',
};
