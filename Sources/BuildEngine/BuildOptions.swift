/// Options that change how a build runs but never what it produces.
public struct BuildOptions: Sendable {
    /// Rebuild everything without reading the caches (results are still stored).
    public var force = false
    /// Leave targets that failed with the same key alone.
    public var skipFailed = false
    /// Outputs replace their inputs (pre-commit hook mode).
    public var inPlace = false

    public init(force: Bool = false, skipFailed: Bool = false, inPlace: Bool = false) {
        self.force = force
        self.skipFailed = skipFailed
        self.inPlace = inPlace
    }
}
