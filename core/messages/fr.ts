import type { Catalogue, CertificateWords, Language, PageWords, ReportWords, WalletWords } from './catalogue.ts';
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
  context_unknown:
    "L'attestation s'appuie sur un vocabulaire (contexte JSON-LD {url}) que ce service de vérification ne possède pas : sa signature ne peut donc pas être contrôlée, et ce service n'en télécharge jamais.",
  jsonld_invalid:
    "Le contenu de l'attestation ne peut pas être interprété de façon sûre : il emploie un terme que ses vocabulaires (contextes JSON-LD) ne définissent pas, ou ce n'est pas du JSON-LD valide.",
  cryptosuite_unsupported:
    "L'attestation est protégée par un type de preuve que ce service de vérification ne sait pas contrôler ({cryptosuite}).",
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
  status_list_clear:
    "La liste de statuts de l'établissement ({source}) n'indique pas cette attestation comme révoquée, et c'est bien la liste que l'établissement a enregistrée sur le registre blockchain.",
  status_list_revoked:
    "L'établissement a révoqué cette attestation : sa liste de statuts signée ({source}) l'indique comme révoquée.",
  status_list_absent:
    "L'attestation ne renvoie à aucune liste de statuts ; l'enregistrement des révocations sur le registre blockchain la couvre.",
  status_entry_malformed: "L'entrée de liste de statuts de l'attestation est mal formée : {detail}.",
  status_list_unreachable:
    "La liste de statuts de l'établissement ({source}) n'a pas pu être récupérée pour le moment ; réessayez plus tard.",
  status_list_unreachable_record_answers:
    "La liste de statuts de l'établissement ({source}) n'a pas pu être récupérée pour le moment ; l'enregistrement des révocations sur le registre blockchain, tenu à côté de la liste, répond pour cette attestation.",
  status_list_never_revoked:
    "La liste de statuts de l'établissement ({source}) n'a pas pu être récupérée pour le moment, mais le registre blockchain montre que l'établissement n'y a jamais rien révoqué : cette attestation n'est pas révoquée.",
  status_list_unverifiable: "La liste de statuts ({source}) n'est pas une liste signée par l'émetteur : {detail}.",
  status_list_mismatch:
    "La liste de statuts ({source}) n'est pas celle que l'établissement a enregistrée sur le registre blockchain : elle est peut-être périmée ou modifiée ; réessayez plus tard.",
  status_list_needs_ledger:
    "La liste de statuts ({source}) n'a pas pu être comparée au registre blockchain, qui est injoignable ; le contrôle de l'enregistrement des révocations répond pour cette attestation.",
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
  disclosure_digest_mismatch:
    "Une information montrée de l'attestation ne correspond pas à ce que l'émetteur a signé : elle a été modifiée ou ajoutée après coup.",
  disclosure_duplicated: "Une information montrée de l'attestation figure deux fois : l'attestation a été falsifiée.",
  key_binding_missing:
    "La présentation ne porte pas la signature de la clé de l'apprenant (liaison de clé) : n'importe qui en possédant une copie a pu l'envoyer.",
  key_binding_mismatch: "La signature de l'apprenant porte sur d'autres informations que celles qui sont montrées.",
  holder_key_not_bound: "La présentation n'a pas été signée avec la clé à laquelle l'attestation est liée.",
  key_binding_stale:
    "La signature de l'apprenant date de {issuedAt}, il y a trop longtemps ; demandez une nouvelle présentation.",
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
  file_choose: 'Choisir un fichier',
  file_none: 'Aucun fichier choisi',
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
  verdict_unreadable: 'Illisible',
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
  field_criteria: 'Conditions remplies',
  field_skills: 'Compétences',
  field_issuer_profile: "Émetteur, tel que l'attestation le nomme",
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
  // A check's line: its name and how it went, with the language's own colon.
  check_line: '{check} : {status}',
  check_signature: 'Signature',
  check_issuer_accredited: 'Établissement',
  check_anchored: 'Enregistrement',
  check_not_revoked: 'Révocation',
  check_status_list: 'Liste de statuts',
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
  claim_wallet_only:
    "Vous choisissez ce que chaque employeur voit de cette attestation : elle n'a donc ni code QR ni certificat imprimé. Récupérez-la avec votre portefeuille : {command}",
  claim_not_ready: "Pas encore prête : l'établissement est en train de l'enregistrer. Réessayez dans quelques minutes.",
  claim_code_unknown:
    "Ce code de retrait est inconnu. Vérifiez-le caractère par caractère, ou demandez-en un nouveau à l'établissement.",
  claim_code_expired: "Ce code de retrait a expiré. Demandez-en un nouveau à l'établissement.",
  claim_code_revoked: "L'établissement a révoqué cette attestation : il n'y a rien à retirer.",
  claim_too_many_tries: 'Trop de codes erronés depuis cet endroit. Attendez {seconds} secondes, puis réessayez.',
};

/** The wallet's words (every key of `enWallet` in en.ts; plurals with the forms Intl.PluralRules uses for this language). */
export const frWallet: WalletWords = {
  help_intro: 'skillmark-wallet : gardez vos attestations de qualification et montrez-les aux employeurs.',
  help_usage: 'Utilisation : {usage}',
  help_main_usage: 'skillmark-wallet <commande> [options]',
  help_commands: 'Commandes :',
  help_common_options: 'Options de toutes les commandes :',
  help_options: 'Options :',
  help_value: 'valeur',
  help_environment: 'Environnement :',
  help_exit_codes:
    "Codes de sortie : 0 terminé / valide, 1 erreur, 2 mauvaise utilisation, 3 attestation pas encore prête,\n                  4 vérifiée et NON valide, 5 le service de vérification n'a pas pu trancher pour l'instant,\n                  6 un serveur a envoyé trop de données ou trop lentement (rien n'a été enregistré).",
  help_start: 'Pour commencer :  skillmark-wallet init',
  help_one_command: "Aide d'une commande :  skillmark-wallet <commande> --help",
  env_wallet_dir: 'où se trouve le portefeuille (par défaut ~/.skillmark-wallet)',
  env_passphrase: 'la phrase secrète, pour les scripts (sinon elle vous est demandée)',
  env_issuer: 'émetteur utilisé pour les codes de retrait',
  env_verifier: 'service de vérification utilisé par present et verify',
  env_max_bytes: "plus grande réponse lue d'un serveur (par défaut 2 Mio)",
  env_timeout: 'temps accordé à chaque réponse complète, en secondes (par défaut 20)',
  env_lang: 'la langue, comme --lang (sinon LC_ALL, LC_MESSAGES ou LANG)',
  opt_json: 'afficher un seul document JSON (pour les scripts) au lieu de phrases',
  opt_plain:
    "sans couleur, sans dessin ni symbole, pour les lecteurs d'écran et les vieux terminaux (NO_COLOR=1 : sans couleur)",
  opt_lang: 'la langue des réponses : {languages}',
  opt_help: "afficher l'aide",
  opt_verifier: 'adresse du service de vérification (par défaut {verifier})',
  opt_issuer: "adresse de l'émetteur pour les codes de retrait (par défaut {issuer})",
  opt_wait: "secondes d'attente tant que l'attestation n'est pas encore enregistrée (par défaut 30)",
  opt_out_pdf: 'le fichier PDF à écrire',
  opt_out_backup: 'le fichier de sauvegarde à écrire (il ne doit pas encore exister)',
  opt_out_share: 'le fichier à écrire (JSON)',
  opt_out_presentation: "écrire la présentation signée dans ce fichier au lieu de l'envoyer",
  opt_disclose:
    "pour une attestation SD-JWT : les informations à montrer, séparées par des virgules (name, learnerReference, startedOn, competency:2, competencies) ; les autres restent cachées. Sans cette option, le portefeuille demande information par information dans un terminal ; ailleurs, seul ce qui est toujours montré est envoyé (la qualification, son niveau et sa date d'obtention)",
  opt_challenge: "le code à usage unique que l'employeur vous a donné",
  opt_domain:
    'le domaine du service de vérification auquel lier la présentation (par défaut : son hôte ; aucun avec --out)',
  opt_png: 'écrire le code QR dans ce fichier, en image PNG',
  opt_svg: 'écrire le code QR dans ce fichier, en image SVG',
  opt_text: 'afficher le texte que contient le code QR au lieu de le dessiner',
  opt_yes: 'supprimer sans demander',
  summary_init: 'Créer votre portefeuille et votre identifiant personnel (DID)',
  summary_did: 'Afficher votre DID',
  summary_receive: 'Retirer une attestation avec un lien de retrait, un code de retrait ou un fichier',
  summary_list: 'Lister les attestations de votre portefeuille',
  summary_show: 'Présenter une attestation en termes simples',
  summary_status: 'Vérifier chaque attestation auprès du registre blockchain : valide, révoquée ou expirée',
  summary_share: "Écrire une attestation dans un fichier qu'un employeur peut vérifier sans vous",
  summary_certificate: "Télécharger le certificat imprimable (PDF) d'une attestation auprès de l'établissement",
  summary_present: 'Montrer des attestations à un employeur ou à un bureau (une présentation signée)',
  summary_qr: "Afficher une attestation sous forme d'un code QR qu'un employeur peut scanner",
  summary_verify: "Faire vérifier l'une de vos attestations par un service de vérification",
  summary_export: 'Écrire une sauvegarde chiffrée de votre portefeuille dans un fichier',
  summary_import: 'Restaurer une sauvegarde, sur cet ordinateur ou un autre (rien n’est doublé)',
  summary_remove: 'Supprimer une attestation (ou un élément endommagé) de votre portefeuille',
  usage_init: 'skillmark-wallet init',
  usage_did: 'skillmark-wallet did',
  usage_receive:
    'skillmark-wallet receive <lien-de-retrait | code-de-retrait | fichier> [--issuer URL] [--wait SECONDES]',
  usage_list: 'skillmark-wallet list [--json]',
  usage_show: 'skillmark-wallet show <numéro | id> [--json]',
  usage_status: 'skillmark-wallet status [--verifier URL]',
  usage_share: 'skillmark-wallet share <numéro | id> --out <fichier> [--disclose INFOS]',
  usage_certificate: 'skillmark-wallet certificate <numéro | id> --out <fichier.pdf>',
  usage_present:
    'skillmark-wallet present <numéro | id>... [--verifier URL] [--challenge CODE] [--domain DOMAINE] [--out FICHIER] [--disclose INFOS]',
  usage_qr: 'skillmark-wallet qr <numéro | id> [--png <fichier> | --svg <fichier> | --text] [--json]',
  usage_verify: 'skillmark-wallet verify <numéro | id> [--verifier URL]',
  usage_export: 'skillmark-wallet export --out <fichier>',
  usage_import: 'skillmark-wallet import <fichier-de-sauvegarde>',
  usage_remove: 'skillmark-wallet remove <numéro | id> [--yes]',
  details_init:
    "Crée un fichier de portefeuille chiffré et un nouveau DID (did:key). Donnez ce DID à votre centre de\nformation pour que vos attestations soient émises à votre nom. La phrase secrète protège le\nportefeuille : sans elle, personne, pas même vous, ne peut l'ouvrir.",
  details_did:
    'Affiche le DID de ce portefeuille. La phrase secrète est demandée : seule la clé scellée garantit le\nDID, car quiconque peut modifier le fichier du portefeuille pourrait changer la copie en clair.',
  details_receive:
    "Télécharge l'attestation, vérifie qu'elle est signée, émise pour VOTRE DID et enregistrée, puis la\nrange dans votre portefeuille. Un code de retrait est retiré auprès de --issuer (ou SKILLMARK_ISSUER_URL).\nTant que l'attestation n'est pas encore enregistrée, redemande au plus une fois par seconde, pendant\n--wait secondes. Un serveur qui envoie plus de 2 Mio ou met plus de 20 s à répondre l'arrête\n(code de sortie 6).",
  details_list:
    'Affiche chaque attestation avec son numéro et son identifiant court (utilisables avec les autres\ncommandes), qui et quoi elle concerne, et où elle en est : valide, révoquée (quand et pourquoi),\nexpirée, ou pas encore vérifiée (ou sans verdict), selon la dernière vérification. « skillmark-wallet status »\nles vérifie toutes à nouveau. Un élément illisible apparaît comme « endommagé » ; supprimez-le avec :\nskillmark-wallet remove <numéro>.',
  details_show:
    "Indique qui et quoi concerne l'attestation, quel établissement l'a émise, où elle en est (selon la\ndernière vérification) et si un service de vérification l'a trouvée dans le registre blockchain ;\n« skillmark-wallet verify » la vérifie à nouveau et retient la réponse. Les DID et autres\nidentifiants viennent à la fin, dans les détails.",
  details_status:
    "Fait vérifier chaque attestation du portefeuille par le service de vérification, qui interroge le\nregistre blockchain : l'établissement l'a-t-il révoquée, a-t-elle expiré, est-elle toujours\nenregistrée. Affiche une ligne par attestation et retient chaque réponse pour « skillmark-wallet list ».\nCode de sortie 0 si toutes sont valides, 4 si l'une n'est pas valide, 5 si l'une n'a pas pu être\nvérifiée pour l'instant.",
  details_share:
    "Écrit l'attestation et son reçu d'enregistrement dans un fichier à envoyer ou à apporter à un\nemployeur : il l'ouvre sur une page de vérification Skillmark (en téléversant le fichier), ou\nl'envoie tel quel à un service de vérification (POST /credentials/verify) ; rien d'autre n'est\nnécessaire, ni de vous ni de l'établissement. Le fichier prouve l'attestation, pas l'identité de\nla personne qui le remet : apportez une pièce d'identité au même nom.",
  details_certificate:
    "Télécharge auprès de l'établissement le certificat imprimable de l'attestation (un PDF A4 avec son\ncode QR, docs/certificate.md), avec le code de retrait qui a servi à la retirer. Une attestation\nreçue par fichier n'a pas de code de retrait dans le portefeuille : demandez le certificat à\nl'établissement, ou imprimez vous-même le code QR (skillmark-wallet qr <numéro> --png <fichier>).",
  details_present:
    "Avec --verifier (par défaut SKILLMARK_VERIFIER_URL ou le service de vérification local) : signe avec\nvotre clé une présentation pour un code à usage unique et l'envoie ; affiche le verdict. Le code est\ncelui donné avec --challenge (celui de l'employeur), sinon un nouveau que le portefeuille demande\nau service de vérification.\nAvec --challenge et --out : écrit plutôt la présentation signée (un JWT) dans un fichier, que\nl'employeur vérifiera avec le code qu'il vous a donné. Un code commençant par « - » s'écrit\n« --challenge -abc » ou « --challenge=-abc ».",
  details_qr:
    "Le code QR contient toute l'attestation et son reçu d'enregistrement (docs/qr.md) : un employeur le\nscanne, ou colle son texte, et le service de vérification le contrôle sans rien d'autre de votre part.\nUn code QR ne prouve l'identité de personne : le service de vérification indique que le titulaire\nn'a pas été vérifié, apportez donc une pièce d'identité au même nom. Imprimez l'image sur au moins\n4 cm de large, avec sa bordure blanche.\nSans option, le code est dessiné dans ce terminal (avec --plain, son texte est affiché à la place).",
  details_verify:
    "Envoie l'attestation et son reçu d'enregistrement au service de vérification et affiche qui et quoi\nelle concerne, le verdict et chaque contrôle. Le portefeuille retient la réponse (list et show\nindiquent où en est l'attestation) ; « skillmark-wallet status » les vérifie toutes.",
  details_export:
    "Écrit votre clé et toutes vos attestations dans un seul fichier chiffré, scellé par une phrase\nsecrète de sauvegarde qui lui est propre (demandée deux fois, ou SKILLMARK_BACKUP_PASSPHRASE).\nGardez le fichier loin de cet ordinateur (une clé USB, votre messagerie, un téléphone) : si cet\nordinateur est perdu, « skillmark-wallet import <fichier> » restaure tout sur un autre. Personne ne\npeut ouvrir le fichier sans sa phrase secrète, pas même l'établissement : si vous l'oubliez, la\nsauvegarde est perdue (docs/wallet.md explique quoi faire).",
  details_import:
    "Restaure une sauvegarde faite par « skillmark-wallet export », avec sa phrase secrète de sauvegarde\n(ou SKILLMARK_BACKUP_PASSPHRASE). S'il n'y a pas encore de portefeuille, elle devient votre\nportefeuille, avec votre ancien DID, sous une phrase secrète que vous choisissez. Si le même\nportefeuille est déjà là, les attestations qui lui manquent sont ajoutées, sans aucun doublon.\nAffiche ce qui a été ajouté.",
  details_remove:
    'Supprime définitivement un élément ; les éléments endommagés se désignent par leur numéro dans\n« skillmark-wallet list ». Demande une confirmation dans un terminal ; les scripts confirment avec --yes.',
  unknown_command: 'Commande inconnue « {name} ».',
  unknown_command_commands: 'Les commandes : {commands}. Chacune expliquée : skillmark-wallet --help',
  unknown_command_meant: 'Vouliez-vous dire « {suggestion} » ?',
  unknown_option: 'Option inconnue {option} : voyez les options ci-dessous.',
  option_needs_value: "L'option {option} demande une valeur.",
  option_takes_no_value: "L'option {option} ne prend pas de valeur.",
  failed_unexpectedly: 'skillmark-wallet a échoué de façon inattendue : {detail}',
  credential_with_level: '{title} ({level})',
  credential_untitled: 'une qualification sans intitulé',
  credential_of_learner: '{learner}, {qualification}',
  credential_from: '{credential}, délivrée par {institution}',
  credential_from_claimed: "{credential}, délivrée par {institution} (selon l'attestation)",
  state_revoked: 'RÉVOQUÉE le {date} ({reason})',
  state_revoked_unexplained: 'RÉVOQUÉE le {date}',
  state_revoked_said: 'RÉVOQUÉE le {date} : {why}',
  state_revoked_found: 'RÉVOQUÉE (révocation constatée le {date})',
  state_expired: 'EXPIRÉE le {date}',
  state_valid: 'valide lors de la vérification du {date}',
  state_invalid: 'NON VALIDE lors de la vérification du {date} (voir : skillmark-wallet verify)',
  state_not_checked: 'pas encore vérifiée (reçue le {date})',
  state_undecided: 'vérification impossible le {date} (voir : skillmark-wallet verify)',
  untitled: '(sans intitulé)',
  occupation_code: 'code',
  damaged_unreadable: "l'attestation est illisible : {detail}",
  damaged_schema: 'elle ne correspond pas au schéma des qualifications Skillmark : {detail}',
  damaged_exception: 'elle est illisible ({detail})',
  item_not_stored: "ce n'est pas une attestation enregistrée",
  item_missing_field: 'son champ « {name} » manque',
  item_bad_receipt: "son reçu d'enregistrement n'est pas valide",
  item_bad_ledger_check: "sa vérification dans le registre blockchain n'est pas valide",
  item_bad_last_check: "sa dernière vérification n'est pas valide",
  item_bad_claim_url: "son lien de retrait n'est pas valide",
  say_which_credential: 'Indiquez quelle attestation : son numéro ou son identifiant dans « skillmark-wallet list ».',
  could_not_write: "Impossible d'écrire {file} ({code}).",
  ref_ambiguous: {
    one: "« {ref} » correspond à {count} attestation ; tapez une plus grande partie de l'identifiant.",
    many: "« {ref} » correspond à {count} d'attestations ; tapez une plus grande partie de l'identifiant.",
    other: "« {ref} » correspond à {count} attestations ; tapez une plus grande partie de l'identifiant.",
  },
  ref_unknown: 'Aucune attestation « {ref} » dans ce portefeuille. Pour les voir : skillmark-wallet list',
  item_damaged:
    "L'élément {number} de ce portefeuille est endommagé ({reason}). Supprimez-le avec : skillmark-wallet remove {number}",
  size_bytes: { one: '{count} octet', many: "{count} d'octets", other: '{count} octets' },
  size_characters: { one: '{count} caractère', many: '{count} de caractères', other: '{count} caractères' },
  duration_seconds: { one: '{count} seconde', many: '{count} de secondes', other: '{count} secondes' },
  passphrase_prompt: 'Phrase secrète du portefeuille :',
  passphrase_repeat: 'Répétez la phrase secrète :',
  backup_passphrase_prompt: 'Phrase secrète de la sauvegarde :',
  backup_passphrase_repeat: 'Répétez la phrase secrète de la sauvegarde :',
  passphrase_cancelled: 'Annulé.',
  passphrase_too_short_env: 'Choisissez une phrase secrète d’au moins 8 caractères ({env} est plus courte).',
  passphrase_too_short: 'Choisissez une phrase secrète d’au moins 8 caractères.',
  passphrase_none:
    'Pas de phrase secrète : définissez {env}, ou lancez cette commande dans un terminal pour qu’elle vous soit demandée.',
  passphrase_differ: "Les deux phrases secrètes diffèrent ; rien n'a été créé.",
  passphrase_differ_again: 'Les deux phrases secrètes diffèrent. Recommencez.',
  wallet_none: 'Aucun portefeuille dans {dir}. Créez-en un avec : skillmark-wallet init',
  wallet_not_json: "{file} n'est pas un fichier de portefeuille (ce n'est pas du JSON).",
  wallet_wrong_format: "{file} n'est pas un portefeuille Skillmark (format {format}).",
  wallet_wrong_passphrase: 'Phrase secrète incorrecte, ou {file} est endommagé ou a été falsifié.',
  wallet_tampered: '{file} est endommagé ou a été falsifié : {what}.',
  tampered_header: 'ses paramètres de dérivation de clé ou son en-tête ne sont pas valides',
  tampered_not_json: "son contenu n'est pas du JSON",
  tampered_not_wallet: "son contenu n'est pas un portefeuille",
  tampered_did: "son DID n'est pas celui de sa clé",
  wallet_replaced: "{file} a été remplacé par un autre portefeuille pendant cette commande ; rien n'a été modifié.",
  wallet_busy: 'Une autre commande skillmark-wallet modifie {file} ; réessayez dans un instant.',
  http_too_large:
    "{origin} a envoyé une réponse de plus de {size} ; le portefeuille a cessé de la lire. Vérifiez l'adresse.",
  http_too_slow:
    "{origin} n'a pas répondu entièrement en {duration} ; le portefeuille a abandonné. Réessayez plus tard.",
  http_broke_off: '{origin} a interrompu sa réponse. Réessayez plus tard.',
  http_unreachable:
    "Impossible de joindre {origin} ({cause}). Vérifiez l'adresse et votre connexion Internet, puis réessayez.",
  http_cause_refused: 'rien ne répond à cette adresse : le service est peut-être arrêté',
  http_cause_unknown_name: 'ce nom est inconnu : vérifiez son orthographe',
  http_not_json: '{origin} a répondu par autre chose que du JSON (HTTP {status}).',
  setting_out_of_range: '{name} doit être un nombre entier de {min} à {max}, pas « {value} ».',
  check_not_remembered: "Cette vérification n'a pas pu être retenue dans le portefeuille : {detail}",
  verifier_refused: 'Le service de vérification a refusé la demande (HTTP {status}) : {detail}',
  no_reason_given: 'sans motif',
  verdict_valid: 'VALIDE',
  verdict_invalid: 'NON VALIDE',
  verdict_unverifiable: 'IMPOSSIBLE DE CONCLURE POUR LE MOMENT',
  overall_valid: 'VALIDE : tous les contrôles ont réussi.',
  overall_invalid: 'NON VALIDE : au moins un contrôle a échoué.',
  overall_unverifiable: "IMPOSSIBLE DE CONCLURE POUR LE MOMENT : certains contrôles n'ont pas pu être faits.",
  mark_valid: 'ok',
  mark_invalid: 'NON',
  verified_subject: '{credential} : {verdict}',
  details_issued_by: 'Détails : émise par {issuers}',
  init_exists: 'Il y a déjà un portefeuille dans {dir}. Voyez son DID avec : skillmark-wallet did',
  init_ready: 'Votre portefeuille est prêt.',
  init_did: 'Votre DID (à donner à votre centre de formation) : {did}',
  init_stored_in: 'Enregistré dans : {dir}',
  receive_say_what: 'Indiquez quoi retirer : un lien de retrait, un code de retrait ou un fichier.',
  receive_wait_range: '--wait attend un nombre de secondes entre 0 et 3600.',
  receive_not_a_source:
    "« {ref} » n'est ni un lien de retrait, ni un code de retrait (comme ABCD-EFGH-JKMN-PQRS-TVWX), ni un fichier.",
  receive_refused: "Le centre de formation n'a pas pu remettre l'attestation : {detail}",
  receive_code_unknown:
    "Aucune attestation ne correspond à ce code de retrait. Comparez-le caractère par caractère avec votre certificat, ou demandez-en un nouveau à l'établissement.",
  receive_code_expired: "Ce code de retrait a expiré. Demandez-en un nouveau à l'établissement.",
  receive_revoked: "L'établissement a révoqué cette attestation : il n'y a rien à retirer.",
  receive_too_many_tries: 'Trop de codes erronés depuis cet ordinateur. Attendez {duration}, puis réessayez.',
  receive_not_ready:
    "L'attestation n'est pas encore prête : elle attend d'être enregistrée dans le registre blockchain. Réessayez dans une minute (ou ajoutez --wait 120).",
  receive_waiting: "En attente de l'enregistrement de l'attestation dans le registre blockchain...",
  receive_not_a_file: "{file} n'est pas un fichier d'attestation (pas un fichier d'au plus {size}).",
  receive_not_json: "{file} n'est pas un fichier d'attestation JSON.",
  receive_stored: 'Reçue et rangée sous {id} :',
  receive_already: 'Vous avez déjà cette attestation ({id}) :',
  bundle_not_skillmark: "Ce n'est pas une attestation Skillmark (un SkillmarkCredentialBundle était attendu).",
  bundle_unreadable: "L'attestation est illisible : {detail}",
  bundle_schema:
    "L'attestation ne correspond pas au schéma des qualifications Skillmark ; elle n'a donc pas été rangée : {detail}",
  bundle_signature: "La signature de l'attestation ne tient pas : {detail}",
  bundle_other_subject:
    "Cette attestation a été émise pour {subject}, pas pour ce portefeuille ({did}). Demandez à l'établissement de l'émettre pour votre DID.",
  bundle_no_subject:
    "Cette attestation ne nomme aucun DID d'apprenant : elle ne peut donc pas être présentée depuis un portefeuille. Donnez votre DID à l'établissement : {did}",
  bundle_bad_receipt: "Le reçu d'enregistrement n'est pas valide : {detail}",
  bundle_receipt_other: "Le reçu d'enregistrement n'appartient pas à cette attestation.",
  list_empty: 'Votre portefeuille est vide. Retirez une attestation avec : skillmark-wallet receive <lien-de-retrait>',
  list_count: {
    one: 'Votre portefeuille contient {count} attestation :',
    many: "Votre portefeuille contient {count} d'attestations :",
    other: 'Votre portefeuille contient {count} attestations :',
  },
  list_damaged_word: 'endommagé',
  list_damaged: '{reason} (supprimez-le avec : skillmark-wallet remove {number})',
  show_damaged_word: 'Endommagé',
  show_damaged: "{damaged} : l'élément {number} de ce portefeuille ne peut pas être affiché : {reason}.",
  show_remove_hint: 'Supprimez-le avec : skillmark-wallet remove {number}',
  show_state: 'État',
  show_learner: 'Décernée à',
  show_qualification: 'Qualification',
  show_awarded_on: 'Décernée le',
  show_level: 'Niveau',
  show_occupation: 'Métier',
  show_competencies: 'Compétences',
  show_criteria: 'Critères',
  show_institution: 'Établissement',
  show_issued_at: 'Émise le',
  show_expires: 'Expire',
  show_on_ledger: 'Registre',
  show_id: 'Identifiant',
  show_issuer_did: "DID de l'émetteur",
  show_details: 'Détails (pour les spécialistes) :',
  show_institution_unnamed:
    'pas encore nommé (un service de vérification le nomme d’après son répertoire : skillmark-wallet verify {number})',
  show_institution_registry: '{name} (nom inscrit au répertoire de confiance)',
  show_institution_claimed:
    "{name} (nom donné par l'attestation ; aucun service de vérification ne l'a encore confirmé)",
  show_expires_never: 'jamais',
  show_ledger_checked:
    'enregistrée depuis le {anchoredAt} (vérifié par {by} le {checkedAt} ; chaîne {chainId}, transaction {transaction}…)',
  show_ledger_not_checked:
    "reçu d'enregistrement pas encore vérifié (vérifiez-le avec : skillmark-wallet verify {number})",
  show_ledger_none: "pas de reçu d'enregistrement",
  status_nothing: 'Ce portefeuille ne contient aucune attestation à vérifier.',
  share_say_where: 'Indiquez où écrire : skillmark-wallet share <numéro> --out <fichier>',
  share_written: 'Attestation {id} écrite dans {file} :',
  share_how: "Un employeur l'ouvre sur une page de vérification Skillmark, ou l'envoie à POST /credentials/verify.",
  share_no_receipt:
    "Elle n'a pas de reçu d'enregistrement : un service de vérification ne peut donc pas la trouver dans le registre blockchain. Retirez-la à nouveau une fois enregistrée.",
  certificate_say_where: 'Indiquez où écrire : skillmark-wallet certificate <numéro> --out <fichier.pdf>',
  certificate_no_claim:
    "L'attestation {id} n'a pas été retirée avec un code de retrait : le portefeuille ne peut donc pas demander son certificat. Demandez-le à l'établissement, ou imprimez son code QR : skillmark-wallet qr {ref} --png <fichier>",
  certificate_not_ready: "Le certificat n'est pas encore prêt : réessayez dans une minute.",
  certificate_gone:
    "L'établissement ne remet plus ce certificat avec votre code de retrait (l'attestation a été révoquée, ou le code a expiré ou a été remplacé). Adressez-vous à l'établissement.",
  certificate_not_sent: "L'établissement n'a pas envoyé le certificat (HTTP {status}).",
  certificate_selective:
    "Une attestation SD-JWT n'a pas de certificat imprimé : son code QR montrerait toutes ses informations à quiconque le scanne. Présentez-la plutôt avec « present --disclose ».",
  certificate_written: "Certificat de l'attestation {id} écrit dans {file} ({size}).",
  qr_choose_one: 'Choisissez une seule option parmi --png, --svg et --text.',
  qr_selective:
    'Une attestation SD-JWT ne se met pas dans un code QR : elle montrerait toutes ses informations à quiconque le scanne. Présentez-la plutôt avec « present --disclose ».',
  qr_no_receipt:
    "Cette attestation n'a pas de reçu d'enregistrement, et un code QR sans reçu ne pourrait pas être vérifié. Retirez-la à nouveau une fois enregistrée.",
  qr_too_large: 'Cette attestation est trop grande pour un seul code QR ({size}).',
  qr_text_follows: 'Attestation {id} : code QR version {version}. Son texte, à coller sur une page de vérification :',
  qr_images: 'Images à imprimer : --png <fichier> ou --svg <fichier>.',
  qr_drawn: 'Attestation {id} : code QR version {version}. Images à imprimer : --png <fichier> ou --svg <fichier>.',
  qr_written: "Code QR de l'attestation {id} écrit dans {file} (version {version}, {size}).",
  present_say_which:
    'Indiquez quelles attestations présenter : leurs numéros ou identifiants dans « skillmark-wallet list ».',
  present_out_needs_challenge: "--out demande le --challenge de l'employeur.",
  present_disclose_unknown: 'Cette attestation ne peut pas montrer {names}. Elle peut montrer : {available}.',
  present_disclose_question: 'Montrer {detail} ({value}) au service de vérification ? [o/N]',
  disclose_name: 'votre nom',
  disclose_learner_reference: 'votre numéro d’apprenant',
  disclose_birth_date: 'votre date de naissance',
  disclose_started_on: 'la date de début de votre formation',
  disclose_competency: 'la compétence {number}',
  present_selective_alone:
    "L'attestation {which} vous laisse choisir ce que vous montrez (SD-JWT) : elle se présente seule (skillmark-wallet present {which}) ; présentez les autres dans une autre présentation.",
  present_disclose_not_selective:
    "--disclose ne s'applique qu'aux attestations SD-JWT ; cette attestation est toujours montrée en entier.",
  present_selective_needs_domain:
    "Une présentation SD-JWT est liée à son service de vérification : indiquez --domain (celui de l'employeur) avec --out.",
  present_written: 'Présentation écrite dans {file} ({size}).',
  present_no_challenge_http: "Le service de vérification n'a pas donné de code à usage unique (HTTP {status}).",
  present_no_challenge: "Le service de vérification n'a pas donné de code à usage unique.",
  present_mixed_data_models:
    "Certaines de ces attestations suivent la version 1.1 de la norme des attestations et d'autres la version 2.0, et aucune présentation unique ne transmet les deux à tous les services de vérification : présentez-les en deux fois, une sorte à la fois.",
  export_say_where: 'Indiquez où écrire la sauvegarde : skillmark-wallet export --out <fichier>',
  export_exists: '{file} existe déjà ; choisissez un autre nom de fichier pour la sauvegarde.',
  export_could_not_write: "Impossible d'écrire la sauvegarde dans {file} ({code}).",
  export_written: {
    one: 'Sauvegarde de {count} attestation écrite dans {file}.',
    many: "Sauvegarde de {count} d'attestations écrite dans {file}.",
    other: 'Sauvegarde de {count} attestations écrite dans {file}.',
  },
  export_damaged_left_out: {
    one: '{count} élément endommagé a été laissé de côté (voir : skillmark-wallet list).',
    many: "{count} d'éléments endommagés ont été laissés de côté (voir : skillmark-wallet list).",
    other: '{count} éléments endommagés ont été laissés de côté (voir : skillmark-wallet list).',
  },
  export_keep_away: 'Gardez-la loin de cet ordinateur, et retenez sa phrase secrète : personne ne peut la retrouver.',
  import_say_which: 'Indiquez quel fichier de sauvegarde importer : skillmark-wallet import <fichier>',
  import_no_file: "Le fichier {file} n'existe pas.",
  import_too_large: "{file} n'est pas une sauvegarde de portefeuille (pas un fichier d'au plus {size}).",
  import_bad_did: "{file} est endommagé : son DID n'est pas celui de sa clé.",
  import_other_wallet:
    'Cette sauvegarde contient un autre portefeuille ({backupDid}) que celui de {dir} ({walletDid}).\nSes attestations sont émises pour le DID de la sauvegarde : elles ne peuvent être présentées que depuis ce portefeuille.\nImportez-la dans un dossier sans portefeuille : SKILLMARK_WALLET_DIR=<nouveau dossier> skillmark-wallet import {file}',
  import_restored: 'Portefeuille restauré depuis {file} (sauvegarde du {date}) dans {dir}.',
  import_imported: '{file} importé (sauvegarde du {date}).',
  import_added: {
    one: 'Ajout : {count} attestation.',
    many: "Ajout : {count} d'attestations.",
    other: 'Ajout : {count} attestations.',
  },
  import_already_held: 'Déjà dans votre portefeuille, non ajoutées à nouveau : {count}.',
  import_damaged: 'Éléments endommagés dans la sauvegarde, laissés de côté : {count}.',
  backup_not_backup: "{file} n'est pas une sauvegarde de portefeuille Skillmark (faite par : skillmark-wallet export).",
  backup_bad_header: "{file} est endommagé : son en-tête n'est pas valide.",
  backup_wrong_passphrase: 'Phrase secrète de sauvegarde incorrecte, ou {file} est endommagé ou a été modifié.',
  backup_not_wallet: "{file} est endommagé : son contenu n'est pas un portefeuille.",
  remove_say_which: 'Indiquez quel élément supprimer : son numéro ou son identifiant dans « skillmark-wallet list ».',
  remove_damaged_item: "l'élément {number} (endommagé : {reason})",
  remove_confirm_with_yes: 'Confirmez avec --yes pour supprimer {what}.',
  remove_question: 'Supprimer définitivement {what} ? [o/N]',
  remove_yes_answers: 'o, oui',
  remove_nothing: "Rien n'a été supprimé.",
  remove_done: 'Supprimé : {what}.',
};

export const frReport: ReportWords = {
  title: 'Principaux métiers de formation',
  quarter: 'Trimestre {number} de {year}',
  documentTitle: '{title} : {quarter}',
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
  swipeHint: "Faites glisser le tableau de côté pour voir les niveaux d'études et la part de chaque métier.",
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

export const frCertificate: CertificateWords = {
  kicker: 'Certificat de qualification',
  certifies: 'Nous certifions que',
  awarded: 'a obtenu la qualification',
  level: 'Niveau : {level}',
  occupation: 'Métier : {occupation}',
  awardedOn: 'Délivrée le {date}',
  competencies: 'Compétences',
  competenciesContinued: 'Compétences (suite)',
  checkHeading: 'Comment le vérifier',
  check:
    "Scannez le code avec un vérificateur Skillmark (ou déposez-y ce PDF) pour voir que ce certificat est authentique et n'a pas été retiré.",
  checkAt:
    "Scannez le code avec le vérificateur Skillmark à l'adresse {url} (ou déposez-y ce PDF) pour voir que ce certificat est authentique et n'a pas été retiré.",
  credential: 'Attestation {shortId}',
  claimHeading: "Pour l'apprenant : récupérez l'attestation numérique avec ce code de retrait",
  claimPrivate: "Gardez ce code pour vous : quiconque le possède peut récupérer l'attestation.",
};

export const french: Language = {
  name: 'Français',
  dir: 'ltr',
  messages: fr,
  labels: frLabels,
  page: frPage,
  wallet: frWallet,
  report: frReport,
  certificate: frCertificate,
};
