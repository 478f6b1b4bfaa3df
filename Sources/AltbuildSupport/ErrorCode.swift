/// A stable, machine-readable error code such as `E_ZIP_TRUNCATED`.
///
/// Codes are part of altbuild's interface: scripts match on them, the build
/// state records them, and the README lists them. A struct rather than an enum
/// so new codes can be added without breaking exhaustive switches elsewhere.
public struct ErrorCode: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

extension ErrorCode {
    // Reading the container.
    public static let io = ErrorCode("E_IO")
    public static let notZip = ErrorCode("E_NOT_ZIP")
    public static let encrypted = ErrorCode("E_ENCRYPTED")
    public static let legacyPPT = ErrorCode("E_LEGACY_PPT")
    public static let zipTruncated = ErrorCode("E_ZIP_TRUNCATED")
    public static let zipCorrupt = ErrorCode("E_ZIP_CORRUPT")
    public static let zipBomb = ErrorCode("E_ZIP_BOMB")
    public static let zipTooManyEntries = ErrorCode("E_ZIP_TOO_MANY_ENTRIES")
    public static let deckTooLarge = ErrorCode("E_DECK_TOO_LARGE")
    /// Two entries share bytes: the "better zip bomb" layout, or a forged directory.
    public static let zipOverlap = ErrorCode("E_ZIP_OVERLAP")
    /// Two entries with the same name, or names equal under OPC's rules (ASCII case, Unicode normalisation).
    public static let zipDuplicate = ErrorCode("E_ZIP_DUPLICATE")
    /// An entry name no OPC part may have: absolute, `..`, a backslash or a NUL.
    public static let zipUnsafeName = ErrorCode("E_ZIP_UNSAFE_NAME")
    // Reading the package structure.
    public static let missingContentTypes = ErrorCode("E_MISSING_CONTENT_TYPES")
    public static let missingPresentation = ErrorCode("E_MISSING_PRESENTATION")
    public static let missingPart = ErrorCode("E_MISSING_PART")
    public static let xmlMalformed = ErrorCode("E_XML_MALFORMED")
    public static let xmlDTD = ErrorCode("E_XML_DTD")
    // Building.
    public static let inputChanged = ErrorCode("E_INPUT_CHANGED")
    public static let timedOut = ErrorCode("E_TIMEOUT")
    public static let workerCrashed = ErrorCode("E_WORKER_CRASHED")
    public static let workerFailed = ErrorCode("E_WORKER_FAILED")
    public static let describerFailed = ErrorCode("E_DESCRIBER_FAILED")
    public static let interrupted = ErrorCode("E_INTERRUPTED")
    /// A worker ran out of its memory allowance (`--worker-memory`).
    public static let resourceLimit = ErrorCode("E_RESOURCE_LIMIT")
    public static let lockTimeout = ErrorCode("E_LOCKED")
    // Review files.
    /// A review file that is not valid: it is never overwritten, since it may hold a person's work.
    public static let reviewFileInvalid = ErrorCode("E_REVIEW_FILE")
    /// A review command named a slot the deck's review file does not have.
    public static let reviewSlotUnknown = ErrorCode("E_REVIEW_SLOT")
    /// A review command that does not apply to the slot's state (approving a slot with no text).
    public static let reviewNotApplicable = ErrorCode("E_REVIEW_STATE")
    // Writing.
    public static let writeFailed = ErrorCode("E_WRITE")
    public static let internalError = ErrorCode("E_INTERNAL")
}
