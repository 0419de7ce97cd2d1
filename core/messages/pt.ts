import type { Catalogue, CertificateWords, Language, PageWords, ReportWords, WalletWords } from './catalogue.ts';
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
  context_unknown:
    'A credencial depende de um vocabulário (contexto JSON-LD {url}) que este serviço de verificação não possui, por isso a sua assinatura não pode ser verificada; este serviço nunca descarrega nenhum.',
  jsonld_invalid:
    'O conteúdo da credencial não pode ser interpretado com segurança: usa um termo que os seus vocabulários (contextos JSON-LD) não definem, ou não é JSON-LD válido.',
  cryptosuite_unsupported:
    'A credencial está protegida por um tipo de prova que este serviço de verificação não consegue verificar ({cryptosuite}).',
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
  status_list_clear:
    'A lista de estado da instituição ({source}) não marca esta credencial como revogada, e é a lista que a instituição registrou na blockchain.',
  status_list_revoked:
    'A instituição revogou esta credencial: a sua lista de estado assinada ({source}) marca-a como revogada.',
  status_list_absent:
    'A credencial não indica nenhuma lista de estado; o registro de revogações na blockchain cobre-a.',
  status_entry_malformed: 'A entrada da lista de estado da credencial está malformada: {detail}.',
  status_list_unreachable:
    'Não foi possível obter agora a lista de estado da instituição ({source}); tente de novo mais tarde.',
  status_list_unreachable_record_answers:
    'Não foi possível obter agora a lista de estado da instituição ({source}); o registro de revogações na blockchain, mantido ao lado da lista, responde por esta credencial.',
  status_list_never_revoked:
    'Não foi possível obter agora a lista de estado da instituição ({source}), mas a blockchain mostra que a instituição nunca revogou nada nela: esta credencial não está revogada.',
  status_list_unverifiable: 'A lista de estado ({source}) não é uma lista assinada pelo emissor: {detail}.',
  status_list_mismatch:
    'A lista de estado ({source}) não é a que a instituição registrou na blockchain: pode estar desatualizada ou alterada; tente de novo mais tarde.',
  status_list_needs_ledger:
    'Não foi possível comparar a lista de estado ({source}) com a blockchain, que está inacessível; a verificação do registro de revogações responde por esta credencial.',
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
  disclosure_digest_mismatch:
    'Um dado mostrado da credencial não corresponde ao que o emissor assinou: foi alterado ou acrescentado depois.',
  disclosure_duplicated: 'Um dado mostrado da credencial aparece duas vezes: a credencial foi adulterada.',
  key_binding_missing:
    'A apresentação não traz a assinatura da chave do estudante (vinculação de chave): qualquer pessoa com uma cópia poderia tê-la enviado.',
  key_binding_mismatch: 'A assinatura do estudante cobre dados diferentes dos que são mostrados.',
  holder_key_not_bound: 'A apresentação não foi assinada com a chave à qual a credencial está vinculada.',
  key_binding_stale: 'A assinatura do estudante foi feita em {issuedAt}, há tempo demais; peça uma nova apresentação.',
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
  file_choose: 'Escolher um arquivo',
  file_none: 'Nenhum arquivo escolhido',
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
  verdict_unreadable: 'Não é possível ler',
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
  field_criteria: 'Requisitos cumpridos',
  field_skills: 'Competências',
  field_issuer_profile: 'Emissor, como a credencial o nomeia',
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
  // A check's line: its name and how it went, with the language's own colon.
  check_line: '{check}: {status}',
  check_signature: 'Assinatura',
  check_issuer_accredited: 'Instituição',
  check_anchored: 'Registro na blockchain',
  check_not_revoked: 'Revogação',
  check_status_list: 'Lista de estado',
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
  claim_wallet_only:
    'Você escolhe o que cada empregador vê desta credencial, por isso ela não tem código QR nem certificado impresso. Receba-a com a sua carteira: {command}',
  claim_not_ready:
    'Ainda não está pronta: a instituição ainda a está registrando. Tente de novo daqui a alguns minutos.',
  claim_code_unknown:
    'Este código de resgate não é conhecido. Confira-o caractere por caractere ou peça um novo à instituição.',
  claim_code_expired: 'Este código de resgate expirou. Peça um novo à instituição.',
  claim_code_revoked: 'A instituição revogou esta credencial: não há nada para resgatar.',
  claim_too_many_tries: 'Códigos errados demais a partir daqui. Espere {seconds} segundos e tente de novo.',
};

/** The wallet's words (every key of `enWallet` in en.ts; plurals with the forms Intl.PluralRules uses for this language). */
export const ptWallet: WalletWords = {
  help_intro: 'skillmark-wallet: guarde as suas credenciais de qualificação e mostre-as a empregadores.',
  help_usage: 'Uso: {usage}',
  help_main_usage: 'skillmark-wallet <comando> [opções]',
  help_commands: 'Comandos:',
  help_common_options: 'Opções de todos os comandos:',
  help_options: 'Opções:',
  help_value: 'valor',
  help_environment: 'Ambiente:',
  help_exit_codes:
    'Códigos de saída: 0 feito / válida, 1 erro, 2 uso incorreto, 3 credencial ainda não pronta,\n                  4 verificada como NÃO válida, 5 o serviço de verificação não conseguiu decidir agora,\n                  6 um servidor enviou dados demais ou respondeu devagar demais (nada foi guardado).',
  help_start: 'Para começar:  skillmark-wallet init',
  help_one_command: 'Ajuda de um comando:  skillmark-wallet <comando> --help',
  env_wallet_dir: 'onde fica a carteira (por padrão ~/.skillmark-wallet)',
  env_passphrase: 'a frase secreta, para scripts (senão, ela é pedida)',
  env_issuer: 'emissor usado para os códigos de resgate',
  env_verifier: 'serviço de verificação usado por present e verify',
  env_max_bytes: 'maior resposta lida de um servidor (por padrão 2 MiB)',
  env_timeout: 'tempo permitido para cada resposta completa, em segundos (por padrão 20)',
  env_lang: 'o idioma, como --lang (senão LC_ALL, LC_MESSAGES ou LANG)',
  opt_json: 'imprimir um único documento JSON (para scripts) em vez de frases',
  opt_plain: 'sem cor, sem desenhos nem símbolos, para leitores de tela e terminais antigos (NO_COLOR=1: sem cor)',
  opt_lang: 'o idioma das respostas: {languages}',
  opt_help: 'mostrar a ajuda',
  opt_verifier: 'endereço do serviço de verificação (por padrão {verifier})',
  opt_issuer: 'endereço do emissor para os códigos de resgate (por padrão {issuer})',
  opt_wait: 'segundos de espera enquanto a credencial ainda está sendo registrada (por padrão 30)',
  opt_out_pdf: 'o arquivo PDF a escrever',
  opt_out_backup: 'o arquivo de cópia de segurança a escrever (ainda não pode existir)',
  opt_out_share: 'o arquivo a escrever (JSON)',
  opt_out_presentation: 'escrever a apresentação assinada neste arquivo em vez de enviá-la',
  opt_disclose:
    'para uma credencial SD-JWT: os dados a mostrar, separados por vírgulas (name, learnerReference, startedOn, competency:2, competencies); os outros ficam ocultos. Sem esta opção a carteira pergunta dado por dado num terminal; fora dele só é enviado o que é sempre mostrado (a qualificação, o nível e a data de conclusão)',
  opt_challenge: 'o código de uso único que o empregador lhe deu',
  opt_domain:
    'o domínio do serviço de verificação ao qual a apresentação fica vinculada (por padrão: o host dele; nenhum com --out)',
  opt_png: 'escrever o código QR neste arquivo como imagem PNG',
  opt_svg: 'escrever o código QR neste arquivo como imagem SVG',
  opt_text: 'imprimir o texto que o código QR contém em vez de desenhá-lo',
  opt_yes: 'excluir sem perguntar',
  summary_init: 'Criar a sua carteira e o seu identificador pessoal (DID)',
  summary_did: 'Mostrar o seu DID',
  summary_receive: 'Resgatar uma credencial com um link de resgate, um código de resgate ou um arquivo',
  summary_list: 'Listar as credenciais da sua carteira',
  summary_show: 'Mostrar uma credencial em palavras simples',
  summary_status: 'Verificar cada credencial no registro em blockchain: válida, revogada ou expirada',
  summary_share: 'Escrever uma credencial num arquivo que um empregador pode verificar sem você',
  summary_certificate: 'Baixar da instituição o certificado impresso (PDF) de uma credencial',
  summary_present: 'Mostrar credenciais a um empregador ou a um balcão de atendimento (uma apresentação assinada)',
  summary_qr: 'Mostrar uma credencial como um código QR que um empregador pode ler',
  summary_verify: 'Verificar uma das suas credenciais com um serviço de verificação',
  summary_export: 'Escrever uma cópia de segurança criptografada da sua carteira num arquivo',
  summary_import: 'Recuperar uma cópia de segurança, neste ou noutro computador (nada fica duplicado)',
  summary_remove: 'Excluir uma credencial (ou um item danificado) da sua carteira',
  usage_init: 'skillmark-wallet init',
  usage_did: 'skillmark-wallet did',
  usage_receive:
    'skillmark-wallet receive <link-de-resgate | código-de-resgate | arquivo> [--issuer URL] [--wait SEGUNDOS]',
  usage_list: 'skillmark-wallet list [--json]',
  usage_show: 'skillmark-wallet show <número | id> [--json]',
  usage_status: 'skillmark-wallet status [--verifier URL]',
  usage_share: 'skillmark-wallet share <número | id> --out <arquivo> [--disclose DADOS]',
  usage_certificate: 'skillmark-wallet certificate <número | id> --out <arquivo.pdf>',
  usage_present:
    'skillmark-wallet present <número | id>... [--verifier URL] [--challenge CÓDIGO] [--domain DOMÍNIO] [--out ARQUIVO] [--disclose DADOS]',
  usage_qr: 'skillmark-wallet qr <número | id> [--png <arquivo> | --svg <arquivo> | --text] [--json]',
  usage_verify: 'skillmark-wallet verify <número | id> [--verifier URL]',
  usage_export: 'skillmark-wallet export --out <arquivo>',
  usage_import: 'skillmark-wallet import <arquivo-de-cópia>',
  usage_remove: 'skillmark-wallet remove <número | id> [--yes]',
  details_init:
    'Cria um arquivo de carteira criptografado e um novo DID (did:key). Entregue este DID ao seu centro\nde formação para que as suas credenciais sejam emitidas em seu nome. A frase secreta protege a\ncarteira: sem ela ninguém, nem mesmo você, consegue abri-la.',
  details_did:
    'Mostra o DID desta carteira. Pede a frase secreta: só a chave selada garante o DID, já que quem\npuder editar o arquivo da carteira poderia mudar a cópia não criptografada.',
  details_receive:
    'Baixa a credencial, verifica que está assinada, emitida para O SEU DID e registrada, e depois a\nguarda na sua carteira. Um código de resgate é resgatado em --issuer (ou SKILLMARK_ISSUER_URL).\nEnquanto a credencial ainda não está registrada, pergunta de novo no máximo uma vez por segundo,\ndurante --wait segundos. Um servidor que envia mais de 2 MiB ou leva mais de 20 s para responder\na interrompe com o código de saída 6.',
  details_list:
    'Mostra cada credencial com o seu número e o seu id curto (use qualquer um nos outros comandos), de\nquem e do que se trata, e a sua situação: válida, revogada (quando e porquê), expirada ou ainda não\nverificada (ou a última verificação não pôde decidir), segundo a última verificação. "skillmark-wallet status" volta a\nverificar todas. Um item que não pode ser lido aparece como "danificado"; exclua-o com:\nskillmark-wallet remove <número>.',
  details_show:
    'Mostra de quem e do que trata a credencial, que instituição a emitiu, qual a sua situação (segundo a\núltima verificação) e se um serviço de verificação a encontrou no registro em blockchain;\n"skillmark-wallet verify" volta a verificá-la e guarda a resposta. Os DID e outros identificadores\nvêm no fim, como detalhes.',
  details_status:
    'Verifica cada credencial da carteira com o serviço de verificação, que consulta o registro em\nblockchain: a instituição revogou-a, expirou, continua registrada. Imprime uma linha por credencial\ne guarda cada resposta para "skillmark-wallet list". Código de saída 0 se todas forem válidas, 4 se\numa não for válida, 5 se uma não puder ser verificada agora.',
  details_share:
    'Escreve a credencial e o seu comprovante de registro num arquivo para enviar ou levar a um\nempregador: ele o abre numa página de verificação Skillmark (enviando o arquivo) ou o envia tal\ncomo está a um serviço de verificação (POST /credentials/verify); não é preciso mais nada de você\nnem da instituição. O arquivo prova a credencial, não quem o entrega: leve um documento de\nidentidade com o mesmo nome.',
  details_certificate:
    'Baixa da instituição o certificado impresso da credencial (um PDF A4 com o seu código QR,\ndocs/certificate.md), com o código de resgate usado para resgatá-la. Uma credencial recebida num\narquivo não tem código de resgate na carteira: peça o certificado à instituição ou imprima você\nmesmo o código QR (skillmark-wallet qr <número> --png <arquivo>).',
  details_present:
    'Com --verifier (por padrão SKILLMARK_VERIFIER_URL ou o serviço de verificação local): assina com a\nsua chave uma apresentação para um código de uso único e a envia; mostra o veredito. O código é o\ndado com --challenge (o do empregador) ou, senão, um novo que a carteira pede ao serviço de\nverificação.\nCom --challenge e --out: escreve a apresentação assinada (um JWT) num arquivo, para o empregador\nverificar com o código que lhe deu. Um código que começa por "-" funciona como\n"--challenge -abc" e como "--challenge=-abc".',
  details_qr:
    'O código QR contém a credencial inteira e o seu comprovante de registro (docs/qr.md): um empregador\no lê, ou cola o seu texto, e o serviço de verificação o confere sem mais nada de você.\nUm código QR não prova a identidade de ninguém: o serviço de verificação diz que o titular não foi\nverificado, por isso leve um documento de identidade com o mesmo nome. Imprima a imagem com pelo\nmenos 4 cm de largura, com a sua borda branca.\nSem opções, o código é desenhado neste terminal (com --plain, o seu texto é impresso em vez disso).',
  details_verify:
    'Envia a credencial e o seu comprovante de registro ao serviço de verificação e mostra de quem e do\nque se trata, o veredito e cada verificação. A carteira guarda a resposta (list e show dizem a\nsituação da credencial); "skillmark-wallet status" verifica todas.',
  details_export:
    'Escreve a sua chave e todas as credenciais num único arquivo criptografado, selado com uma frase\nsecreta de cópia própria (pedida duas vezes, ou SKILLMARK_BACKUP_PASSPHRASE). Guarde o arquivo\nlonge deste computador (um pen drive, o seu e-mail, um telefone): se perder este computador,\n"skillmark-wallet import <arquivo>" recupera tudo noutro. Ninguém consegue abrir o arquivo sem a\nsua frase secreta, nem mesmo a instituição: se a esquecer, a cópia fica perdida\n(docs/wallet.md diz o que fazer).',
  details_import:
    'Recupera uma cópia feita por "skillmark-wallet export", com a sua frase secreta de cópia (ou\nSKILLMARK_BACKUP_PASSPHRASE). Onde ainda não há carteira, ela passa a ser a sua carteira, com o seu\nDID antigo, sob uma frase secreta que você escolhe. Onde já está a mesma carteira, as credenciais\nque faltam são adicionadas e nenhuma fica duplicada. Mostra o que foi adicionado.',
  details_remove:
    'Exclui um item para sempre; os itens danificados são indicados pelo número em\n"skillmark-wallet list". Pede confirmação num terminal; os scripts confirmam com --yes.',
  unknown_command: 'Comando desconhecido "{name}".',
  unknown_command_commands: 'Os comandos: {commands}. Cada um explicado: skillmark-wallet --help',
  unknown_command_meant: 'Queria dizer "{suggestion}"?',
  unknown_option: 'Opção desconhecida {option}: veja as opções abaixo.',
  option_needs_value: 'A opção {option} precisa de um valor.',
  option_takes_no_value: 'A opção {option} não aceita valor.',
  failed_unexpectedly: 'skillmark-wallet falhou de forma inesperada: {detail}',
  credential_with_level: '{title} ({level})',
  credential_untitled: 'uma qualificação sem título',
  credential_of_learner: '{learner}, {qualification}',
  credential_from: '{credential}, de {institution}',
  credential_from_claimed: '{credential}, de {institution} (segundo a própria credencial)',
  state_revoked: 'REVOGADA em {date} ({reason})',
  state_revoked_unexplained: 'REVOGADA em {date}',
  state_revoked_said: 'REVOGADA em {date}: {why}',
  state_revoked_found: 'REVOGADA (revogação constatada em {date})',
  state_expired: 'EXPIRADA em {date}',
  state_valid: 'válida na verificação de {date}',
  state_invalid: 'NÃO VÁLIDA na verificação de {date} (veja: skillmark-wallet verify)',
  state_not_checked: 'ainda não verificada (recebida em {date})',
  state_undecided: 'não foi possível verificar em {date} (veja: skillmark-wallet verify)',
  untitled: '(sem título)',
  occupation_code: 'código',
  damaged_unreadable: 'a credencial não pode ser lida: {detail}',
  damaged_schema: 'não corresponde ao esquema de qualificações Skillmark: {detail}',
  damaged_exception: 'não pode ser lida ({detail})',
  item_not_stored: 'não é uma credencial guardada',
  item_missing_field: 'falta o seu campo "{name}"',
  item_bad_receipt: 'o seu comprovante de registro não é válido',
  item_bad_ledger_check: 'a sua verificação no registro em blockchain não é válida',
  item_bad_last_check: 'a sua última verificação não é válida',
  item_bad_claim_url: 'o seu link de resgate não é válido',
  say_which_credential: 'Indique qual credencial: o número ou o id dela em "skillmark-wallet list".',
  could_not_write: 'Não foi possível escrever {file} ({code}).',
  ref_ambiguous: {
    one: '"{ref}" corresponde a {count} credencial; digite mais caracteres do id.',
    many: '"{ref}" corresponde a {count} de credenciais; digite mais caracteres do id.',
    other: '"{ref}" corresponde a {count} credenciais; digite mais caracteres do id.',
  },
  ref_unknown: 'Não há nenhuma credencial "{ref}" nesta carteira. Veja-as com: skillmark-wallet list',
  item_damaged:
    'O item {number} desta carteira está danificado ({reason}). Exclua-o com: skillmark-wallet remove {number}',
  size_bytes: { one: '{count} byte', many: '{count} de bytes', other: '{count} bytes' },
  size_characters: { one: '{count} caractere', many: '{count} de caracteres', other: '{count} caracteres' },
  duration_seconds: { one: '{count} segundo', many: '{count} de segundos', other: '{count} segundos' },
  passphrase_prompt: 'Frase secreta da carteira:',
  passphrase_repeat: 'Repita a frase secreta:',
  backup_passphrase_prompt: 'Frase secreta da cópia:',
  backup_passphrase_repeat: 'Repita a frase secreta da cópia:',
  passphrase_cancelled: 'Cancelado.',
  passphrase_too_short_env: 'Escolha uma frase secreta de pelo menos 8 caracteres ({env} é mais curta).',
  passphrase_too_short: 'Escolha uma frase secreta de pelo menos 8 caracteres.',
  passphrase_none: 'Sem frase secreta: defina {env}, ou execute isto num terminal para que ela seja pedida.',
  passphrase_differ: 'As duas frases secretas são diferentes; nada foi criado.',
  passphrase_differ_again: 'As duas frases secretas são diferentes. Comece de novo.',
  wallet_none: 'Não há carteira em {dir}. Crie uma com: skillmark-wallet init',
  wallet_not_json: '{file} não é um arquivo de carteira (não é JSON).',
  wallet_wrong_format: '{file} não é uma carteira Skillmark (formato {format}).',
  wallet_wrong_passphrase: 'Frase secreta errada, ou {file} está danificado ou foi adulterado.',
  wallet_tampered: '{file} está danificado ou foi adulterado: {what}.',
  tampered_header: 'os seus parâmetros de derivação de chave ou o seu cabeçalho não são válidos',
  tampered_not_json: 'o seu conteúdo não é JSON',
  tampered_not_wallet: 'o seu conteúdo não é uma carteira',
  tampered_did: 'o seu DID não é o da sua chave',
  wallet_replaced: '{file} foi substituído por outra carteira enquanto este comando corria; nada foi alterado.',
  wallet_busy: 'Outro comando skillmark-wallet está alterando {file}; tente de novo daqui a pouco.',
  http_too_large: '{origin} enviou uma resposta maior que {size}; a carteira parou de lê-la. Confira o endereço.',
  http_too_slow: '{origin} não respondeu por completo em {duration}; a carteira desistiu. Tente de novo mais tarde.',
  http_broke_off: '{origin} interrompeu a resposta. Tente de novo mais tarde.',
  http_unreachable:
    'Não é possível contactar {origin} ({cause}). Confira o endereço e a sua ligação à internet e tente de novo.',
  http_cause_refused: 'nada responde nesse endereço: o serviço pode estar parado',
  http_cause_unknown_name: 'esse nome não é conhecido: confira como está escrito',
  http_not_json: '{origin} respondeu com algo que não é JSON (HTTP {status}).',
  setting_out_of_range: '{name} deve ser um número inteiro de {min} a {max}, não "{value}".',
  check_not_remembered: 'Não foi possível guardar esta verificação na carteira: {detail}',
  verifier_refused: 'O serviço de verificação recusou o pedido (HTTP {status}): {detail}',
  no_reason_given: 'sem motivo indicado',
  verdict_valid: 'VÁLIDA',
  verdict_invalid: 'NÃO VÁLIDA',
  verdict_unverifiable: 'NÃO É POSSÍVEL SABER AGORA',
  overall_valid: 'VÁLIDA: todas as verificações passaram.',
  overall_invalid: 'NÃO VÁLIDA: pelo menos uma verificação falhou.',
  overall_unverifiable: 'NÃO É POSSÍVEL SABER AGORA: algumas verificações não puderam ser concluídas.',
  mark_valid: 'ok',
  mark_invalid: 'NÃO',
  verified_subject: '{credential}: {verdict}',
  details_issued_by: 'Detalhes: emitida por {issuers}',
  init_exists: 'Já existe uma carteira em {dir}. Veja o DID dela com: skillmark-wallet did',
  init_ready: 'A sua carteira está pronta.',
  init_did: 'O seu DID (entregue-o ao seu centro de formação): {did}',
  init_stored_in: 'Guardada em: {dir}',
  receive_say_what: 'Indique o que resgatar: um link de resgate, um código de resgate ou um arquivo.',
  receive_wait_range: '--wait aceita um número de segundos de 0 a 3600.',
  receive_not_a_source:
    '"{ref}" não é um link de resgate, nem um código de resgate (como ABCD-EFGH-JKMN-PQRS-TVWX), nem um arquivo.',
  receive_refused: 'O centro de formação não conseguiu entregar a credencial: {detail}',
  receive_code_unknown:
    'Nenhuma credencial corresponde a este código de resgate. Confira-o caractere por caractere com o seu certificado ou peça um novo à instituição.',
  receive_code_expired: 'Este código de resgate expirou. Peça um novo à instituição.',
  receive_revoked: 'A instituição revogou esta credencial: não há nada para resgatar.',
  receive_too_many_tries: 'Códigos errados demais a partir deste computador. Espere {duration} e tente de novo.',
  receive_not_ready:
    'A credencial ainda não está pronta: aguarda o registro em blockchain. Tente de novo daqui a um minuto (ou acrescente --wait 120).',
  receive_waiting: 'Aguardando o registro da credencial em blockchain...',
  receive_not_a_file: '{file} não é um arquivo de credencial (não é um arquivo de no máximo {size}).',
  receive_not_json: '{file} não é um arquivo de credencial JSON.',
  receive_stored: 'Recebida e guardada como {id}:',
  receive_already: 'Você já tem esta credencial ({id}):',
  bundle_not_skillmark: 'Isto não é uma credencial Skillmark (era esperado um SkillmarkCredentialBundle).',
  bundle_unreadable: 'A credencial não pode ser lida: {detail}',
  bundle_schema:
    'A credencial não corresponde ao esquema de qualificações Skillmark, por isso não foi guardada: {detail}',
  bundle_signature: 'A assinatura da credencial não confere: {detail}',
  bundle_other_subject:
    'Esta credencial foi emitida para {subject}, não para esta carteira ({did}). Peça à instituição que a emita para o seu DID.',
  bundle_no_subject:
    'Esta credencial não indica o DID de nenhum formando, por isso não pode ser apresentada a partir de uma carteira. Entregue o seu DID à instituição: {did}',
  bundle_bad_receipt: 'O comprovante de registro não é válido: {detail}',
  bundle_receipt_other: 'O comprovante de registro não pertence a esta credencial.',
  list_empty: 'A sua carteira está vazia. Resgate uma credencial com: skillmark-wallet receive <link-de-resgate>',
  list_count: {
    one: 'A sua carteira contém {count} credencial:',
    many: 'A sua carteira contém {count} de credenciais:',
    other: 'A sua carteira contém {count} credenciais:',
  },
  list_damaged_word: 'danificado',
  list_damaged: '{reason} (exclua-o com: skillmark-wallet remove {number})',
  show_damaged_word: 'Danificado',
  show_damaged: '{damaged}: o item {number} desta carteira não pode ser mostrado: {reason}.',
  show_remove_hint: 'Exclua-o com: skillmark-wallet remove {number}',
  show_state: 'Situação',
  show_learner: 'Atribuída a',
  show_qualification: 'Qualificação',
  show_awarded_on: 'Atribuída em',
  show_level: 'Nível',
  show_occupation: 'Profissão',
  show_competencies: 'Competências',
  show_criteria: 'Critérios',
  show_institution: 'Instituição',
  show_issued_at: 'Emitida em',
  show_expires: 'Expira',
  show_on_ledger: 'Registro',
  show_id: 'Id',
  show_issuer_did: 'DID do emissor',
  show_details: 'Detalhes (para especialistas):',
  show_institution_unnamed:
    'ainda sem nome (um serviço de verificação dá-lhe o nome do seu diretório: skillmark-wallet verify {number})',
  show_institution_registry: '{name} (segundo o diretório de confiança)',
  show_institution_claimed: '{name} (segundo a própria credencial; nenhum serviço de verificação o confirmou ainda)',
  show_expires_never: 'nunca',
  show_ledger_checked:
    'registrada desde {anchoredAt} (verificado por {by} em {checkedAt}; cadeia {chainId}, transação {transaction}…)',
  show_ledger_not_checked:
    'comprovante de registro ainda não verificado (verifique-o com: skillmark-wallet verify {number})',
  show_ledger_none: 'sem comprovante de registro',
  status_nothing: 'Não há nenhuma credencial para verificar nesta carteira.',
  share_say_where: 'Indique onde escrevê-la: skillmark-wallet share <número> --out <arquivo>',
  share_written: 'Credencial {id} escrita em {file}:',
  share_how: 'Um empregador a abre numa página de verificação Skillmark ou a envia para POST /credentials/verify.',
  share_no_receipt:
    'Ela não tem comprovante de registro, por isso um serviço de verificação não consegue encontrá-la em blockchain: resgate-a de novo quando estiver registrada.',
  certificate_say_where: 'Indique onde escrevê-lo: skillmark-wallet certificate <número> --out <arquivo.pdf>',
  certificate_no_claim:
    'A credencial {id} não foi resgatada com um código de resgate, por isso a carteira não pode pedir o certificado dela. Peça-o à instituição ou imprima o código QR: skillmark-wallet qr {ref} --png <arquivo>',
  certificate_not_ready: 'O certificado ainda não está pronto: tente de novo daqui a um minuto.',
  certificate_gone:
    'A instituição já não entrega este certificado com o seu código de resgate (a credencial foi revogada, ou o código expirou ou foi substituído). Fale com a instituição.',
  certificate_not_sent: 'A instituição não enviou o certificado (HTTP {status}).',
  certificate_selective:
    'Uma credencial SD-JWT não tem certificado impresso: o código QR mostraria todos os dados dela a quem o escanear. Apresente-a com "present --disclose".',
  certificate_written: 'Certificado da credencial {id} escrito em {file} ({size}).',
  qr_choose_one: 'Escolha só uma das opções --png, --svg e --text.',
  qr_selective:
    'Uma credencial SD-JWT não vira código QR: ele mostraria todos os dados a quem o escanear. Apresente-a com "present --disclose".',
  qr_no_receipt:
    'Esta credencial não tem comprovante de registro, e um código QR sem ele não poderia ser verificado. Resgate-a de novo quando estiver registrada.',
  qr_too_large: 'Esta credencial é grande demais para um único código QR ({size}).',
  qr_text_follows: 'Credencial {id}: código QR versão {version}. O seu texto, para colar numa página de verificação:',
  qr_images: 'Imagens para imprimir: --png <arquivo> ou --svg <arquivo>.',
  qr_drawn: 'Credencial {id}: código QR versão {version}. Imagens para imprimir: --png <arquivo> ou --svg <arquivo>.',
  qr_written: 'Código QR da credencial {id} escrito em {file} (versão {version}, {size}).',
  present_say_which: 'Indique quais credenciais apresentar: os números ou ids delas em "skillmark-wallet list".',
  present_out_needs_challenge: '--out precisa do --challenge do empregador.',
  present_disclose_unknown: 'Esta credencial não pode mostrar {names}. Ela pode mostrar: {available}.',
  present_disclose_question: 'Mostrar {detail} ({value}) ao serviço de verificação? [s/N]',
  disclose_name: 'o seu nome',
  disclose_learner_reference: 'o seu número de aluno',
  disclose_birth_date: 'a sua data de nascimento',
  disclose_started_on: 'a data de início da sua formação',
  disclose_competency: 'a competência {number}',
  present_selective_alone:
    'A credencial {which} deixa você escolher o que mostrar (SD-JWT), por isso é apresentada sozinha: skillmark-wallet present {which}; apresente as outras em outra apresentação.',
  present_disclose_not_selective:
    '--disclose só se aplica a credenciais SD-JWT; esta credencial é sempre mostrada por inteiro.',
  present_selective_needs_domain:
    'Uma apresentação SD-JWT fica vinculada ao seu serviço de verificação: informe --domain (o do empregador) junto com --out.',
  present_written: 'Apresentação escrita em {file} ({size}).',
  present_no_challenge_http: 'O serviço de verificação não deu um código de uso único (HTTP {status}).',
  present_no_challenge: 'O serviço de verificação não deu um código de uso único.',
  present_mixed_data_models:
    'Algumas destas credenciais seguem a versão 1.1 do padrão de credenciais e outras a versão 2.0, e nenhuma apresentação única leva ambas a todos os serviços de verificação: apresente-as em duas vezes, um tipo de cada vez.',
  export_say_where: 'Indique onde escrever a cópia: skillmark-wallet export --out <arquivo>',
  export_exists: '{file} já existe; escolha outro nome de arquivo para a cópia.',
  export_could_not_write: 'Não foi possível escrever a cópia em {file} ({code}).',
  export_written: {
    one: 'Cópia de {count} credencial escrita em {file}.',
    many: 'Cópia de {count} de credenciais escrita em {file}.',
    other: 'Cópia de {count} credenciais escrita em {file}.',
  },
  export_damaged_left_out: {
    one: '{count} item danificado ficou de fora (veja: skillmark-wallet list).',
    many: '{count} de itens danificados ficaram de fora (veja: skillmark-wallet list).',
    other: '{count} itens danificados ficaram de fora (veja: skillmark-wallet list).',
  },
  export_keep_away: 'Guarde-a longe deste computador e lembre-se da frase secreta: ninguém consegue recuperá-la.',
  import_say_which: 'Indique qual arquivo de cópia importar: skillmark-wallet import <arquivo>',
  import_no_file: 'O arquivo {file} não existe.',
  import_too_large: '{file} não é uma cópia de carteira (não é um arquivo de no máximo {size}).',
  import_bad_did: '{file} está danificado: o seu DID não é o da sua chave.',
  import_other_wallet:
    'Esta cópia contém outra carteira ({backupDid}) que não a de {dir} ({walletDid}).\nAs credenciais dela são emitidas para o DID da cópia, por isso só podem ser mostradas a partir dessa carteira.\nImporte-a numa pasta sem carteira: SKILLMARK_WALLET_DIR=<pasta nova> skillmark-wallet import {file}',
  import_restored: 'Carteira recuperada de {file} (cópia de {date}) em {dir}.',
  import_imported: '{file} importado (cópia de {date}).',
  import_added: {
    one: 'Adicionada: {count} credencial.',
    many: 'Adicionadas: {count} de credenciais.',
    other: 'Adicionadas: {count} credenciais.',
  },
  import_already_held: 'Já estavam na sua carteira e não foram adicionadas de novo: {count}.',
  import_damaged: 'Itens danificados na cópia, deixados de fora: {count}.',
  backup_not_backup: '{file} não é uma cópia de carteira Skillmark (feita por: skillmark-wallet export).',
  backup_bad_header: '{file} está danificado: o seu cabeçalho não é válido.',
  backup_wrong_passphrase: 'Frase secreta da cópia errada, ou {file} está danificado ou foi alterado.',
  backup_not_wallet: '{file} está danificado: o seu conteúdo não é uma carteira.',
  remove_say_which: 'Indique qual item excluir: o número ou o id dele em "skillmark-wallet list".',
  remove_damaged_item: 'o item {number} (danificado: {reason})',
  remove_confirm_with_yes: 'Confirme com --yes para excluir {what}.',
  remove_question: 'Excluir {what} para sempre? [s/N]',
  remove_yes_answers: 's, sim',
  remove_nothing: 'Nada foi excluído.',
  remove_done: 'Excluído: {what}.',
};

export const ptReport: ReportWords = {
  title: 'Principais ocupações de formação',
  quarter: '{number}.º trimestre de {year}',
  documentTitle: '{title}: {quarter}',
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
  swipeHint: 'Deslize a tabela para o lado para ver os níveis de escolaridade e a parte de cada ocupação.',
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

export const ptCertificate: CertificateWords = {
  kicker: 'Certificado de qualificação',
  certifies: 'Certifica-se que',
  awarded: 'obteve a qualificação',
  level: 'Nível: {level}',
  occupation: 'Ocupação: {occupation}',
  awardedOn: 'Concedida em {date}',
  competencies: 'Competências',
  competenciesContinued: 'Competências (continuação)',
  checkHeading: 'Como verificar',
  check:
    'Leia o código com qualquer verificador Skillmark (ou envie este PDF a um) para ver que este certificado é autêntico e não foi retirado.',
  checkAt:
    'Leia o código com o verificador Skillmark em {url} (ou envie este PDF para lá) para ver que este certificado é autêntico e não foi retirado.',
  credential: 'Credencial {shortId}',
  claimHeading: 'Para o formando: obtenha a credencial digital com este código de resgate',
  claimPrivate: 'Guarde este código em privado: quem o tiver pode obter a credencial.',
};

export const portuguese: Language = {
  name: 'Português',
  dir: 'ltr',
  messages: pt,
  labels: ptLabels,
  page: ptPage,
  wallet: ptWallet,
  report: ptReport,
  certificate: ptCertificate,
};
