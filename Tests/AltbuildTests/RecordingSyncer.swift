import Foundation
import AltbuildSupport
@testable import BuildEngine

/// A `Syncer` that does the real syncs and remembers each call in order: for
/// a filesystem sync, the store objects that existed when it started (so
/// they are covered by it); for a file sync, the target the state log's last
/// line names (the record just appended).
final class RecordingSyncer: Syncer, @unchecked Sendable {
    enum Event: Equatable {
        case filesystems(objects: Set<String>)
        case file(lastTarget: String)
    }

    private let lock = NSLock()
    private var recorded: [Event] = []
    private let real = FilesystemSyncer()
    let objectsDirectory: String

    init(objectsDirectory: String) { self.objectsDirectory = objectsDirectory }

    var events: [Event] { lock.withLock { recorded } }
    var filesystemSyncs: Int { events.filter { if case .filesystems = $0 { true } else { false } }.count }
    var fileSyncs: Int { events.filter { if case .file = $0 { true } else { false } }.count }

    func syncFilesystems(holding directories: [String]) throws {
        let objects = Self.objectNames(in: objectsDirectory)
        try real.syncFilesystems(holding: directories)
        lock.withLock { recorded.append(.filesystems(objects: objects)) }
    }

    func syncFile(_ fd: Int32, path: String) throws {
        try real.syncFile(fd, path: path)
        let lastLine = String(decoding: try FileIO.read(path), as: UTF8.self).split(separator: "\n").last ?? ""
        let target = String(lastLine.split(separator: "\t", omittingEmptySubsequences: false).first ?? "")
        lock.withLock { recorded.append(.file(lastTarget: target)) }
    }

    /// The hex names of the objects in the store's fan-out folders.
    static func objectNames(in objectsDirectory: String) -> Set<String> {
        var names = Set<String>()
        for fan in FileIO.list(objectsDirectory) {
            names.formUnion(FileIO.list(objectsDirectory + "/" + fan).filter { !$0.hasPrefix(".") })
        }
        return names
    }
}
