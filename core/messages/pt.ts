import type { Catalogue, Language, PageWords } from './catalogue.ts';
import type { Labels } from './labels.ts';

/**
 * Portuguese, worded to read naturally in Brazil, Portugal and Portuguese-speaking Africa. Terms:
 * credential = credencial; presentation = apresentação; ledger = registro em blockchain; registry (of
 * accredited institutions) = diretório de confiança; anchor = registrar / comprovante de registro;
 * batch = lote; issuer = emissor; verifier = este serviço de verificação; challenge = código de uso
 * único; token = token; revoke = revogar.
 */
export const pt: Catalogue = {
  well_formed: 'A credencial é uma credencial assinada e bem formada ({format}).',
  presentation_well_formed: 'A apresentação é uma apresentação assinada e bem formada ({format}).',
  credential_format_unsupported:
    'A apresentação contém uma credencial num formato que este serviço de verificação não consegue verificar ({format}).',
  signature_valid: 'A credencial foi assinada por {issuer} e não foi alterada desde então.',
  presentation_signature_valid: 'A apresentação foi assinada por {holder}.',
  malformed_jws: 'A credencial não é um token assinado bem formado: {detail}.',
  malformed_credential: 'O token não contém uma credencial verificável: {detail}.',
  malformed_presentation: 'O token não contém uma apresentação verificável: {detail}.',
  alg_not_allowed: 'A assinatura usa o algoritmo "{alg}", que não é aceito para esta chave.',
  unsupported_did_method:
    'O identificador de quem assinou ({did}) usa um método DID que este serviço de verificação não suporta.',
  did_not_found: 'O identificador de quem assinou ({did}) não foi encontrado.',
  key_not_found: 'A chave de assinatura indicada no token não pertence a {did}.',
  did_resolution_failed: 'Não foi possível consultar agora o identificador de quem assinou ({did}).',
  did_web_issuer_not_listed:
    'O documento did:web do emissor ({did}) não foi buscado: nenhum diretório de confiança lista este emissor, ou nenhum pôde ser consultado.',
  did_web_holder_refused:
    'Este serviço de verificação não consulta titulares did:web ({did}); assine a apresentação com outro DID.',
  https_issuer_not_listed:
    'O documento de controlador do endereço do emissor ({did}) não foi buscado: nenhum diretório de confiança lista este emissor, ou nenhum pôde ser consultado.',
  https_holder_refused:
    'Este serviço de verificação não consulta titulares identificados por um endereço https ({did}); assine a apresentação com um DID.',
  signature_invalid:
    'A assinatura não confere: o conteúdo foi alterado depois de assinado, ou foi outra pessoa que assinou.',
  issuer_accredited: '{name} é uma instituição credenciada no diretório de confiança.',
  issuer_accredited_then:
    '{name} estava credenciada quando esta credencial foi registrada; hoje o seu credenciamento está {status}.',
  issuer_not_accredited: 'O emissor ({issuer}) não é uma instituição credenciada em nenhum diretório de confiança.',
  issuer_not_accredited_now:
    'O credenciamento de {name} está {status} no diretório, e esta credencial não foi registrada enquanto a instituição estava credenciada.',
  anchored: 'A credencial está registrada na blockchain (cadeia {chainId}) desde {anchoredAt}.',
  receipt_missing:
    'A credencial veio sem comprovante de registro, por isso não há prova de que foi registrada na blockchain.',
  receipt_malformed: 'O comprovante de registro está malformado: {detail}.',
  receipt_for_other_credential: 'O comprovante de registro pertence a outra credencial.',
  proof_mismatch:
    'A prova do comprovante de registro não leva ao lote registrado: a credencial ou o comprovante foi alterado.',
  root_not_anchored: 'O lote indicado no comprovante nunca foi registrado na blockchain.',
  anchored_by_another_institution: 'O lote foi registrado na blockchain por outra instituição, e não pelo emissor.',
  untrusted_registry:
    'O comprovante aponta para um registro em que este serviço de verificação não confia (cadeia {chainId}, {registry}).',
  ledger_unreachable: 'Não foi possível contactar a blockchain para verificar isto; tente de novo mais tarde.',
  ledger_lagging:
    'O nó da blockchain consultado está atrasado (o seu último bloco, {blockNumber}, é de {headAt}); tente de novo mais tarde.',
  not_revoked: 'A instituição não revogou esta credencial.',
  revoked: 'A instituição revogou esta credencial em {revokedAt} (motivo: {reasonName}).',
  revocation_needs_issuer: 'Nenhum diretório de confiança lista o emissor, por isso não há revogação dele a consultar.',
  signing_key_not_reported: 'A instituição não comunicou que a sua chave de assinatura foi comprometida.',
  signing_key_compromised_after_anchor:
    'A chave de assinatura foi dada como comprometida a partir de {compromisedSince}; esta credencial foi registrada em {anchoredAt}, antes disso, e por isso continua válida.',
  signing_key_compromised_before_anchor:
    'A chave de assinatura foi dada como comprometida a partir de {compromisedSince}, e esta credencial só foi registrada em {anchoredAt}: quem roubou a chave pode tê-la criado.',
  signing_key_compromised_unanchored:
    'A chave de assinatura foi dada como comprometida a partir de {compromisedSince}, e nenhum registro na blockchain mostra que esta credencial existia antes disso.',
  signing_key_needs_issuer:
    'Não foi possível saber se a chave de assinatura foi dada como comprometida: o emissor não está num diretório de confiança.',
  within_validity_period: 'A credencial está dentro do seu prazo de validade.',
  presentation_within_validity_period: 'A apresentação está dentro do seu prazo de validade.',
  presentation_not_yet_valid: 'A apresentação só é válida a partir de {validFrom}.',
  presentation_expired: 'A apresentação expirou em {validUntil}; peça uma nova.',
  not_yet_valid: 'A credencial só é válida a partir de {validFrom}.',
  expired: 'A credencial expirou em {validUntil}.',
  schema_valid: 'O conteúdo da credencial corresponde ao esquema declarado.',
  schema_mismatch: 'O conteúdo da credencial não corresponde ao esquema declarado: {detail}.',
  schema_unknown:
    'A credencial declara um esquema que este serviço de verificação não conhece ({schema}); o seu conteúdo não foi verificado.',
  schema_not_declared: 'A credencial não declara nenhum esquema; o seu conteúdo não foi verificado com base num.',
  no_credentials: 'A apresentação não contém nenhuma credencial: só mostra que o titular controla o seu identificador.',
  holder_is_subject: 'Quem apresenta é a pessoa a quem a credencial foi emitida.',
  holder_is_not_subject: 'A apresentação foi assinada por {holder}, mas a credencial foi emitida para {subject}.',
  subject_has_no_did:
    'A credencial não indica o DID do formando, por isso não pode ser ligada à pessoa que a apresenta.',
  holder_not_checked: 'Não se verificou quem apresenta: compare o nome com um documento de identidade.',
  challenge_valid: 'A apresentação responde ao código de uso único deste serviço de verificação.',
  challenge_missing: 'A apresentação não traz código de uso único; pode ser a repetição de uma apresentação antiga.',
  challenge_mismatch: 'A apresentação foi feita para outro código de uso único.',
  challenge_unknown: 'O código de uso único não foi emitido por este serviço de verificação.',
  challenge_expired: 'O código de uso único expirou antes de a apresentação chegar.',
  challenge_already_used: 'Este código de uso único já foi usado: a apresentação é uma repetição.',
  domain_mismatch: 'A apresentação foi feita para outro serviço de verificação ({domain}).',
  challenge_needs_signature:
    'O código de uso único não foi verificado porque a assinatura da apresentação não é válida.',
  challenge_not_pinned:
    'O pedido não indica o código de uso único dado ao titular ("options.challenge"): um código deste serviço pode ter sido repassado por outra pessoa, por isso a apresentação não é aceita.',
  challenge_valid_audience_unchecked:
    'A apresentação responde ao código de uso único dado; é dirigida a {audience}, o que não foi verificado (sem "options.domain").',
  trust_bundle_used:
    'Verificado com o pacote de confiança de {date} (com {ageHours} horas), e não com a blockchain ao vivo: uma revogação ou alteração feita depois dessa data não pode ser conhecida aqui.',
  trust_bundle_aging:
    'Verificado com o pacote de confiança de {date}, que tem {ageHours} horas: obtenha um mais recente antes de {unusableFrom}, quando ele deixa de responder. Uma revogação ou alteração feita depois dessa data não pode ser conhecida aqui.',
  trust_bundle_too_old:
    'Não foi possível contactar a blockchain, e o pacote de confiança de {date} (com {ageHours} horas) deixou de responder em {unusableFrom}: obtenha um pacote mais recente ou uma ligação à blockchain.',
  trust_bundle_standby:
    'A blockchain respondeu. O pacote de confiança guardado para quando ela não responde é de {date} (com {ageHours} horas) e responde até {unusableFrom}.',
  trust_bundle_standby_aging:
    'A blockchain respondeu. O pacote de confiança guardado para quando ela não responde é de {date} (com {ageHours} horas) e só responde até {unusableFrom}: instale um mais recente antes disso.',
};

export const ptLabels: Labels = {
  accredited: 'em vigor',
  suspended: 'suspenso',
  withdrawn: 'retirado',
  unspecified: 'não especificado',
  issuedInError: 'emitida por engano',
  fraud: 'fraude',
  superseded: 'substituída',
  withdrawnByAssessmentBody: 'retirada pelo organismo de avaliação',
};

export const ptPage: PageWords = {
  page_title: 'Verificar uma credencial de competências',
  page_intro:
    'Leia o código QR de um certificado ou de um telefone, ou envie o certificado, para saber se é autêntico e quem o concedeu.',
  language_label: 'Idioma',
  scan_button: 'Ler o código QR com a câmera',
  scan_stop: 'Desligar a câmera',
  scan_hint: 'Mantenha o código QR parado na imagem, a um palmo da câmera.',
  scan_starting: 'Ligando a câmera…',
  scan_no_camera: 'Não foi possível ligar a câmera. Tire uma foto do código QR e envie-a abaixo.',
  scan_timeout: 'Nenhum código QR foi encontrado. Aproxime-se, evite reflexos ou envie uma foto do código QR.',
  file_label: 'Enviar um arquivo',
  file_hint:
    'Uma foto ou captura de tela do código QR, o certificado em PDF ou um arquivo de credencial de uma carteira.',
  paste_label: 'Ou cole o texto',
  paste_hint: 'O texto do código QR (começa por SM1:) ou um token de credencial.',
  check_button: 'Verificar',
  checking: 'Verificando…',
  reading: 'Lendo o arquivo…',
  read_no_qr:
    'Nenhum código QR foi encontrado nesta imagem. Tente uma foto mais nítida, com o código inteiro e sem reflexos.',
  read_pdf_no_code:
    'Este PDF não contém nenhuma credencial Skillmark. Envie o certificado em PDF tal como a instituição o emitiu, ou uma foto do seu código QR.',
  read_unknown_file:
    'Esta página não consegue verificar este arquivo. Envie uma foto do código QR, o certificado em PDF ou um arquivo de credencial.',
  read_empty: 'Ainda não há nada para verificar: primeiro leia, envie ou cole uma credencial.',
  decoder_failed:
    'Não foi possível carregar o leitor de códigos QR. Cole o texto do código QR ou tente outro navegador.',
  verdict_valid: 'Válida',
  verdict_valid_text: 'A credencial é autêntica e passou em todas as verificações.',
  verdict_invalid: 'Não válida',
  verdict_invalid_text: 'Não aceite esta credencial. O motivo está abaixo.',
  verdict_tampered_text: 'Este documento foi alterado depois de emitido, ou não é autêntico. Não o aceite.',
  verdict_unverifiable: 'Não é possível saber agora',
  verdict_unverifiable_text:
    'Algumas verificações não puderam ser feitas. Isso não quer dizer que a credencial seja falsa.',
  next_steps_title: 'O que fazer agora',
  next_steps_retry: 'Tente de novo daqui a alguns minutos: não foi possível consultar o registro das credenciais.',
  next_steps_ask: 'Se voltar a acontecer, peça à pessoa o certificado em PDF ou contacte a instituição que o emitiu.',
  summary_title: 'O que a credencial diz',
  field_learner: 'Titular',
  field_qualification: 'Qualificação',
  field_level: 'Nível',
  field_occupation: 'Profissão',
  field_awarded: 'Concedida em',
  field_institution: 'Instituição',
  institution_listed: 'inscrita em «{registry}»',
  institution_unlisted: 'não consta de nenhum diretório de confiança',
  not_stated: 'não indicado',
  checks_title: 'O que foi verificado',
  status_valid: 'Aprovado',
  status_invalid: 'Reprovado',
  status_unverifiable: 'Não foi possível verificar',
  status_skipped: 'Não verificado',
  signature_plain: 'A instituição assinou esta credencial, e nada nela foi alterado desde então.',
  check_structure: 'Formato',
  check_signature: 'Assinatura',
  check_issuer_accredited: 'Instituição',
  check_anchored: 'Registro na blockchain',
  check_not_revoked: 'Revogação',
  check_signing_key: 'Chave de assinatura',
  check_validity_period: 'Datas',
  check_schema: 'Conteúdo',
  check_holder: 'Quem a apresenta',
  check_presentation_signature: 'Assinatura do titular',
  check_challenge: 'Código de uso único',
  check_presentation_validity: 'Datas da apresentação',
  check_holder_binding: 'Titular',
  check_credentials: 'Credenciais contidas',
  check_credential_format: 'Formato da credencial',
  credential_number: 'Credencial {number}',
  details_title: 'Detalhes para especialistas',
  problem_unreadable: 'Isto não é uma credencial Skillmark, ou falta uma parte. Leia ou envie de novo.',
  problem_too_large: 'Isto é grande demais para ser uma credencial.',
  problem_busy: 'Verificações demais a partir daqui em pouco tempo. Espere um minuto e tente de novo.',
  problem_offline: 'Não foi possível contactar o serviço de verificação. Verifique a ligação e tente de novo.',
  check_another: 'Verificar outra credencial',
  noscript:
    'Esta página precisa de JavaScript para ler códigos QR e arquivos. O seu navegador está com ele desativado.',
  privacy_note: 'Nada do que verifica fica guardado: sem cookies e sem rastreamento.',
  claim_title: 'A sua credencial',
  claim_save_qr: 'Guardar a imagem do código QR',
  claim_download_pdf: 'Baixar o certificado (PDF)',
  claim_show_employer: 'Mostre este código a um empregador: ele pode verificá-lo sem ligar para a escola.',
  claim_not_ready:
    'Ainda não está pronta: a instituição ainda a está registrando. Tente de novo daqui a alguns minutos.',
  claim_code_unknown:
    'Este código de resgate não é conhecido. Confira-o caractere por caractere ou peça um novo à instituição.',
  claim_code_expired: 'Este código de resgate expirou. Peça um novo à instituição.',
  claim_code_revoked: 'A instituição revogou esta credencial: não há nada para resgatar.',
  claim_too_many_tries: 'Códigos errados demais a partir daqui. Espere {seconds} segundos e tente de novo.',
};

export const portuguese: Language = { name: 'Português', dir: 'ltr', messages: pt, labels: ptLabels, page: ptPage };
