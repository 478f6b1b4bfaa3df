import AltbuildSupport
import BuildEngine

/// The counts of the last build, kept for `altbuild cache stats`.
struct LastBuild {
    var fields: [(String, String)]

    init(summary: BuildSummary, buildID: String) {
        fields = [
            ("build_id", buildID),
            ("built", String(summary.built)), ("restored", String(summary.restored)),
            ("up_to_date", String(summary.upToDate)), ("failed", String(summary.failed)),
            ("describer_calls", String(summary.calls)), ("description_cache_hits", String(summary.cacheHits)),
        ]
    }

    init?(path: String) {
        guard let bytes = try? FileIO.read(path, limit: 1 << 16) else { return nil }
        fields = String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let eq = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<eq]), String(line[line.index(after: eq)...]))
        }
    }

    subscript(_ name: String) -> String { fields.first { $0.0 == name }?.1 ?? "0" }

    func save(to path: String) {
        try? FileIO.writeAtomically(Array(fields.map { "\($0.0)=\($0.1)\n" }.joined().utf8), to: path, durable: false)
    }
}
