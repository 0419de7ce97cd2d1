import type { Catalogue, Language, PageWords } from './catalogue.ts';
import type { Labels } from './labels.ts';

/**
 * French. Terms: credential = attestation; presentation = présentation; ledger = registre blockchain;
 * registry (of accredited institutions) = répertoire de confiance; anchor = enregistrer /
 * reçu d'enregistrement; batch = lot; issuer = émetteur; verifier = ce service de vérification;
 * challenge = code à usage unique; token = jeton.
 */
export const fr: Catalogue = {
  well_formed: "L'attestation est une attestation signée et correctement structurée ({format}).",
  presentation_well_formed: 'La présentation est une présentation signée et correctement structurée ({format}).',
  credential_format_unsupported:
    'La présentation contient une attestation dans un format que ce service de vérification ne sait pas contrôler ({format}).',
  signature_valid: "L'attestation a été signée par {issuer} et n'a pas été modifiée depuis.",
  presentation_signature_valid: 'La présentation a été signée par {holder}.',
  malformed_jws: "L'attestation n'est pas un jeton signé correctement structuré : {detail}.",
  malformed_credential: "Le jeton ne contient pas d'attestation vérifiable : {detail}.",
  malformed_presentation: 'Le jeton ne contient pas de présentation vérifiable : {detail}.',
  alg_not_allowed: "La signature utilise l'algorithme « {alg} », qui n'est pas accepté pour cette clé.",
  unsupported_did_method:
    "L'identifiant du signataire ({did}) utilise une méthode DID que ce service de vérification ne prend pas en charge.",
  did_not_found: "L'identifiant du signataire ({did}) est introuvable.",
  key_not_found: "La clé de signature indiquée dans le jeton n'appartient pas à {did}.",
  did_resolution_failed: "L'identifiant du signataire ({did}) ne peut pas être consulté pour le moment.",
  did_web_issuer_not_listed:
    "Le document did:web de l'émetteur ({did}) n'a pas été récupéré : aucun répertoire de confiance ne mentionne cet émetteur, ou aucun n'a pu être consulté.",
  did_web_holder_refused:
    'Ce service de vérification ne consulte pas les titulaires did:web ({did}) ; signez la présentation avec un autre DID.',
  https_issuer_not_listed:
    "Le document de contrôleur de l'URL de l'émetteur ({did}) n'a pas été récupéré : aucun répertoire de confiance ne mentionne cet émetteur, ou aucun n'a pu être consulté.",
  https_holder_refused:
    'Ce service de vérification ne consulte pas les titulaires identifiés par une URL https ({did}) ; signez la présentation avec un DID.',
  signature_invalid:
    "La signature ne correspond pas : le contenu a été modifié après la signature, ou quelqu'un d'autre l'a signé.",
  issuer_accredited: '{name} est un établissement accrédité inscrit au répertoire de confiance.',
  issuer_accredited_then:
    '{name} avait une accréditation valide lorsque cette attestation a été enregistrée ; statut actuel de cette accréditation : « {status} ».',
  issuer_not_accredited:
    "L'émetteur ({issuer}) n'est inscrit comme établissement accrédité dans aucun répertoire de confiance.",
  issuer_not_accredited_now:
    "{name} a le statut « {status} » dans le répertoire, et cette attestation n'a pas été enregistrée pendant sa période d'accréditation.",
  anchored: "L'attestation est enregistrée dans le registre blockchain (chaîne {chainId}) depuis le {anchoredAt}.",
  receipt_missing:
    "Aucun reçu d'enregistrement n'accompagne l'attestation : on ne peut donc pas prouver qu'elle a été enregistrée dans le registre blockchain.",
  receipt_malformed: "Le reçu d'enregistrement n'est pas correctement structuré : {detail}.",
  receipt_for_other_credential: "Le reçu d'enregistrement correspond à une autre attestation.",
  proof_mismatch:
    "La preuve contenue dans le reçu d'enregistrement ne correspond pas au lot enregistré : l'attestation ou le reçu a été modifié.",
  root_not_anchored: "Le lot indiqué dans le reçu n'a jamais été enregistré dans le registre blockchain.",
  anchored_by_another_institution:
    "Le lot a été enregistré dans le registre blockchain par un autre établissement, et non par l'émetteur.",
  untrusted_registry:
    'Le reçu renvoie à un répertoire que ce service de vérification ne reconnaît pas comme fiable (chaîne {chainId}, {registry}).',
  ledger_unreachable: "Le registre blockchain n'a pas pu être consulté pour le vérifier ; réessayez plus tard.",
  ledger_lagging:
    "Le nœud du registre blockchain consulté n'est pas à jour (son dernier bloc, {blockNumber}, date du {headAt}) ; réessayez plus tard.",
  not_revoked: "L'établissement n'a pas révoqué cette attestation.",
  revoked: "L'établissement a révoqué cette attestation le {revokedAt} (motif : {reasonName}).",
  revocation_needs_issuer:
    "L'émetteur ne figure dans aucun répertoire de confiance : aucune révocation de sa part ne peut donc être recherchée.",
  signing_key_not_reported: "L'établissement n'a pas signalé sa clé de signature comme compromise.",
  signing_key_compromised_after_anchor:
    'La clé de signature a été signalée compromise à partir du {compromisedSince} ; cette attestation a été enregistrée le {anchoredAt}, avant cette date : elle reste valable.',
  signing_key_compromised_before_anchor:
    "La clé de signature a été signalée compromise à partir du {compromisedSince}, et cette attestation n'a été enregistrée que le {anchoredAt} : la personne qui a volé la clé a pu la fabriquer.",
  signing_key_compromised_unanchored:
    'La clé de signature a été signalée compromise à partir du {compromisedSince}, et aucun enregistrement dans le registre blockchain ne prouve que cette attestation existait avant cette date.',
  signing_key_needs_issuer:
    "Impossible de vérifier si la clé de signature a été signalée compromise : l'émetteur ne figure dans aucun répertoire de confiance.",
  within_validity_period: "L'attestation est dans sa période de validité.",
  presentation_within_validity_period: 'La présentation est dans sa période de validité.',
  presentation_not_yet_valid: "La présentation n'est pas valable avant le {validFrom}.",
  presentation_expired: 'La présentation a expiré le {validUntil} ; demandez-en une nouvelle.',
  not_yet_valid: "L'attestation n'est pas valable avant le {validFrom}.",
  expired: "L'attestation a expiré le {validUntil}.",
  schema_valid: "Le contenu de l'attestation correspond au schéma qu'elle déclare.",
  schema_mismatch: "Le contenu de l'attestation ne correspond pas au schéma qu'elle déclare : {detail}.",
  schema_unknown:
    "L'attestation déclare un schéma que ce service de vérification ne connaît pas ({schema}) ; son contenu n'a pas été vérifié.",
  schema_not_declared: "L'attestation ne déclare aucun schéma ; son contenu n'a donc pas été comparé à un schéma.",
  no_credentials:
    'La présentation ne contient aucune attestation : elle montre seulement que le titulaire contrôle son identifiant.',
  holder_is_subject: "La personne qui présente l'attestation est bien celle à qui elle a été délivrée.",
  holder_is_not_subject: "La présentation a été signée par {holder}, mais l'attestation a été délivrée à {subject}.",
  subject_has_no_did:
    "L'attestation n'indique aucun DID pour l'apprenant : elle ne peut donc pas être rattachée à la personne qui la présente.",
  holder_not_checked:
    "La personne qui présente l'attestation n'a pas été vérifiée : comparez le nom avec celui d'une pièce d'identité.",
  challenge_valid: 'La présentation répond au code à usage unique de ce service de vérification.',
  challenge_missing:
    "La présentation ne contient aucun code à usage unique ; il pourrait s'agir d'une ancienne présentation réutilisée.",
  challenge_mismatch: 'La présentation a été faite pour un autre code à usage unique.',
  challenge_unknown: "Ce code à usage unique n'a pas été émis par ce service de vérification.",
  challenge_expired: "Le code à usage unique a expiré avant l'arrivée de la présentation.",
  challenge_already_used:
    "Ce code à usage unique a déjà été utilisé : il s'agit d'une présentation déjà envoyée, réutilisée.",
  domain_mismatch: 'La présentation a été faite pour un autre service de vérification ({domain}).',
  challenge_needs_signature:
    "Le code à usage unique n'a pas été vérifié, car la signature de la présentation n'est pas valide.",
  challenge_not_pinned:
    "La demande n'indique pas le code à usage unique remis au titulaire (« options.challenge ») : un code de ce service de vérification a pu être relayé par un tiers, la présentation n'est donc pas acceptée.",
  challenge_valid_audience_unchecked:
    "La présentation répond au code à usage unique indiqué ; elle est adressée à {audience}, ce qui n'a pas été vérifié (pas de « options.domain »).",
  trust_bundle_used:
    "Vérifié d'après le paquet de confiance du {date} (vieux de {ageHours} heures), et non sur le registre blockchain en direct : une révocation ou un changement postérieur à cette date ne peut pas être connu ici.",
  trust_bundle_aging:
    "Vérifié d'après le paquet de confiance du {date}, vieux de {ageHours} heures : procurez-vous-en un plus récent avant le {unusableFrom}, date à laquelle il cessera de répondre. Une révocation ou un changement postérieur à cette date ne peut pas être connu ici.",
  trust_bundle_too_old:
    'Le registre blockchain est injoignable, et le paquet de confiance du {date} (vieux de {ageHours} heures) ne répond plus depuis le {unusableFrom} : procurez-vous un paquet plus récent ou une connexion au registre.',
  trust_bundle_standby:
    "Le registre blockchain a répondu. Le paquet de confiance gardé pour le cas où il serait injoignable date du {date} (vieux de {ageHours} heures) et répond jusqu'au {unusableFrom}.",
  trust_bundle_standby_aging:
    "Le registre blockchain a répondu. Le paquet de confiance gardé pour le cas où il serait injoignable date du {date} (vieux de {ageHours} heures) et ne répond que jusqu'au {unusableFrom} : installez-en un plus récent d'ici là.",
};

export const frLabels: Labels = {
  accredited: 'accréditée',
  suspended: 'suspendue',
  withdrawn: 'retirée',
  unspecified: 'non précisé',
  issuedInError: 'délivrée par erreur',
  fraud: 'fraude',
  superseded: 'remplacée',
  withdrawnByAssessmentBody: "retirée par l'organisme d'évaluation",
};

export const frPage: PageWords = {
  page_title: 'Vérifier une attestation de compétences',
  page_intro:
    "Scannez le code QR d'un certificat ou d'un téléphone, ou déposez le certificat, pour savoir s'il est authentique et qui l'a délivré.",
  language_label: 'Langue',
  scan_button: 'Scanner le code QR avec la caméra',
  scan_stop: 'Arrêter la caméra',
  scan_hint: "Tenez le code QR immobile dans l'image, à environ une main de la caméra.",
  scan_starting: 'Démarrage de la caméra…',
  scan_no_camera: "La caméra n'a pas pu démarrer. Prenez plutôt une photo du code QR et déposez-la ci-dessous.",
  scan_timeout:
    "Aucun code QR n'a été trouvé. Approchez-vous, évitez les reflets, ou déposez plutôt une photo du code QR.",
  file_label: 'Déposer un fichier',
  file_hint:
    "Une photo ou une capture d'écran du code QR, le certificat en PDF, ou un fichier d'attestation tiré d'un portefeuille.",
  paste_label: 'Ou collez le texte',
  paste_hint: 'Le texte du code QR (il commence par SM1:), ou un jeton d’attestation.',
  check_button: 'Vérifier',
  checking: 'Vérification…',
  reading: 'Lecture du fichier…',
  read_no_qr:
    "Aucun code QR n'a été trouvé sur cette image. Essayez une photo plus nette, avec tout le code et sans reflet.",
  read_pdf_no_code:
    "Ce PDF ne contient aucune attestation Skillmark. Déposez le certificat PDF tel que l'établissement l'a délivré, ou une photo de son code QR.",
  read_unknown_file:
    "Cette page ne sait pas vérifier ce fichier. Déposez une photo du code QR, le certificat PDF ou un fichier d'attestation.",
  read_empty: "Rien à vérifier pour l'instant : scannez, déposez ou collez d'abord une attestation.",
  decoder_failed:
    "Le lecteur de codes QR n'a pas pu être chargé. Collez plutôt le texte du code QR, ou essayez un autre navigateur.",
  verdict_valid: 'Valide',
  verdict_valid_text: "L'attestation est authentique et tous les contrôles sont réussis.",
  verdict_invalid: 'Non valide',
  verdict_invalid_text: "N'acceptez pas cette attestation. La raison est indiquée ci-dessous.",
  verdict_tampered_text:
    "Ce document a été modifié après sa délivrance, ou il n'est pas authentique. Ne l'acceptez pas.",
  verdict_unverifiable: 'Impossible de conclure pour le moment',
  verdict_unverifiable_text:
    "Certains contrôles n'ont pas pu être faits. Cela ne veut pas dire que l'attestation est fausse.",
  next_steps_title: 'Que faire maintenant',
  next_steps_retry: "Réessayez dans quelques minutes : le registre des attestations n'a pas pu être joint.",
  next_steps_ask:
    "Si cela se reproduit, demandez le certificat PDF à la personne, ou contactez l'établissement qui l'a délivré.",
  summary_title: "Ce que dit l'attestation",
  field_learner: 'Titulaire',
  field_qualification: 'Qualification',
  field_level: 'Niveau',
  field_occupation: 'Métier',
  field_awarded: 'Délivrée le',
  field_institution: 'Établissement',
  institution_listed: 'inscrit dans « {registry} »',
  institution_unlisted: 'inscrit dans aucun répertoire de confiance',
  not_stated: 'non indiqué',
  checks_title: 'Ce qui a été contrôlé',
  status_valid: 'Réussi',
  status_invalid: 'Échoué',
  status_unverifiable: 'Non vérifiable',
  status_skipped: 'Non contrôlé',
  signature_plain: "L'établissement a signé cette attestation, et rien n'y a été modifié depuis.",
  check_structure: 'Format',
  check_signature: 'Signature',
  check_issuer_accredited: 'Établissement',
  check_anchored: 'Enregistrement',
  check_not_revoked: 'Révocation',
  check_signing_key: 'Clé de signature',
  check_validity_period: 'Dates',
  check_schema: 'Contenu',
  check_holder: 'Personne qui la présente',
  check_presentation_signature: 'Signature du titulaire',
  check_challenge: 'Code à usage unique',
  check_presentation_validity: 'Dates de la présentation',
  check_holder_binding: 'Titulaire',
  check_credentials: 'Attestations contenues',
  check_credential_format: "Format de l'attestation",
  credential_number: 'Attestation {number}',
  details_title: 'Détails pour les spécialistes',
  problem_unreadable:
    "Ce n'est pas une attestation Skillmark, ou une partie manque. Scannez-la ou déposez-la à nouveau.",
  problem_too_large: 'Ceci est trop volumineux pour être une attestation.',
  problem_busy: 'Trop de vérifications depuis cet endroit en peu de temps. Attendez une minute, puis réessayez.',
  problem_offline: "Le service de vérification n'a pas pu être joint. Vérifiez la connexion, puis réessayez.",
  check_another: 'Vérifier une autre attestation',
  noscript:
    'Cette page a besoin de JavaScript pour lire les codes QR et les fichiers. Il est désactivé dans votre navigateur.',
  privacy_note: 'Rien de ce que vous vérifiez n’est conservé : ni cookies, ni pistage.',
  claim_title: 'Votre attestation',
  claim_save_qr: "Enregistrer l'image du code QR",
  claim_download_pdf: 'Télécharger le certificat (PDF)',
  claim_show_employer: "Montrez ce code à un employeur : il peut le vérifier sans appeler l'établissement.",
  claim_not_ready: "Pas encore prête : l'établissement est en train de l'enregistrer. Réessayez dans quelques minutes.",
  claim_code_unknown:
    "Ce code de retrait est inconnu. Vérifiez-le caractère par caractère, ou demandez-en un nouveau à l'établissement.",
  claim_code_expired: "Ce code de retrait a expiré. Demandez-en un nouveau à l'établissement.",
  claim_code_revoked: "L'établissement a révoqué cette attestation : il n'y a rien à retirer.",
  claim_too_many_tries: 'Trop de codes erronés depuis cet endroit. Attendez {seconds} secondes, puis réessayez.',
};

export const french: Language = { name: 'Français', dir: 'ltr', messages: fr, labels: frLabels, page: frPage };
