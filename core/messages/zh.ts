import type { Catalogue } from './catalogue.ts';
import type { Labels } from './labels.ts';

/**
 * Simplified Chinese. Terms: credential = 凭证; presentation = 出示材料; ledger = 区块链账本;
 * registry (of accredited institutions) = 可信名录; anchor = 登记 / 登记回执; batch = 批次;
 * issuer = 签发机构; verifier = 本验证服务; challenge = 一次性验证码; token = 令牌;
 * schema = 数据格式规范; revoke = 撤销.
 */
export const zh: Catalogue = {
  well_formed: '该凭证是格式正确的已签名凭证（{format}）。',
  presentation_well_formed: '该出示材料是格式正确的已签名出示材料（{format}）。',
  credential_format_unsupported: '该出示材料包含一份本验证服务无法核验的格式的凭证（{format}）。',
  signature_valid: '该凭证由 {issuer} 签名，此后未被修改。',
  presentation_signature_valid: '该出示材料由 {holder} 签名。',
  malformed_jws: '该凭证不是格式正确的已签名令牌：{detail}。',
  malformed_credential: '该令牌中没有可验证的凭证：{detail}。',
  malformed_presentation: '该令牌中没有可验证的出示材料：{detail}。',
  alg_not_allowed: '签名使用了算法“{alg}”，此密钥不接受该算法。',
  unsupported_did_method: '签名者的标识符（{did}）使用了本验证服务不支持的 DID 方法。',
  did_not_found: '找不到签名者的标识符（{did}）。',
  key_not_found: '令牌中指定的签名密钥不属于 {did}。',
  did_resolution_failed: '目前无法查询签名者的标识符（{did}）。',
  did_web_issuer_not_listed:
    '未获取颁发者的 did:web 文档（{did}）：没有任何受信任的注册表列出该颁发者，或无法查询任何注册表。',
  did_web_holder_refused: '此验证方不查询 did:web 持有者（{did}）；请使用其他 DID 签署该展示。',
  https_issuer_not_listed:
    '未获取颁发者 URL（{did}）的控制者文档：没有任何受信任的注册表列出该颁发者，或无法查询任何注册表。',
  https_holder_refused: '此验证方不查询以 https URL 标识的持有者（{did}）；请使用 DID 签署该展示。',
  signature_invalid: '签名不匹配：内容在签名后被修改过，或者是由他人签名的。',
  issuer_accredited: '{name} 是可信名录中的认可机构。',
  issuer_accredited_then: '此凭证登记时，{name} 是认可机构；其认可状态现为“{status}”。',
  issuer_not_accredited: '签发机构（{issuer}）不是任何可信名录中的认可机构。',
  issuer_not_accredited_now: '{name} 在名录中的状态为“{status}”，且此凭证并非在其认可期间登记。',
  anchored: '该凭证自 {anchoredAt} 起已登记在区块链账本上（链 {chainId}）。',
  receipt_missing: '该凭证未附带登记回执，因此无法证明它已登记在区块链账本上。',
  receipt_malformed: '登记回执格式不正确：{detail}。',
  receipt_for_other_credential: '该登记回执属于另一份凭证。',
  proof_mismatch: '登记回执中的证明与其登记的批次不符：凭证或回执已被改动。',
  root_not_anchored: '回执中指明的批次从未登记在区块链账本上。',
  anchored_by_another_institution: '该批次是由另一家机构登记在区块链账本上的，而不是由签发机构登记的。',
  untrusted_registry: '该回执指向一个本验证服务未列为可信的名录（链 {chainId}，{registry}）。',
  ledger_unreachable: '目前无法连接区块链账本进行核查，请稍后再试。',
  ledger_lagging: '所查询的区块链账本节点尚未同步到最新（其最新区块 {blockNumber} 的时间为 {headAt}），请稍后再试。',
  not_revoked: '该机构未撤销此凭证。',
  revoked: '该机构已于 {revokedAt} 撤销此凭证（原因：{reasonName}）。',
  revocation_needs_issuer: '签发机构未列入任何可信名录，因此无从查询其撤销记录。',
  signing_key_not_reported: '该机构未报告其签名密钥遭到泄露。',
  signing_key_compromised_after_anchor:
    '签名密钥已被报告自 {compromisedSince} 起遭到泄露；此凭证于 {anchoredAt} 登记，早于该时间，因此仍然有效。',
  signing_key_compromised_before_anchor:
    '签名密钥已被报告自 {compromisedSince} 起遭到泄露，而此凭证直到 {anchoredAt} 才登记：窃取密钥的人可能伪造了它。',
  signing_key_compromised_unanchored:
    '签名密钥已被报告自 {compromisedSince} 起遭到泄露，且区块链账本上没有任何登记记录证明此凭证在该时间之前已经存在。',
  signing_key_needs_issuer: '无法查询签名密钥是否已被报告泄露：签发机构不在任何可信名录中。',
  within_validity_period: '该凭证在有效期内。',
  presentation_within_validity_period: '该出示材料在有效期内。',
  presentation_not_yet_valid: '该出示材料在 {validFrom} 之前无效。',
  presentation_expired: '该出示材料已于 {validUntil} 过期，请要求重新出示。',
  not_yet_valid: '该凭证在 {validFrom} 之前无效。',
  expired: '该凭证已于 {validUntil} 过期。',
  schema_valid: '凭证内容符合其声明的数据格式规范。',
  schema_mismatch: '凭证内容不符合其声明的数据格式规范：{detail}。',
  schema_unknown: '该凭证声明的数据格式规范（{schema}）本验证服务无法识别，因此未核查其内容。',
  schema_not_declared: '该凭证未声明任何数据格式规范，因此未按规范核查其内容。',
  no_credentials: '该出示材料不含任何凭证：它只表明持有人控制其标识符。',
  holder_is_subject: '出示凭证的人就是该凭证的签发对象。',
  holder_is_not_subject: '该出示材料由 {holder} 签名，但该凭证是签发给 {subject} 的。',
  subject_has_no_did: '该凭证未注明学员的 DID，因此无法将其与出示人对应起来。',
  holder_not_checked: '未核实出示人的身份：请将姓名与身份证件进行核对。',
  challenge_valid: '该出示材料回应了本验证服务发出的一次性验证码。',
  challenge_missing: '该出示材料不含一次性验证码，可能是重复使用的旧出示材料。',
  challenge_mismatch: '该出示材料是针对另一个一次性验证码制作的。',
  challenge_unknown: '该一次性验证码不是本验证服务发出的。',
  challenge_expired: '一次性验证码在出示材料送达前已过期。',
  challenge_already_used: '该一次性验证码已被使用过：此出示材料是重复提交的。',
  domain_mismatch: '该出示材料是为另一个验证服务（{domain}）制作的。',
  challenge_needs_signature: '由于出示材料的签名无效，未核查一次性验证码。',
  challenge_not_pinned:
    '请求未注明交给持有人的一次性验证码（"options.challenge"）：本验证服务的验证码可能被他人转交，因此不接受该出示材料。',
  challenge_valid_audience_unchecked:
    '该出示材料回应了所给的一次性验证码；它的接收方是 {audience}，但未经核查（未提供 "options.domain"）。',
  trust_bundle_used:
    '已依据 {date} 的信任包（已有 {ageHours} 小时）核验，而非实时区块链账本：该日期之后的撤销或变更在此无法得知。',
  trust_bundle_aging:
    '已依据 {date} 的信任包核验，该信任包已有 {ageHours} 小时：请在 {unusableFrom} 之前获取更新的信任包，届时它将停止作答。该日期之后的撤销或变更在此无法得知。',
  trust_bundle_too_old:
    '无法连接区块链账本，且 {date} 的信任包（已有 {ageHours} 小时）已于 {unusableFrom} 停止作答：请获取更新的信任包或连接到账本。',
  trust_bundle_standby:
    '区块链账本已作答。为无法连接账本时保留的信任包为 {date} 的版本（已有 {ageHours} 小时），可作答至 {unusableFrom}。',
  trust_bundle_standby_aging:
    '区块链账本已作答。为无法连接账本时保留的信任包为 {date} 的版本（已有 {ageHours} 小时），仅可作答至 {unusableFrom}：请在此之前安装更新的信任包。',
};

export const zhLabels: Labels = {
  accredited: '已认可',
  suspended: '已暂停',
  withdrawn: '已撤销认可',
  unspecified: '未说明',
  issuedInError: '误发',
  fraud: '欺诈',
  superseded: '已被替代',
  withdrawnByAssessmentBody: '被评估机构撤回',
};
