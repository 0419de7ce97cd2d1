import type { Catalogue, CertificateWords, Language, PageWords, ReportWords, WalletWords } from './catalogue.ts';
import type { Labels } from './labels.ts';

/**
 * Spanish. Terms: credential = credencial; presentation = presentación; ledger = registro blockchain;
 * registry (of accredited institutions) = directorio de confianza; anchor = inscribir /
 * comprobante de inscripción; batch = lote; issuer = emisor; verifier = este servicio de verificación;
 * challenge = código de un solo uso; token = token. Formal register (usted).
 */
export const es: Catalogue = {
  well_formed: 'La credencial es una credencial firmada y con el formato correcto ({format}).',
  presentation_well_formed: 'La presentación es una presentación firmada y con el formato correcto ({format}).',
  credential_format_unsupported:
    'La presentación contiene una credencial en un formato que este servicio de verificación no puede comprobar ({format}).',
  signature_valid: 'La credencial fue firmada por {issuer} y no se ha modificado desde entonces.',
  presentation_signature_valid: 'La presentación fue firmada por {holder}.',
  malformed_jws: 'La credencial no es un token firmado con el formato correcto: {detail}.',
  malformed_credential: 'El token no contiene una credencial verificable: {detail}.',
  malformed_presentation: 'El token no contiene una presentación verificable: {detail}.',
  alg_not_allowed: 'La firma usa el algoritmo «{alg}», que no se acepta para esta clave.',
  unsupported_did_method:
    'El identificador del firmante ({did}) usa un método DID que este servicio de verificación no admite.',
  did_not_found: 'No se encontró el identificador del firmante ({did}).',
  key_not_found: 'La clave de firma indicada en el token no pertenece a {did}.',
  did_resolution_failed: 'No se pudo consultar el identificador del firmante ({did}) en este momento.',
  did_web_issuer_not_listed:
    'No se descargó el documento did:web del emisor ({did}): ningún registro de confianza incluye a este emisor, o no se pudo consultar ninguno.',
  did_web_holder_refused: 'Este verificador no consulta titulares did:web ({did}); firme la presentación con otro DID.',
  https_issuer_not_listed:
    'No se descargó el documento de controlador de la URL del emisor ({did}): ningún registro de confianza incluye a este emisor, o no se pudo consultar ninguno.',
  https_holder_refused:
    'Este verificador no consulta titulares identificados por una URL https ({did}); firme la presentación con un DID.',
  signature_invalid: 'La firma no coincide: el contenido se modificó después de firmarse, o lo firmó otra persona.',
  context_unknown:
    'La credencial se basa en un vocabulario (contexto JSON-LD {url}) que este servicio de verificación no tiene, por lo que su firma no se puede comprobar; este servicio nunca descarga ninguno.',
  jsonld_invalid:
    'El contenido de la credencial no se puede interpretar con seguridad: usa un término que sus vocabularios (contextos JSON-LD) no definen, o no es JSON-LD válido.',
  cryptosuite_unsupported:
    'La credencial está protegida con un tipo de prueba que este servicio de verificación no puede comprobar ({cryptosuite}).',
  issuer_accredited: '{name} es una institución acreditada que figura en el directorio de confianza.',
  issuer_accredited_then:
    '{name} tenía una acreditación válida cuando se inscribió esta credencial; el estado actual de su acreditación es «{status}».',
  issuer_not_accredited:
    'El emisor ({issuer}) no figura como institución acreditada en ningún directorio de confianza.',
  issuer_not_accredited_now:
    '{name} tiene el estado «{status}» en el directorio, y esta credencial no se inscribió durante su período de acreditación.',
  anchored: 'La credencial está inscrita en el registro blockchain (cadena {chainId}) desde el {anchoredAt}.',
  receipt_missing:
    'La credencial no venía acompañada de un comprobante de inscripción, así que no se puede demostrar que se inscribió en el registro blockchain.',
  receipt_malformed: 'El comprobante de inscripción no tiene el formato correcto: {detail}.',
  receipt_for_other_credential: 'El comprobante de inscripción corresponde a otra credencial.',
  proof_mismatch:
    'La prueba del comprobante de inscripción no coincide con el lote inscrito: se modificó la credencial o el comprobante.',
  root_not_anchored: 'El lote indicado en el comprobante nunca se inscribió en el registro blockchain.',
  anchored_by_another_institution: 'El lote lo inscribió en el registro blockchain otra institución, no el emisor.',
  untrusted_registry:
    'El comprobante remite a un directorio que este servicio de verificación no reconoce como fiable (cadena {chainId}, {registry}).',
  ledger_unreachable: 'No se pudo acceder al registro blockchain para comprobarlo; inténtelo de nuevo más tarde.',
  ledger_lagging:
    'El nodo del registro blockchain consultado no está al día (su último bloque, {blockNumber}, es del {headAt}); inténtelo de nuevo más tarde.',
  not_revoked: 'La institución no ha revocado esta credencial.',
  revoked: 'La institución revocó esta credencial el {revokedAt} (motivo: {reasonName}).',
  revocation_needs_issuer:
    'El emisor no figura en ningún directorio de confianza, por lo que no hay ninguna revocación suya que consultar.',
  status_list_clear:
    'La lista de estado de la institución ({source}) no marca esta credencial como revocada, y es la lista que la institución dejó registrada en el registro blockchain.',
  status_list_revoked:
    'La institución revocó esta credencial: su lista de estado firmada ({source}) la marca como revocada.',
  status_list_absent:
    'La credencial no remite a ninguna lista de estado; la cubre el registro de revocaciones en el registro blockchain.',
  status_entry_malformed: 'La entrada de lista de estado de la credencial está mal formada: {detail}.',
  status_list_unreachable:
    'No se pudo obtener ahora la lista de estado de la institución ({source}); inténtelo de nuevo más tarde.',
  status_list_unreachable_record_answers:
    'No se pudo obtener ahora la lista de estado de la institución ({source}); su registro de revocaciones en el registro blockchain, que lleva junto a la lista, responde por esta credencial.',
  status_list_never_revoked:
    'No se pudo obtener ahora la lista de estado de la institución ({source}), pero el registro blockchain muestra que la institución nunca ha revocado nada en ella: esta credencial no está revocada.',
  status_list_unverifiable: 'La lista de estado ({source}) no es una lista firmada por el emisor: {detail}.',
  status_list_mismatch:
    'La lista de estado ({source}) no es la que la institución dejó registrada en el registro blockchain: puede estar desactualizada o alterada; inténtelo de nuevo más tarde.',
  status_list_needs_ledger:
    'No se pudo comparar la lista de estado ({source}) con el registro blockchain, que no está accesible; la comprobación del registro de revocaciones responde por esta credencial.',
  signing_key_not_reported: 'La institución no ha declarado comprometida su clave de firma.',
  signing_key_compromised_after_anchor:
    'La clave de firma se declaró comprometida desde el {compromisedSince}; esta credencial se inscribió el {anchoredAt}, antes de esa fecha, por lo que sigue siendo válida.',
  signing_key_compromised_before_anchor:
    'La clave de firma se declaró comprometida desde el {compromisedSince}, y esta credencial no se inscribió hasta el {anchoredAt}: quien robó la clave pudo haberla creado.',
  signing_key_compromised_unanchored:
    'La clave de firma se declaró comprometida desde el {compromisedSince}, y ninguna inscripción en el registro blockchain demuestra que esta credencial existiera antes de esa fecha.',
  signing_key_needs_issuer:
    'No se pudo comprobar si la clave de firma fue declarada comprometida: el emisor no figura en ningún directorio de confianza.',
  within_validity_period: 'La credencial está dentro de su período de validez.',
  presentation_within_validity_period: 'La presentación está dentro de su período de validez.',
  presentation_not_yet_valid: 'La presentación no es válida antes del {validFrom}.',
  disclosure_digest_mismatch:
    'Un dato mostrado de la credencial no coincide con lo que firmó el emisor: se modificó o se añadió después.',
  disclosure_duplicated: 'Un dato mostrado de la credencial aparece dos veces: la credencial fue manipulada.',
  key_binding_missing:
    'La presentación no lleva la firma de la clave del estudiante (vinculación de clave): cualquiera que tenga una copia pudo enviarla.',
  key_binding_mismatch: 'La firma del estudiante cubre datos distintos de los que se muestran.',
  holder_key_not_bound: 'La presentación no se firmó con la clave a la que está vinculada la credencial.',
  key_binding_stale:
    'La firma del estudiante se hizo el {issuedAt}, hace demasiado tiempo; solicite una nueva presentación.',
  presentation_expired: 'La presentación caducó el {validUntil}; solicite una nueva.',
  not_yet_valid: 'La credencial no es válida antes del {validFrom}.',
  expired: 'La credencial caducó el {validUntil}.',
  schema_valid: 'El contenido de la credencial coincide con el esquema que declara.',
  schema_mismatch: 'El contenido de la credencial no coincide con el esquema que declara: {detail}.',
  schema_unknown:
    'La credencial declara un esquema que este servicio de verificación no conoce ({schema}); su contenido no se comprobó.',
  schema_not_declared: 'La credencial no declara ningún esquema; su contenido no se comprobó con ninguno.',
  no_credentials:
    'La presentación no contiene ninguna credencial: solo demuestra que el titular controla su identificador.',
  holder_is_subject: 'La persona que presenta la credencial es la persona a la que se le emitió.',
  holder_is_not_subject: 'La presentación fue firmada por {holder}, pero la credencial se emitió a {subject}.',
  subject_has_no_did:
    'La credencial no indica el DID de la persona que la obtuvo, así que no se puede vincular con quien la presenta.',
  holder_not_checked:
    'No se ha comprobado quién presenta la credencial: compare el nombre con un documento de identidad.',
  challenge_valid: 'La presentación responde al código de un solo uso de este servicio de verificación.',
  challenge_missing:
    'La presentación no incluye ningún código de un solo uso; podría ser la repetición de una presentación anterior.',
  challenge_mismatch: 'La presentación se hizo para otro código de un solo uso.',
  challenge_unknown: 'Este código de un solo uso no lo emitió este servicio de verificación.',
  challenge_expired: 'El código de un solo uso caducó antes de que llegara la presentación.',
  challenge_already_used:
    'Este código de un solo uso ya se utilizó: la presentación es una repetición de una anterior.',
  domain_mismatch: 'La presentación se hizo para otro servicio de verificación ({domain}).',
  challenge_needs_signature: 'No se comprobó el código de un solo uso porque la firma de la presentación no es válida.',
  challenge_not_pinned:
    'La solicitud no indica el código de un solo uso que se entregó al titular ("options.challenge"): un código de este servicio de verificación pudo haber sido reenviado por un tercero, por lo que la presentación no se acepta.',
  challenge_valid_audience_unchecked:
    'La presentación responde al código de un solo uso indicado; está dirigida a {audience}, lo que no se comprobó (no se indicó "options.domain").',
  trust_bundle_used:
    'Comprobado con el paquete de confianza del {date} (de hace {ageHours} horas), no con el registro blockchain en directo: una revocación o un cambio posterior a esa fecha no se puede conocer aquí.',
  trust_bundle_aging:
    'Comprobado con el paquete de confianza del {date}, de hace {ageHours} horas: consiga uno más reciente antes del {unusableFrom}, cuando dejará de responder. Una revocación o un cambio posterior a esa fecha no se puede conocer aquí.',
  trust_bundle_too_old:
    'No se pudo contactar con el registro blockchain, y el paquete de confianza del {date} (de hace {ageHours} horas) dejó de responder el {unusableFrom}: consiga un paquete más reciente o una conexión con el registro.',
  trust_bundle_standby:
    'El registro blockchain respondió. El paquete de confianza guardado para cuando no se pueda contactar con él es del {date} (de hace {ageHours} horas) y responde hasta el {unusableFrom}.',
  trust_bundle_standby_aging:
    'El registro blockchain respondió. El paquete de confianza guardado para cuando no se pueda contactar con él es del {date} (de hace {ageHours} horas) y solo responde hasta el {unusableFrom}: instale uno más reciente antes de esa fecha.',
};

export const esLabels: Labels = {
  accredited: 'acreditada',
  suspended: 'suspendida',
  withdrawn: 'retirada',
  unspecified: 'no especificado',
  issuedInError: 'emitida por error',
  fraud: 'fraude',
  superseded: 'sustituida',
  withdrawnByAssessmentBody: 'retirada por el organismo evaluador',
};

export const esPage: PageWords = {
  page_title: 'Comprobar una credencial de competencias',
  page_intro:
    'Escanee el código QR de un certificado o de un teléfono, o suba el certificado, para saber si es auténtico y quién lo otorgó.',
  language_label: 'Idioma',
  scan_button: 'Escanear el código QR con la cámara',
  scan_stop: 'Detener la cámara',
  scan_hint: 'Mantenga el código QR quieto en la imagen, a un palmo de la cámara.',
  scan_starting: 'Encendiendo la cámara…',
  scan_no_camera: 'No se pudo encender la cámara. Tome una foto del código QR y súbala más abajo.',
  scan_timeout: 'No se encontró ningún código QR. Acérquese, evite los reflejos o suba una foto del código QR.',
  file_label: 'Subir un archivo',
  file_choose: 'Elegir un archivo',
  file_none: 'Ningún archivo elegido',
  file_hint:
    'Una foto o captura de pantalla del código QR, el certificado en PDF o un archivo de credencial de una billetera.',
  paste_label: 'O pegue el texto',
  paste_hint: 'El texto del código QR (empieza por SM1:) o un token de credencial.',
  check_button: 'Comprobar',
  checking: 'Comprobando…',
  reading: 'Leyendo el archivo…',
  read_no_qr:
    'No se encontró ningún código QR en esta imagen. Pruebe con una foto más nítida, con todo el código y sin reflejos.',
  read_pdf_no_code:
    'Este PDF no contiene ninguna credencial Skillmark. Suba el certificado PDF tal como lo emitió la institución, o una foto de su código QR.',
  read_unknown_file:
    'Esta página no puede comprobar este archivo. Suba una foto del código QR, el certificado PDF o un archivo de credencial.',
  read_empty: 'Todavía no hay nada que comprobar: primero escanee, suba o pegue una credencial.',
  decoder_failed:
    'No se pudo cargar el lector de códigos QR. Pegue el texto del código QR o pruebe con otro navegador.',
  verdict_valid: 'Válida',
  verdict_valid_text: 'La credencial es auténtica y superó todas las comprobaciones.',
  verdict_invalid: 'No válida',
  verdict_invalid_text: 'No acepte esta credencial. El motivo figura más abajo.',
  verdict_tampered_text: 'Este documento fue modificado después de su emisión, o no es auténtico. No lo acepte.',
  verdict_unverifiable: 'No se puede saber por ahora',
  verdict_unreadable: 'No se puede leer',
  verdict_unverifiable_text:
    'Algunas comprobaciones no se pudieron hacer. Eso no significa que la credencial sea falsa.',
  next_steps_title: 'Qué hacer ahora',
  next_steps_retry: 'Vuelva a intentarlo en unos minutos: no se pudo consultar el registro de credenciales.',
  next_steps_ask:
    'Si vuelve a ocurrir, pida a la persona el certificado PDF o contacte con la institución que lo emitió.',
  summary_title: 'Lo que dice la credencial',
  field_learner: 'Titular',
  field_qualification: 'Titulación',
  field_level: 'Nivel',
  field_occupation: 'Ocupación',
  field_awarded: 'Otorgada el',
  field_institution: 'Institución',
  field_criteria: 'Requisitos cumplidos',
  field_skills: 'Competencias',
  field_issuer_profile: 'Emisor, según lo nombra la credencial',
  institution_listed: 'inscrita en «{registry}»',
  institution_unlisted: 'no figura en ningún directorio de confianza',
  not_stated: 'no indicado',
  checks_title: 'Qué se comprobó',
  status_valid: 'Correcto',
  status_invalid: 'Fallido',
  status_unverifiable: 'No se pudo comprobar',
  status_skipped: 'No comprobado',
  signature_plain: 'La institución firmó esta credencial y nada en ella ha cambiado desde entonces.',
  check_structure: 'Formato',
  // A check's line: its name and how it went, with the language's own colon.
  check_line: '{check}: {status}',
  check_signature: 'Firma',
  check_issuer_accredited: 'Institución',
  check_anchored: 'Inscripción en el registro',
  check_not_revoked: 'Revocación',
  check_status_list: 'Lista de estado',
  check_signing_key: 'Clave de firma',
  check_validity_period: 'Fechas',
  check_schema: 'Contenido',
  check_holder: 'Persona que la muestra',
  check_presentation_signature: 'Firma del titular',
  check_challenge: 'Código de un solo uso',
  check_presentation_validity: 'Fechas de la presentación',
  check_holder_binding: 'Titular',
  check_credentials: 'Credenciales incluidas',
  check_credential_format: 'Formato de la credencial',
  credential_number: 'Credencial {number}',
  details_title: 'Detalles para especialistas',
  problem_unreadable: 'No es una credencial Skillmark, o le falta una parte. Escanéela o súbala de nuevo.',
  problem_too_large: 'Esto es demasiado grande para ser una credencial.',
  problem_busy: 'Demasiadas comprobaciones desde aquí en poco tiempo. Espere un minuto y vuelva a intentarlo.',
  problem_offline: 'No se pudo contactar con el servicio de verificación. Revise la conexión y vuelva a intentarlo.',
  check_another: 'Comprobar otra credencial',
  noscript: 'Esta página necesita JavaScript para leer códigos QR y archivos. Su navegador lo tiene desactivado.',
  privacy_note: 'No se guarda nada de lo que comprueba: ni cookies ni rastreo.',
  claim_title: 'Su credencial',
  claim_save_qr: 'Guardar la imagen del código QR',
  claim_download_pdf: 'Descargar el certificado (PDF)',
  claim_show_employer: 'Muestre este código a un empleador: puede comprobarlo sin llamar a la institución.',
  claim_wallet_only:
    'Usted elige qué ve cada empleador de esta credencial, por eso no tiene código QR ni certificado impreso. Recójala con su billetera: {command}',
  claim_not_ready: 'Todavía no está lista: la institución la está registrando. Vuelva a intentarlo en unos minutos.',
  claim_code_unknown:
    'Este código de recogida no existe. Revíselo carácter por carácter o pida uno nuevo a la institución.',
  claim_code_expired: 'Este código de recogida ha caducado. Pida uno nuevo a la institución.',
  claim_code_revoked: 'La institución revocó esta credencial: no hay nada que recoger.',
  claim_too_many_tries: 'Demasiados códigos erróneos desde aquí. Espere {seconds} segundos y vuelva a intentarlo.',
};

/** The wallet's words (every key of `enWallet` in en.ts; plurals with the forms Intl.PluralRules uses for this language). */
export const esWallet: WalletWords = {
  help_intro: 'skillmark-wallet: guarde sus credenciales de cualificación y muéstrelas a los empleadores.',
  help_usage: 'Uso: {usage}',
  help_main_usage: 'skillmark-wallet <comando> [opciones]',
  help_commands: 'Comandos:',
  help_common_options: 'Opciones de todos los comandos:',
  help_options: 'Opciones:',
  help_value: 'valor',
  help_environment: 'Entorno:',
  help_exit_codes:
    'Códigos de salida: 0 hecho / válida, 1 error, 2 uso incorrecto, 3 credencial aún no lista,\n                   4 verificada como NO válida, 5 el servicio de verificación no pudo decidir por ahora,\n                   6 un servidor envió demasiado o respondió demasiado lento (no se guardó nada).',
  help_start: 'Para empezar:  skillmark-wallet init',
  help_one_command: 'Ayuda de un comando:  skillmark-wallet <comando> --help',
  env_wallet_dir: 'dónde está la cartera (por defecto ~/.skillmark-wallet)',
  env_passphrase: 'la frase de contraseña, para scripts (si no, se le pide)',
  env_issuer: 'emisor usado para los códigos de recogida',
  env_verifier: 'servicio de verificación usado por present y verify',
  env_max_bytes: 'respuesta más grande que se lee de un servidor (por defecto 2 MiB)',
  env_timeout: 'tiempo permitido para cada respuesta completa, en segundos (por defecto 20)',
  env_lang: 'el idioma, como --lang (si no, LC_ALL, LC_MESSAGES o LANG)',
  opt_json: 'imprimir un único documento JSON (para scripts) en lugar de frases',
  opt_plain:
    'sin color, sin dibujos ni símbolos, para lectores de pantalla y terminales antiguas (NO_COLOR=1: sin color)',
  opt_lang: 'el idioma de las respuestas: {languages}',
  opt_help: 'mostrar la ayuda',
  opt_verifier: 'dirección del servicio de verificación (por defecto {verifier})',
  opt_issuer: 'dirección del emisor para los códigos de recogida (por defecto {issuer})',
  opt_wait: 'segundos de espera mientras la credencial aún se está inscribiendo (por defecto 30)',
  opt_out_pdf: 'el archivo PDF que se escribe',
  opt_out_backup: 'el archivo de copia de seguridad que se escribe (no debe existir aún)',
  opt_out_share: 'el archivo que se escribe (JSON)',
  opt_out_presentation: 'escribir la presentación firmada en este archivo en lugar de enviarla',
  opt_disclose:
    'para una credencial SD-JWT: los datos que se muestran, separados por comas (name, learnerReference, startedOn, competency:2, competencies); los demás quedan ocultos. Sin esta opción la billetera pregunta dato por dato en una terminal; en otro caso solo se envía lo que siempre se muestra (la cualificación, su nivel y su fecha de obtención)',
  opt_challenge: 'el código de un solo uso que le dio el empleador',
  opt_domain:
    'el dominio del servicio de verificación al que se vincula la presentación (por defecto: su host; ninguno con --out)',
  opt_png: 'escribir el código QR en este archivo como imagen PNG',
  opt_svg: 'escribir el código QR en este archivo como imagen SVG',
  opt_text: 'imprimir el texto que contiene el código QR en lugar de dibujarlo',
  opt_yes: 'eliminar sin preguntar',
  summary_init: 'Crear su cartera y su identificador personal (DID)',
  summary_did: 'Mostrar su DID',
  summary_receive: 'Recoger una credencial con un enlace de recogida, un código de recogida o un archivo',
  summary_list: 'Listar las credenciales de su cartera',
  summary_show: 'Mostrar una credencial en palabras sencillas',
  summary_status: 'Comprobar cada credencial en el registro blockchain: válida, revocada o caducada',
  summary_share: 'Escribir una credencial en un archivo que un empleador puede comprobar sin usted',
  summary_certificate: 'Descargar de la institución el certificado impreso (PDF) de una credencial',
  summary_present: 'Mostrar credenciales a un empleador u oficina (una presentación firmada)',
  summary_qr: 'Mostrar una credencial como un código QR que un empleador puede escanear',
  summary_verify: 'Comprobar una de sus credenciales con un servicio de verificación',
  summary_export: 'Escribir una copia de seguridad cifrada de su cartera en un archivo',
  summary_import: 'Recuperar una copia de seguridad, en este u otro ordenador (nada se duplica)',
  summary_remove: 'Eliminar una credencial (o un elemento dañado) de su cartera',
  usage_init: 'skillmark-wallet init',
  usage_did: 'skillmark-wallet did',
  usage_receive:
    'skillmark-wallet receive <enlace-de-recogida | código-de-recogida | archivo> [--issuer URL] [--wait SEGUNDOS]',
  usage_list: 'skillmark-wallet list [--json]',
  usage_show: 'skillmark-wallet show <número | id> [--json]',
  usage_status: 'skillmark-wallet status [--verifier URL]',
  usage_share: 'skillmark-wallet share <número | id> --out <archivo> [--disclose DATOS]',
  usage_certificate: 'skillmark-wallet certificate <número | id> --out <archivo.pdf>',
  usage_present:
    'skillmark-wallet present <número | id>... [--verifier URL] [--challenge CÓDIGO] [--domain DOMINIO] [--out ARCHIVO] [--disclose DATOS]',
  usage_qr: 'skillmark-wallet qr <número | id> [--png <archivo> | --svg <archivo> | --text] [--json]',
  usage_verify: 'skillmark-wallet verify <número | id> [--verifier URL]',
  usage_export: 'skillmark-wallet export --out <archivo>',
  usage_import: 'skillmark-wallet import <archivo-de-copia>',
  usage_remove: 'skillmark-wallet remove <número | id> [--yes]',
  details_init:
    'Crea un archivo de cartera cifrado y un DID nuevo (did:key). Entregue este DID a su centro de\nformación para que sus credenciales se emitan a su nombre. La frase de contraseña protege la cartera:\nsin ella nadie, ni siquiera usted, puede abrirla.',
  details_did:
    'Muestra el DID de esta cartera. Pide la frase de contraseña: solo la clave sellada garantiza el DID,\nya que cualquiera que pueda editar el archivo de la cartera podría cambiar la copia sin cifrar.',
  details_receive:
    'Descarga la credencial, comprueba que está firmada, emitida a SU DID e inscrita, y la guarda en su\ncartera. Un código de recogida se recoge en --issuer (o SKILLMARK_ISSUER_URL).\nMientras la credencial aún no está inscrita, vuelve a preguntar como máximo una vez por segundo,\ndurante --wait segundos. Un servidor que envía más de 2 MiB o tarda más de 20 s en responder lo\ndetiene con el código de salida 6.',
  details_list:
    'Muestra cada credencial con su número y su id corto (sirven ambos en los demás comandos), de quién\ny de qué es, y en qué situación está: válida, revocada (cuándo y por qué), caducada o aún sin comprobar\n(o la última comprobación no pudo decidir), según la última comprobación. «skillmark-wallet status» las vuelve a comprobar todas.\nUn elemento que no se puede leer aparece como «dañado»; elimínelo con: skillmark-wallet remove <número>.',
  details_show:
    'Muestra de quién y de qué trata la credencial, qué institución la emitió, en qué situación está\n(según la última comprobación) y si un servicio de verificación la encontró en el registro blockchain;\n«skillmark-wallet verify» la vuelve a comprobar y recuerda la respuesta. Los DID y demás\nidentificadores van al final, como detalles.',
  details_status:
    'Comprueba cada credencial de la cartera con el servicio de verificación, que consulta el registro\nblockchain: si la institución la revocó, si caducó, si sigue inscrita. Imprime una línea por\ncredencial y recuerda cada respuesta para «skillmark-wallet list». Código de salida 0 si todas son\nválidas, 4 si alguna no es válida, 5 si alguna no se pudo comprobar por ahora.',
  details_share:
    'Escribe la credencial y su comprobante de inscripción en un archivo para enviarlo o llevarlo a un\nempleador: este lo abre en una página de verificación de Skillmark (subiendo el archivo) o lo envía\ntal cual a un servicio de verificación (POST /credentials/verify); no hace falta nada más de usted\nni de la institución. El archivo prueba la credencial, no quién la entrega: lleve un documento de\nidentidad con el mismo nombre.',
  details_certificate:
    'Descarga de la institución el certificado impreso de la credencial (un PDF A4 con su código QR,\ndocs/certificate.md), con el código de recogida con que se recogió. Una credencial recibida en un\narchivo no tiene código de recogida en la cartera: pida el certificado a la institución o imprima\nusted mismo el código QR (skillmark-wallet qr <número> --png <archivo>).',
  details_present:
    'Con --verifier (por defecto SKILLMARK_VERIFIER_URL o el servicio de verificación local): firma con\nsu clave una presentación para un código de un solo uso y la envía; muestra el veredicto. El código\nes el que se da con --challenge (el del empleador) o, si no, uno nuevo que la cartera pide al\nservicio de verificación.\nCon --challenge y --out: escribe en cambio la presentación firmada (un JWT) en un archivo, para que\nel empleador la verifique con el código que le dio. Un código que empieza por «-» se escribe\n«--challenge -abc» o «--challenge=-abc».',
  details_qr:
    'El código QR contiene toda la credencial y su comprobante de inscripción (docs/qr.md): un empleador\nlo escanea, o pega su texto, y el servicio de verificación lo comprueba sin nada más de usted.\nUn código QR no prueba la identidad de nadie: el servicio de verificación indica que no se comprobó\nal titular, así que lleve un documento de identidad con el mismo nombre. Imprima la imagen con al\nmenos 4 cm de ancho, con su borde blanco.\nSin opciones, el código se dibuja en esta terminal (con --plain, se imprime su texto).',
  details_verify:
    'Envía la credencial y su comprobante de inscripción al servicio de verificación e imprime de quién\ny de qué es, el veredicto y cada comprobación. La cartera recuerda la respuesta (list y show dicen\nen qué situación está la credencial); «skillmark-wallet status» las comprueba todas.',
  details_export:
    'Escribe su clave y todas sus credenciales en un único archivo cifrado, sellado con una frase de\ncontraseña de copia propia (se pide dos veces, o SKILLMARK_BACKUP_PASSPHRASE). Guarde el archivo\nlejos de este ordenador (una memoria USB, su correo, un teléfono): si pierde este ordenador,\n«skillmark-wallet import <archivo>» lo recupera todo en otro. Nadie puede abrir el archivo sin su\nfrase de contraseña, ni siquiera la institución: si la olvida, la copia se pierde\n(docs/wallet.md explica qué hacer).',
  details_import:
    'Recupera una copia de seguridad hecha con «skillmark-wallet export», con su frase de contraseña de\ncopia (o SKILLMARK_BACKUP_PASSPHRASE). Donde aún no hay cartera, pasa a ser su cartera, con su DID\nanterior, bajo una frase de contraseña que usted elige. Donde ya está la misma cartera, se añaden las\ncredenciales que le faltan y ninguna se duplica. Muestra lo que se añadió.',
  details_remove:
    'Elimina un elemento para siempre; los elementos dañados se indican por su número en\n«skillmark-wallet list». Pide confirmación en una terminal; los scripts confirman con --yes.',
  unknown_command: 'Comando desconocido «{name}».',
  unknown_command_commands: 'Los comandos: {commands}. Cada uno explicado: skillmark-wallet --help',
  unknown_command_meant: '¿Quiso decir «{suggestion}»?',
  unknown_option: 'Opción desconocida {option}: vea las opciones más abajo.',
  option_needs_value: 'La opción {option} necesita un valor.',
  option_takes_no_value: 'La opción {option} no admite ningún valor.',
  failed_unexpectedly: 'skillmark-wallet falló de forma inesperada: {detail}',
  credential_with_level: '{title} ({level})',
  credential_untitled: 'una cualificación sin título',
  credential_of_learner: '{learner}, {qualification}',
  credential_from: '{credential}, de {institution}',
  credential_from_claimed: '{credential}, de {institution} (según la propia credencial)',
  state_revoked: 'REVOCADA el {date} ({reason})',
  state_revoked_unexplained: 'REVOCADA el {date}',
  state_revoked_said: 'REVOCADA el {date}: {why}',
  state_revoked_found: 'REVOCADA (revocación detectada el {date})',
  state_expired: 'CADUCADA el {date}',
  state_valid: 'válida al comprobarla el {date}',
  state_invalid: 'NO VÁLIDA al comprobarla el {date} (vea: skillmark-wallet verify)',
  state_not_checked: 'aún sin comprobar (recibida el {date})',
  state_undecided: 'no se pudo comprobar el {date} (vea: skillmark-wallet verify)',
  untitled: '(sin título)',
  occupation_code: 'código',
  damaged_unreadable: 'la credencial no se puede leer: {detail}',
  damaged_schema: 'no corresponde al esquema de cualificaciones de Skillmark: {detail}',
  damaged_exception: 'no se puede leer ({detail})',
  item_not_stored: 'no es una credencial guardada',
  item_missing_field: 'le falta el campo «{name}»',
  item_bad_receipt: 'su comprobante de inscripción no es válido',
  item_bad_ledger_check: 'su comprobación en el registro blockchain no es válida',
  item_bad_last_check: 'su última comprobación no es válida',
  item_bad_claim_url: 'su enlace de recogida no es válido',
  say_which_credential: 'Indique qué credencial: su número o su id en «skillmark-wallet list».',
  could_not_write: 'No se pudo escribir {file} ({code}).',
  ref_ambiguous: {
    one: '«{ref}» coincide con {count} credencial; escriba más caracteres del id.',
    many: '«{ref}» coincide con {count} de credenciales; escriba más caracteres del id.',
    other: '«{ref}» coincide con {count} credenciales; escriba más caracteres del id.',
  },
  ref_unknown: 'No hay ninguna credencial «{ref}» en esta cartera. Véalas con: skillmark-wallet list',
  item_damaged:
    'El elemento {number} de esta cartera está dañado ({reason}). Elimínelo con: skillmark-wallet remove {number}',
  size_bytes: { one: '{count} byte', many: '{count} de bytes', other: '{count} bytes' },
  size_characters: { one: '{count} carácter', many: '{count} de caracteres', other: '{count} caracteres' },
  duration_seconds: { one: '{count} segundo', many: '{count} de segundos', other: '{count} segundos' },
  passphrase_prompt: 'Frase de contraseña de la cartera:',
  passphrase_repeat: 'Repita la frase de contraseña:',
  backup_passphrase_prompt: 'Frase de contraseña de la copia:',
  backup_passphrase_repeat: 'Repita la frase de contraseña de la copia:',
  passphrase_cancelled: 'Cancelado.',
  passphrase_too_short_env: 'Elija una frase de contraseña de al menos 8 caracteres ({env} es más corta).',
  passphrase_too_short: 'Elija una frase de contraseña de al menos 8 caracteres.',
  passphrase_none: 'Sin frase de contraseña: defina {env}, o ejecute esto en una terminal para que se le pida.',
  passphrase_differ: 'Las dos frases de contraseña no coinciden; no se creó nada.',
  passphrase_differ_again: 'Las dos frases de contraseña no coinciden. Vuelva a empezar.',
  wallet_none: 'No hay ninguna cartera en {dir}. Cree una con: skillmark-wallet init',
  wallet_not_json: '{file} no es un archivo de cartera (no es JSON).',
  wallet_wrong_format: '{file} no es una cartera de Skillmark (formato {format}).',
  wallet_wrong_passphrase: 'Frase de contraseña incorrecta, o {file} está dañado o fue manipulado.',
  wallet_tampered: '{file} está dañado o fue manipulado: {what}.',
  tampered_header: 'sus parámetros de derivación de clave o su encabezado no son válidos',
  tampered_not_json: 'su contenido no es JSON',
  tampered_not_wallet: 'su contenido no es una cartera',
  tampered_did: 'su DID no es el de su clave',
  wallet_replaced: 'Otra cartera reemplazó a {file} mientras se ejecutaba este comando; no se cambió nada.',
  wallet_busy: 'Otro comando de skillmark-wallet está modificando {file}; vuelva a intentarlo en un momento.',
  http_too_large: '{origin} envió una respuesta de más de {size}; la cartera dejó de leerla. Compruebe la dirección.',
  http_too_slow:
    '{origin} no respondió por completo en {duration}; la cartera desistió. Vuelva a intentarlo más tarde.',
  http_broke_off: '{origin} cortó su respuesta. Vuelva a intentarlo más tarde.',
  http_unreachable:
    'No se puede contactar con {origin} ({cause}). Compruebe la dirección y su conexión a Internet y vuelva a intentarlo.',
  http_cause_refused: 'nada responde en esa dirección: puede que el servicio esté detenido',
  http_cause_unknown_name: 'ese nombre no se conoce: compruebe cómo está escrito',
  http_not_json: '{origin} respondió con algo que no es JSON (HTTP {status}).',
  setting_out_of_range: '{name} debe ser un número entero de {min} a {max}, no «{value}».',
  check_not_remembered: 'No se pudo guardar esta comprobación en la cartera: {detail}',
  verifier_refused: 'El servicio de verificación rechazó la solicitud (HTTP {status}): {detail}',
  no_reason_given: 'sin motivo indicado',
  verdict_valid: 'VÁLIDA',
  verdict_invalid: 'NO VÁLIDA',
  verdict_unverifiable: 'NO SE PUEDE SABER POR AHORA',
  overall_valid: 'VÁLIDA: se superaron todas las comprobaciones.',
  overall_invalid: 'NO VÁLIDA: al menos una comprobación falló.',
  overall_unverifiable: 'NO SE PUEDE SABER POR AHORA: algunas comprobaciones no se pudieron completar.',
  mark_valid: 'ok',
  mark_invalid: 'NO',
  verified_subject: '{credential}: {verdict}',
  details_issued_by: 'Detalles: emitida por {issuers}',
  init_exists: 'Ya hay una cartera en {dir}. Vea su DID con: skillmark-wallet did',
  init_ready: 'Su cartera está lista.',
  init_did: 'Su DID (entrégueselo a su centro de formación): {did}',
  init_stored_in: 'Guardada en: {dir}',
  receive_say_what: 'Indique qué recoger: un enlace de recogida, un código de recogida o un archivo.',
  receive_wait_range: '--wait admite un número de segundos de 0 a 3600.',
  receive_not_a_source:
    '«{ref}» no es un enlace de recogida, ni un código de recogida (como ABCD-EFGH-JKMN-PQRS-TVWX), ni un archivo.',
  receive_refused: 'El centro de formación no pudo entregar la credencial: {detail}',
  receive_code_unknown:
    'Ninguna credencial corresponde a este código de recogida. Compárelo carácter por carácter con su certificado o pida uno nuevo a la institución.',
  receive_code_expired: 'Este código de recogida ha caducado. Pida uno nuevo a la institución.',
  receive_revoked: 'La institución revocó esta credencial: no hay nada que recoger.',
  receive_too_many_tries: 'Demasiados códigos erróneos desde este ordenador. Espere {duration} y vuelva a intentarlo.',
  receive_not_ready:
    'La credencial aún no está lista: espera a inscribirse en el registro blockchain. Vuelva a intentarlo en un minuto (o añada --wait 120).',
  receive_waiting: 'Esperando a que la credencial se inscriba en el registro blockchain...',
  receive_not_a_file: '{file} no es un archivo de credencial (no es un archivo de como máximo {size}).',
  receive_not_json: '{file} no es un archivo de credencial JSON.',
  receive_stored: 'Recibida y guardada como {id}:',
  receive_already: 'Ya tiene esta credencial ({id}):',
  bundle_not_skillmark: 'Esto no es una credencial de Skillmark (se esperaba un SkillmarkCredentialBundle).',
  bundle_unreadable: 'La credencial no se puede leer: {detail}',
  bundle_schema:
    'La credencial no corresponde al esquema de cualificaciones de Skillmark, así que no se guardó: {detail}',
  bundle_signature: 'La firma de la credencial no es válida: {detail}',
  bundle_other_subject:
    'Esta credencial se emitió a {subject}, no a esta cartera ({did}). Pida a la institución que la emita a su DID.',
  bundle_no_subject:
    'Esta credencial no indica el DID de ningún alumno, así que no se puede presentar desde una cartera. Entregue su DID a la institución: {did}',
  bundle_bad_receipt: 'El comprobante de inscripción no es válido: {detail}',
  bundle_receipt_other: 'El comprobante de inscripción no pertenece a esta credencial.',
  list_empty: 'Su cartera está vacía. Recoja una credencial con: skillmark-wallet receive <enlace-de-recogida>',
  list_count: {
    one: 'Su cartera contiene {count} credencial:',
    many: 'Su cartera contiene {count} de credenciales:',
    other: 'Su cartera contiene {count} credenciales:',
  },
  list_damaged_word: 'dañado',
  list_damaged: '{reason} (elimínelo con: skillmark-wallet remove {number})',
  show_damaged_word: 'Dañado',
  show_damaged: '{damaged}: el elemento {number} de esta cartera no se puede mostrar: {reason}.',
  show_remove_hint: 'Elimínelo con: skillmark-wallet remove {number}',
  show_state: 'Situación',
  show_learner: 'Otorgada a',
  show_qualification: 'Cualificación',
  show_awarded_on: 'Otorgada el',
  show_level: 'Nivel',
  show_occupation: 'Ocupación',
  show_competencies: 'Competencias',
  show_criteria: 'Criterios',
  show_institution: 'Institución',
  show_issued_at: 'Emitida el',
  show_expires: 'Caduca',
  show_on_ledger: 'Registro',
  show_id: 'Id',
  show_issuer_did: 'DID del emisor',
  show_details: 'Detalles (para expertos):',
  show_institution_unnamed:
    'aún sin nombre (un servicio de verificación lo toma de su directorio: skillmark-wallet verify {number})',
  show_institution_registry: '{name} (según el directorio de confianza)',
  show_institution_claimed: '{name} (según la propia credencial; ningún servicio de verificación lo ha confirmado aún)',
  show_expires_never: 'nunca',
  show_ledger_checked:
    'inscrita desde el {anchoredAt} (comprobado por {by} el {checkedAt}; cadena {chainId}, transacción {transaction}…)',
  show_ledger_not_checked:
    'comprobante de inscripción aún sin comprobar (compruébelo con: skillmark-wallet verify {number})',
  show_ledger_none: 'sin comprobante de inscripción',
  status_nothing: 'No hay ninguna credencial que comprobar en esta cartera.',
  share_say_where: 'Indique dónde escribirla: skillmark-wallet share <número> --out <archivo>',
  share_written: 'Credencial {id} escrita en {file}:',
  share_how: 'Un empleador la abre en una página de verificación de Skillmark o la envía a POST /credentials/verify.',
  share_no_receipt:
    'No tiene comprobante de inscripción, así que un servicio de verificación no puede encontrarla en el registro blockchain: recójala de nuevo cuando esté inscrita.',
  certificate_say_where: 'Indique dónde escribirlo: skillmark-wallet certificate <número> --out <archivo.pdf>',
  certificate_no_claim:
    'La credencial {id} no se recogió con un código de recogida, así que la cartera no puede pedir su certificado. Pídalo a la institución o imprima su código QR: skillmark-wallet qr {ref} --png <archivo>',
  certificate_not_ready: 'El certificado aún no está listo: vuelva a intentarlo en un minuto.',
  certificate_gone:
    'La institución ya no entrega este certificado con su código de recogida (la credencial fue revocada, o el código caducó o fue sustituido). Consulte a la institución.',
  certificate_not_sent: 'La institución no envió el certificado (HTTP {status}).',
  certificate_selective:
    'Una credencial SD-JWT no tiene certificado impreso: su código QR mostraría todos sus datos a quien lo escanee. Preséntela con «present --disclose».',
  certificate_written: 'Certificado de la credencial {id} escrito en {file} ({size}).',
  qr_choose_one: 'Elija solo una de --png, --svg y --text.',
  qr_selective:
    'Una credencial SD-JWT no se convierte en código QR: mostraría todos sus datos a quien lo escanee. Preséntela con «present --disclose».',
  qr_no_receipt:
    'Esta credencial no tiene comprobante de inscripción, y un código QR sin él no se podría verificar. Recójala de nuevo cuando esté inscrita.',
  qr_too_large: 'Esta credencial es demasiado grande para un solo código QR ({size}).',
  qr_text_follows: 'Credencial {id}: código QR versión {version}. Su texto, para pegar en una página de verificación:',
  qr_images: 'Imágenes para imprimir: --png <archivo> o --svg <archivo>.',
  qr_drawn: 'Credencial {id}: código QR versión {version}. Imágenes para imprimir: --png <archivo> o --svg <archivo>.',
  qr_written: 'Código QR de la credencial {id} escrito en {file} (versión {version}, {size}).',
  present_say_which: 'Indique qué credenciales presentar: sus números o ids en «skillmark-wallet list».',
  present_out_needs_challenge: '--out necesita el --challenge del empleador.',
  present_disclose_unknown: 'Esta credencial no puede mostrar {names}. Puede mostrar: {available}.',
  present_disclose_question: '¿Mostrar {detail} ({value}) al servicio de verificación? [s/N]',
  disclose_name: 'su nombre',
  disclose_learner_reference: 'su número de alumno',
  disclose_birth_date: 'su fecha de nacimiento',
  disclose_started_on: 'la fecha de inicio de su formación',
  disclose_competency: 'la competencia {number}',
  present_selective_alone:
    'La credencial {which} le deja elegir qué mostrar (SD-JWT), así que se presenta sola: skillmark-wallet present {which}; presente las demás en otra presentación.',
  present_disclose_not_selective:
    '--disclose solo se aplica a las credenciales SD-JWT; esta credencial siempre se muestra completa.',
  present_selective_needs_domain:
    'Una presentación SD-JWT queda vinculada a su servicio de verificación: indique --domain (el del empleador) junto con --out.',
  present_written: 'Presentación escrita en {file} ({size}).',
  present_no_challenge_http: 'El servicio de verificación no dio un código de un solo uso (HTTP {status}).',
  present_no_challenge: 'El servicio de verificación no dio un código de un solo uso.',
  present_mixed_data_models:
    'Algunas de estas credenciales siguen la versión 1.1 del estándar de credenciales y otras la versión 2.0, y ninguna presentación única lleva ambas a todos los servicios de verificación: preséntelas en dos veces, un tipo cada vez.',
  export_say_where: 'Indique dónde escribir la copia: skillmark-wallet export --out <archivo>',
  export_exists: '{file} ya existe; elija otro nombre de archivo para la copia.',
  export_could_not_write: 'No se pudo escribir la copia en {file} ({code}).',
  export_written: {
    one: 'Copia de {count} credencial escrita en {file}.',
    many: 'Copia de {count} de credenciales escrita en {file}.',
    other: 'Copia de {count} credenciales escrita en {file}.',
  },
  export_damaged_left_out: {
    one: 'Se dejó fuera {count} elemento dañado (vea: skillmark-wallet list).',
    many: 'Se dejaron fuera {count} de elementos dañados (vea: skillmark-wallet list).',
    other: 'Se dejaron fuera {count} elementos dañados (vea: skillmark-wallet list).',
  },
  export_keep_away: 'Guárdela lejos de este ordenador y recuerde su frase de contraseña: nadie puede recuperarla.',
  import_say_which: 'Indique qué archivo de copia importar: skillmark-wallet import <archivo>',
  import_no_file: 'No existe el archivo {file}.',
  import_too_large: '{file} no es una copia de cartera (no es un archivo de como máximo {size}).',
  import_bad_did: '{file} está dañado: su DID no es el de su clave.',
  import_other_wallet:
    'Esta copia contiene otra cartera ({backupDid}) distinta de la de {dir} ({walletDid}).\nSus credenciales están emitidas al DID de la copia, así que solo se pueden mostrar desde esa cartera.\nImpórtela en una carpeta sin cartera: SKILLMARK_WALLET_DIR=<carpeta nueva> skillmark-wallet import {file}',
  import_restored: 'Cartera recuperada desde {file} (copia del {date}) en {dir}.',
  import_imported: '{file} importado (copia del {date}).',
  import_added: {
    one: 'Añadida: {count} credencial.',
    many: 'Añadidas: {count} de credenciales.',
    other: 'Añadidas: {count} credenciales.',
  },
  import_already_held: 'Ya estaban en su cartera y no se añadieron de nuevo: {count}.',
  import_damaged: 'Elementos dañados en la copia, dejados fuera: {count}.',
  backup_not_backup: '{file} no es una copia de cartera de Skillmark (hecha con: skillmark-wallet export).',
  backup_bad_header: '{file} está dañado: su encabezado no es válido.',
  backup_wrong_passphrase: 'Frase de contraseña de la copia incorrecta, o {file} está dañado o fue modificado.',
  backup_not_wallet: '{file} está dañado: su contenido no es una cartera.',
  remove_say_which: 'Indique qué elemento eliminar: su número o su id en «skillmark-wallet list».',
  remove_damaged_item: 'el elemento {number} (dañado: {reason})',
  remove_confirm_with_yes: 'Confirme con --yes para eliminar {what}.',
  remove_question: '¿Eliminar {what} para siempre? [s/N]',
  remove_yes_answers: 's, sí, si',
  remove_nothing: 'No se eliminó nada.',
  remove_done: 'Eliminado: {what}.',
};

export const esReport: ReportWords = {
  title: 'Principales ocupaciones de formación',
  quarter: 'Trimestre {number} de {year}',
  documentTitle: '{title}: {quarter}',
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
  swipeHint: 'Deslice la tabla hacia un lado para ver los niveles educativos y la proporción de cada ocupación.',
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

export const esCertificate: CertificateWords = {
  kicker: 'Certificado de cualificación',
  certifies: 'Se certifica que',
  awarded: 'ha obtenido la cualificación',
  level: 'Nivel: {level}',
  occupation: 'Ocupación: {occupation}',
  awardedOn: 'Otorgada el {date}',
  competencies: 'Competencias',
  competenciesContinued: 'Competencias (continuación)',
  checkHeading: 'Cómo comprobarlo',
  check:
    'Escanee el código con cualquier verificador Skillmark (o suba este PDF a uno) para ver que este certificado es auténtico y no ha sido retirado.',
  checkAt:
    'Escanee el código con el verificador Skillmark en {url} (o suba este PDF allí) para ver que este certificado es auténtico y no ha sido retirado.',
  credential: 'Credencial {shortId}',
  claimHeading: 'Para la persona titulada: obtenga la credencial digital con este código de recogida',
  claimPrivate: 'Guarde este código en privado: quien lo tenga puede obtener la credencial.',
};

export const spanish: Language = {
  name: 'Español',
  dir: 'ltr',
  messages: es,
  labels: esLabels,
  page: esPage,
  wallet: esWallet,
  report: esReport,
  certificate: esCertificate,
};
