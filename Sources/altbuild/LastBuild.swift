import AltbuildSupport
import BuildEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The counts of the last build, kept for `altbuild cache stats`: a small
/// versioned JSON record, so a newer altbuild can tell an older file apart.
struct LastBuild: Codable, Equatable {
    static let currentVersion = 1

    var version = LastBuild.currentVersion
    var buildID: String
    var built: Int
    var restored: Int
    var upToDate: Int
    var failed: Int
    var describerCalls: Int
    var descriptionCacheHits: Int

    init(summary: BuildSummary, buildID: String) {
        self.buildID = buildID
        built = summary.built
        restored = summary.restored
        upToDate = summary.upToDate
        failed = summary.failed
        describerCalls = summary.calls
        descriptionCacheHits = summary.cacheHits
    }

    /// The record at `path`; nil when there is none yet. One this altbuild
    /// cannot read (damaged, or from an older or newer version) is said so.
    static func load(_ path: String) throws -> LastBuild? {
        guard FileIO.exists(path) else { return nil }
        let last = try JSONDecoder().decode(LastBuild.self, from: Data(try FileIO.read(path, limit: 1 << 16)))
        guard last.version == currentVersion else {
            throw AltbuildError(.io, "written by another altbuild version (record version \(last.version))", path: path)
        }
        return last
    }

    /// Saves the record; a failure is a warning, since only `cache stats` reads it.
    func save(to path: String) {
        do {
            try FileIO.writeAtomically(try CanonicalJSON.encode(self), to: path, durable: false)
        } catch {
            Console.error("warning: could not save the last build's counts for `altbuild cache stats`: \(error)")
        }
    }
}
