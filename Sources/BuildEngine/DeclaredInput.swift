public import AltbuildSupport

/// One declared input as the planner found it, and as the state records it:
/// its path, its digest (nil while the file does not exist) and its stat.
public struct DeclaredInput: Sendable, Equatable {
    public var path: String
    public var digest: SHA256Digest?
    public var status: FileStatus?

    public init(path: String, digest: SHA256Digest?, status: FileStatus?) {
        self.path = path
        self.digest = digest
        self.status = status
    }

    /// The file now: the recorded digest when its stat still matches (and is
    /// not racily clean), else read and hashed. Unreadable counts as absent.
    static func now(_ path: String, recorded: DeclaredInput?, recordedAt: Int64) -> DeclaredInput {
        observe(path, recorded: recorded, recordedAt: recordedAt).input
    }

    /// The same, and whether the file was read and hashed: a re-hash that
    /// found the recorded digest means the record's stat should be refreshed,
    /// or every later run would hash the file again.
    static func observe(_ path: String, recorded: DeclaredInput?, recordedAt: Int64) -> (input: DeclaredInput, rehashed: Bool) {
        guard let status = FileStatus(path: path) else { return (DeclaredInput(path: path, digest: nil, status: nil), false) }
        if let recorded, recorded.status == status, !status.isRacy(recordedAt: recordedAt) {
            return (recorded, false)
        }
        // A declared file that cannot be read is keyed as absent; reading it fails the action if it matters.
        let digest = try? SHA256.hash(contentsOf: path)
        return (DeclaredInput(path: path, digest: digest, status: digest == nil ? nil : status), true)
    }

    /// The part of the action key the declared inputs make: their digests,
    /// in order, as canonical JSON, hashed with the key of the main input.
    /// Paths stay out, as the main input's does: the same deck with the same
    /// declared files in another folder or project is the same action, so a
    /// shared cache serves it. A moved file is still seen (`explain` names
    /// it) because the record keeps the paths.
    static func key(_ base: SHA256Digest, _ inputs: [DeclaredInput]) -> SHA256Digest {
        struct Keyed: Encodable { var base: SHA256Digest; var inputs: [SHA256Digest?] }
        let hasher = SHA256()
        hasher.update("altbuild-declared-inputs-v2\n")
        // Digests always encode; an empty update would still key the base alone.
        hasher.update((try? CanonicalJSON.encode(Keyed(base: base, inputs: inputs.map(\.digest)))) ?? [])
        return hasher.finalize()
    }
}
