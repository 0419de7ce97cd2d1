// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Skillmark registry
/// @notice One contract per accreditation authority: it records which institutions are accredited,
///         the Merkle roots of credential batches they anchor, and the credentials they revoke.
///         No personal data is ever stored: only hashes, DIDs and institution names.
/// @dev Every loop runs over calldata supplied by the caller, never over storage.
contract SkillmarkRegistry {
    enum Status {
        Unknown,
        Accredited,
        Suspended,
        Withdrawn
    }

    struct Institution {
        Status status;
        uint64 statusSince;
        bytes32 didHash;
        string did;
        string name;
    }

    struct Anchor {
        uint32 institutionId;
        uint64 anchoredAt;
        uint32 batchSize;
    }

    struct Revocation {
        uint64 revokedAt;
        uint16 reason;
    }

    /// @notice Everything a verifier needs about one credential, read in a single call.
    struct CredentialFacts {
        Anchor anchor;
        uint32 issuerInstitutionId;
        Status issuerStatus;
        uint64 issuerStatusSince;
        string issuerName;
        Revocation revocation;
        /// @dev When the key of the DID asked about was reported compromised (0: never). A
        ///      credential signed with it counts only if anchored before this time.
        uint64 issuerDidCompromisedSince;
    }

    address public authority;
    address public pendingAuthority;
    uint32 public institutionCount;

    mapping(uint32 => Institution) private _institutions;
    mapping(address => uint32) public institutionOfSigner;
    mapping(bytes32 => uint32) public institutionOfDid;
    mapping(bytes32 => Anchor) private _anchors;
    mapping(uint32 => mapping(bytes32 => Revocation)) private _revocations;
    /// @dev institution => SHA-256 of a status list's URL => SHA-256 of its bits as last published:
    ///      one storage slot per list, so that a commitment costs as little as a hash can. Never the
    ///      bits, nor anything about a learner; when and how often is in the events.
    mapping(uint32 => mapping(bytes32 => bytes32)) private _statusLists;
    /// @dev institution => list key => true once the institution published the list with a bit
    ///      that has no per-hash revocation (a mass revocation by bits only). Never cleared: from
    ///      then on, the per-hash record no longer answers for the list when it cannot be fetched.
    mapping(uint32 => mapping(bytes32 => bool)) private _statusListBitsOnly;
    /// @notice keccak256(DID) => the time (unix seconds) from which its key counts as compromised; 0: never.
    mapping(bytes32 => uint64) public didCompromisedSince;

    event AuthorityTransferStarted(address indexed current, address indexed proposed);
    event AuthorityTransferred(address indexed previous, address indexed current);
    event InstitutionAccredited(uint32 indexed institutionId, address indexed signer, string did, string name);
    event InstitutionStatusChanged(uint32 indexed institutionId, Status status, uint64 since);
    event SignerAdded(uint32 indexed institutionId, address indexed signer);
    event SignerRemoved(uint32 indexed institutionId, address indexed signer);
    event RootAnchored(bytes32 indexed root, uint32 indexed institutionId, uint32 batchSize, uint64 anchoredAt);
    event AnchorImported(
        bytes32 indexed root, uint32 indexed institutionId, uint32 batchSize, uint64 anchoredAt, uint256 sourceChainId
    );
    event DidAdded(uint32 indexed institutionId, bytes32 indexed didHash, string did, address addedBy);
    event DidCompromised(uint32 indexed institutionId, bytes32 indexed didHash, uint64 since, address reportedBy);
    event CredentialRevoked(
        uint32 indexed institutionId, bytes32 indexed credentialHash, uint16 reason, address revokedBy
    );

    event StatusListPublished(uint32 indexed institutionId, bytes32 indexed listKey, bytes32 bitsHash);
    event StatusListMarkedBitsOnly(uint32 indexed institutionId, bytes32 indexed listKey);

    error NotAuthority(address caller);
    error NotPendingAuthority(address caller);
    error NotSigner(address caller);
    error NotAllowedForInstitution(address caller, uint32 institutionId);
    error UnknownInstitution(uint32 institutionId);
    error InstitutionNotAccredited(uint32 institutionId, Status status);
    error SignerAlreadyRegistered(address signer);
    error DidAlreadyRegistered(string did);
    error InvalidStatus(Status status);
    error ZeroAddress();
    error EmptyValue();
    error RootAlreadyAnchored(bytes32 root);
    error AlreadyRevoked(bytes32 credentialHash);
    error LengthMismatch();
    error AnchoredInTheFuture(bytes32 root, uint64 anchoredAt);
    error UnknownDid(bytes32 didHash);
    error CompromiseInTheFuture(bytes32 didHash, uint64 since);
    error CompromiseCannotMoveLater(bytes32 didHash, uint64 current, uint64 proposed);

    modifier onlyAuthority() {
        if (msg.sender != authority) revert NotAuthority(msg.sender);
        _;
    }

    constructor(address initialAuthority) {
        if (initialAuthority == address(0)) revert ZeroAddress();
        authority = initialAuthority;
        emit AuthorityTransferred(address(0), initialAuthority);
    }

    // ---------------------------------------------------------------- authority

    /// @notice Propose a new authority; it takes over once it calls `acceptAuthority`.
    function transferAuthority(address proposed) external onlyAuthority {
        pendingAuthority = proposed;
        emit AuthorityTransferStarted(authority, proposed);
    }

    /// @notice Complete a transfer started with `transferAuthority`.
    function acceptAuthority() external {
        if (msg.sender != pendingAuthority) revert NotPendingAuthority(msg.sender);
        emit AuthorityTransferred(authority, msg.sender);
        authority = msg.sender;
        pendingAuthority = address(0);
    }

    /// @notice Accredit a new institution, identified by its DID and anchoring key.
    /// @return institutionId The institution's id, starting at 1.
    function accredit(address signer, string calldata did, string calldata name)
        external
        onlyAuthority
        returns (uint32 institutionId)
    {
        if (signer == address(0)) revert ZeroAddress();
        if (bytes(did).length == 0 || bytes(name).length == 0) revert EmptyValue();
        if (institutionOfSigner[signer] != 0) revert SignerAlreadyRegistered(signer);
        bytes32 didHash = keccak256(bytes(did));
        if (institutionOfDid[didHash] != 0) revert DidAlreadyRegistered(did);

        institutionId = ++institutionCount;
        uint64 now_ = uint64(block.timestamp);
        _institutions[institutionId] = Institution(Status.Accredited, now_, didHash, did, name);
        institutionOfSigner[signer] = institutionId;
        institutionOfDid[didHash] = institutionId;
        emit InstitutionAccredited(institutionId, signer, did, name);
        emit InstitutionStatusChanged(institutionId, Status.Accredited, now_);
        emit SignerAdded(institutionId, signer);
    }

    /// @notice Suspend, withdraw or restore an institution's accreditation. Roots it anchored while
    ///         accredited stay valid; while not accredited it cannot anchor.
    function setStatus(uint32 institutionId, Status status) external onlyAuthority {
        _requireKnown(institutionId);
        if (status == Status.Unknown) revert InvalidStatus(status);
        uint64 now_ = uint64(block.timestamp);
        Institution storage inst = _institutions[institutionId];
        inst.status = status;
        inst.statusSince = now_;
        emit InstitutionStatusChanged(institutionId, status, now_);
    }

    // ---------------------------------------------------------------- signers

    /// @notice Add an anchoring key to an institution (key rotation). Callable by the authority or
    ///         by one of the institution's current keys.
    function addSigner(uint32 institutionId, address signer) external {
        _requireKnown(institutionId);
        _requireAuthorityOrSigner(institutionId);
        if (signer == address(0)) revert ZeroAddress();
        if (institutionOfSigner[signer] != 0) revert SignerAlreadyRegistered(signer);
        institutionOfSigner[signer] = institutionId;
        emit SignerAdded(institutionId, signer);
    }

    /// @notice Retire an anchoring key. Roots it anchored keep their institution.
    function removeSigner(address signer) external {
        uint32 institutionId = institutionOfSigner[signer];
        if (institutionId == 0) revert NotSigner(signer);
        _requireAuthorityOrSigner(institutionId);
        delete institutionOfSigner[signer];
        emit SignerRemoved(institutionId, signer);
    }

    // ---------------------------------------------------------------- signing DIDs

    /// @notice Register another DID the institution signs credentials with (signing-key rotation).
    ///         Its first DID stays registered: credentials signed with either remain the
    ///         institution's. Callable by the authority or by one of the institution's keys.
    function addDid(uint32 institutionId, string calldata did) external {
        _requireKnown(institutionId);
        _requireAuthorityOrSigner(institutionId);
        if (bytes(did).length == 0) revert EmptyValue();
        bytes32 didHash = keccak256(bytes(did));
        if (institutionOfDid[didHash] != 0) revert DidAlreadyRegistered(did);
        institutionOfDid[didHash] = institutionId;
        emit DidAdded(institutionId, didHash, did, msg.sender);
    }

    /// @notice Report that the key of a registered DID was compromised as of `since` (unix seconds,
    ///         not in the future). Credentials signed with it stay valid only if their batch was
    ///         anchored before `since`. Callable by the authority or by one of the DID's institution's
    ///         keys. A report can only move earlier, never later nor away: whoever stole a ledger key
    ///         cannot un-compromise a signing key.
    /// @param didHash keccak256 of the DID's UTF-8 bytes.
    function reportDidCompromised(bytes32 didHash, uint64 since) external {
        uint32 institutionId = institutionOfDid[didHash];
        if (institutionId == 0) revert UnknownDid(didHash);
        _requireAuthorityOrSigner(institutionId);
        if (since == 0) revert EmptyValue();
        if (since > block.timestamp) revert CompromiseInTheFuture(didHash, since);
        uint64 current = didCompromisedSince[didHash];
        if (current != 0 && since >= current) revert CompromiseCannotMoveLater(didHash, current, since);
        didCompromisedSince[didHash] = since;
        emit DidCompromised(institutionId, didHash, since, msg.sender);
    }

    // ---------------------------------------------------------------- anchoring

    /// @notice Anchor the Merkle root of a batch of credentials for the caller's institution.
    function anchor(bytes32 root, uint32 batchSize) external {
        uint32 institutionId = _signerInstitution();
        Status status = _institutions[institutionId].status;
        if (status != Status.Accredited) revert InstitutionNotAccredited(institutionId, status);
        if (root == bytes32(0) || batchSize == 0) revert EmptyValue();
        if (_anchors[root].institutionId != 0) revert RootAlreadyAnchored(root);
        uint64 now_ = uint64(block.timestamp);
        _anchors[root] = Anchor(institutionId, now_, batchSize);
        emit RootAnchored(root, institutionId, batchSize, now_);
    }

    /// @notice Chain migration: the authority records roots that its institutions anchored on a
    ///         retired chain, with their original anchoring times, so receipts from that chain can
    ///         be checked here. Roots already present are skipped, so an interrupted migration can
    ///         simply be run again.
    /// @param sourceChainId EIP-155 id of the chain the anchors come from (kept in the event).
    function importAnchors(
        uint32 institutionId,
        bytes32[] calldata roots,
        uint32[] calldata batchSizes,
        uint64[] calldata anchoredAt,
        uint256 sourceChainId
    ) external onlyAuthority {
        _requireKnown(institutionId);
        if (roots.length != batchSizes.length || roots.length != anchoredAt.length) revert LengthMismatch();
        for (uint256 i = 0; i < roots.length; ++i) {
            bytes32 root = roots[i];
            if (root == bytes32(0) || batchSizes[i] == 0) revert EmptyValue();
            if (anchoredAt[i] > block.timestamp) revert AnchoredInTheFuture(root, anchoredAt[i]);
            if (_anchors[root].institutionId != 0) continue;
            _anchors[root] = Anchor(institutionId, anchoredAt[i], batchSizes[i]);
            emit AnchorImported(root, institutionId, batchSizes[i], anchoredAt[i], sourceChainId);
        }
    }

    // ---------------------------------------------------------------- revocation

    /// @notice Revoke one credential of the caller's institution, with a reason code.
    function revoke(bytes32 credentialHash, uint16 reason) external {
        _revoke(_signerInstitution(), credentialHash, reason);
    }

    /// @notice Revoke many credentials of the caller's institution in one transaction.
    function revokeMany(bytes32[] calldata credentialHashes, uint16 reason) external {
        uint32 institutionId = _signerInstitution();
        for (uint256 i = 0; i < credentialHashes.length; ++i) {
            _revoke(institutionId, credentialHashes[i], reason);
        }
    }

    /// @notice The authority revokes on behalf of an institution (e.g. one that no longer exists).
    function revokeFor(uint32 institutionId, bytes32[] calldata credentialHashes, uint16 reason)
        external
        onlyAuthority
    {
        _requireKnown(institutionId);
        for (uint256 i = 0; i < credentialHashes.length; ++i) {
            _revoke(institutionId, credentialHashes[i], reason);
        }
    }

    // ---------------------------------------------------------------- status lists

    /// @notice Commit to the current bits of some of the caller's institution's status lists, one
    ///         transaction for any number of revocations: a verifier holding a list (from the
    ///         institution, a mirror or a trust bundle) checks it against the latest commitment, so
    ///         the server cannot hide a revocation by serving older or altered bits.
    /// @param listKeys SHA-256 of each list's URL, as credentials name it.
    /// @param bitsHashes SHA-256 of each list's uncompressed bitstring.
    function publishStatusLists(bytes32[] calldata listKeys, bytes32[] calldata bitsHashes) external {
        _publishStatusLists(_signerInstitution(), listKeys, bitsHashes, new bool[](0));
    }

    /// @notice As publishStatusLists, and marks each list whose `bitsOnly` is true as holding
    ///         revocations recorded by bits only (no per-hash revocation): once marked, always marked.
    function publishStatusListsBitsOnly(
        bytes32[] calldata listKeys,
        bytes32[] calldata bitsHashes,
        bool[] calldata bitsOnly
    ) external {
        if (bitsOnly.length != listKeys.length) revert LengthMismatch();
        _publishStatusLists(_signerInstitution(), listKeys, bitsHashes, bitsOnly);
    }

    /// @notice Chain migration: the authority records the latest status list commitments an
    ///         institution made on a retired chain.
    ///         `bitsOnly` carries each list's bits-only mark (empty: none marked).
    function importStatusLists(
        uint32 institutionId,
        bytes32[] calldata listKeys,
        bytes32[] calldata bitsHashes,
        bool[] calldata bitsOnly
    ) external onlyAuthority {
        _requireKnown(institutionId);
        if (bitsOnly.length != 0 && bitsOnly.length != listKeys.length) revert LengthMismatch();
        _publishStatusLists(institutionId, listKeys, bitsHashes, bitsOnly);
    }

    /// @param bitsOnly empty (no list marked) or one per list.
    function _publishStatusLists(
        uint32 institutionId,
        bytes32[] calldata listKeys,
        bytes32[] calldata bitsHashes,
        bool[] memory bitsOnly
    ) private {
        if (listKeys.length != bitsHashes.length) revert LengthMismatch();
        if (listKeys.length == 0) revert EmptyValue();
        for (uint256 i = 0; i < listKeys.length; ++i) {
            if (listKeys[i] == bytes32(0) || bitsHashes[i] == bytes32(0)) revert EmptyValue();
            _statusLists[institutionId][listKeys[i]] = bitsHashes[i];
            // Written once: a list already marked costs only the read.
            if (bitsOnly.length != 0 && bitsOnly[i] && !_statusListBitsOnly[institutionId][listKeys[i]]) {
                _statusListBitsOnly[institutionId][listKeys[i]] = true;
                emit StatusListMarkedBitsOnly(institutionId, listKeys[i]);
            }
            emit StatusListPublished(institutionId, listKeys[i], bitsHashes[i]);
        }
    }

    // ---------------------------------------------------------------- views

    /// @notice The latest commitment to a status list of the institution `didHash` (keccak256 of an
    ///         issuer DID) is registered for; bitsHash zero: none was ever published.
    function statusListOf(bytes32 didHash, bytes32 listKey)
        external
        view
        returns (uint32 institutionId, bytes32 bitsHash)
    {
        institutionId = institutionOfDid[didHash];
        bitsHash = _statusLists[institutionId][listKey];
    }

    /// @notice As statusListOf, and whether the institution ever published the list with bits that
    ///         have no per-hash revocation (false: every bit set in it is also revoked by hash).
    function statusListStateOf(bytes32 didHash, bytes32 listKey)
        external
        view
        returns (uint32 institutionId, bytes32 bitsHash, bool bitsOnly)
    {
        institutionId = institutionOfDid[didHash];
        bitsHash = _statusLists[institutionId][listKey];
        bitsOnly = _statusListBitsOnly[institutionId][listKey];
    }

    function getInstitution(uint32 institutionId) external view returns (Institution memory) {
        return _institutions[institutionId];
    }

    function getAnchor(bytes32 root) external view returns (Anchor memory) {
        return _anchors[root];
    }

    function getRevocation(uint32 institutionId, bytes32 credentialHash) external view returns (Revocation memory) {
        return _revocations[institutionId][credentialHash];
    }

    /// @notice The anchor of `root`, the institution registered for `didHash` (keccak256 of the
    ///         issuer DID) with its current status, whether the anchoring institution revoked
    ///         `credentialHash`, and since when the DID's key counts as compromised (0: never).
    function credentialFacts(bytes32 root, bytes32 didHash, bytes32 credentialHash)
        external
        view
        returns (CredentialFacts memory facts)
    {
        facts.anchor = _anchors[root];
        facts.issuerInstitutionId = institutionOfDid[didHash];
        Institution storage inst = _institutions[facts.issuerInstitutionId];
        facts.issuerStatus = inst.status;
        facts.issuerStatusSince = inst.statusSince;
        facts.issuerName = inst.name;
        facts.revocation = _revocations[facts.anchor.institutionId][credentialHash];
        facts.issuerDidCompromisedSince = didCompromisedSince[didHash];
    }

    // ---------------------------------------------------------------- internals

    function _revoke(uint32 institutionId, bytes32 credentialHash, uint16 reason) private {
        if (credentialHash == bytes32(0)) revert EmptyValue();
        Revocation storage r = _revocations[institutionId][credentialHash];
        if (r.revokedAt != 0) revert AlreadyRevoked(credentialHash);
        r.revokedAt = uint64(block.timestamp);
        r.reason = reason;
        emit CredentialRevoked(institutionId, credentialHash, reason, msg.sender);
    }

    function _signerInstitution() private view returns (uint32 institutionId) {
        institutionId = institutionOfSigner[msg.sender];
        if (institutionId == 0) revert NotSigner(msg.sender);
    }

    function _requireKnown(uint32 institutionId) private view {
        if (_institutions[institutionId].status == Status.Unknown) revert UnknownInstitution(institutionId);
    }

    function _requireAuthorityOrSigner(uint32 institutionId) private view {
        if (msg.sender != authority && institutionOfSigner[msg.sender] != institutionId) {
            revert NotAllowedForInstitution(msg.sender, institutionId);
        }
    }
}
