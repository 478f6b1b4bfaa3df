import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the description cache keeps for one description, carried inside its
/// action entry: a JSON array, `[3,needsReview,"text"]` or
/// `[3,needsReview,"text","reason"]`, 3 being the version. Positional, not
/// keyed: a description is a hundred-odd bytes, and the keys of the keyed
/// version 2 were a quarter of each record, across thousands of records.
/// Version 2 records, which earlier versions kept, still read, so an upgrade
/// asks no model again.
struct DescriptionRecord: Equatable {
    static let currentVersion = 3

    var text: String
    var needsReview: Bool
    var reason: String?

    func encoded() throws -> [UInt8] {
        try CanonicalJSON.encode(Positional(record: self))
    }

    /// The record in `bytes`; nil for anything else (another version, damage): a miss.
    static func decode(_ bytes: [UInt8]) -> DescriptionRecord? {
        let data = Data(bytes)
        if bytes.first == UInt8(ascii: "[") { return (try? JSONDecoder().decode(Positional.self, from: data))?.record }
        guard let keyed = try? JSONDecoder().decode(Keyed.self, from: data), keyed.version == 2 else { return nil }
        return DescriptionRecord(text: keyed.text, needsReview: keyed.needsReview, reason: keyed.reason)
    }

    /// Version 3, the array.
    private struct Positional: Codable {
        var record: DescriptionRecord

        init(record: DescriptionRecord) { self.record = record }

        init(from decoder: any Decoder) throws {
            var values = try decoder.unkeyedContainer()
            guard try values.decode(Int.self) == DescriptionRecord.currentVersion else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "another version"))
            }
            let needsReview = try values.decode(Bool.self)
            let text = try values.decode(String.self)
            let reason = values.isAtEnd ? nil : try values.decode(String.self)
            guard values.isAtEnd else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "trailing values")) }
            record = DescriptionRecord(text: text, needsReview: needsReview, reason: reason)
        }

        func encode(to encoder: any Encoder) throws {
            var values = encoder.unkeyedContainer()
            try values.encode(DescriptionRecord.currentVersion)
            try values.encode(record.needsReview)
            try values.encode(record.text)
            if let reason = record.reason { try values.encode(reason) }
        }
    }

    /// Version 2, keyed, as earlier versions wrote it.
    private struct Keyed: Codable {
        var version: Int
        var text: String
        var needsReview: Bool
        var reason: String?
    }
}
