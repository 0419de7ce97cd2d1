import type { Catalogue, Language, PageWords } from './catalogue.ts';
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
  check_signature: 'Firma',
  check_issuer_accredited: 'Institución',
  check_anchored: 'Inscripción en el registro',
  check_not_revoked: 'Revocación',
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
  claim_not_ready: 'Todavía no está lista: la institución la está registrando. Vuelva a intentarlo en unos minutos.',
  claim_code_unknown:
    'Este código de recogida no existe. Revíselo carácter por carácter o pida uno nuevo a la institución.',
  claim_code_expired: 'Este código de recogida ha caducado. Pida uno nuevo a la institución.',
  claim_code_revoked: 'La institución revocó esta credencial: no hay nada que recoger.',
  claim_too_many_tries: 'Demasiados códigos erróneos desde aquí. Espere {seconds} segundos y vuelva a intentarlo.',
};

export const spanish: Language = { name: 'Español', dir: 'ltr', messages: es, labels: esLabels, page: esPage };
