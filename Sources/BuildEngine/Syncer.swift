/// What makes the build's writes durable. The state log asks for it before
/// and after each append, so persisted state never names data that is not on
/// disk; tests pass their own to count or check those calls, the build
/// passes `FilesystemSyncer`.
public protocol Syncer: Sendable {
    /// Makes everything written so far on the filesystems holding
    /// `directories` durable: file contents, renames and new folders.
    func syncFilesystems(holding directories: [String]) throws

    /// Makes one open file durable (the state log after an append).
    func syncFile(_ fd: Int32, path: String) throws
}
