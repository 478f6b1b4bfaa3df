import AltbuildSupport

/// Writes zip archives byte by byte, so tests can make the layouts real
/// writers produce and libzip never would: extra fields in one header only,
/// data descriptors, zip64 fields, DOS date 0, headers that disagree,
/// overlapping or junk-padded archives.
///
/// Records are laid down in the order they are added; central entries point
/// wherever the test says, which is how overlapping layouts are made.
struct RawZipWriter {
    enum Method: UInt16 { case store = 0, deflate = 8 }
    enum DataDescriptor { case none, withSignature, withoutSignature }

    struct Entry {
        var name: [UInt8]
        var data: [UInt8]
        var method: Method = .deflate
        /// DOS time and date of the central header; the local header has the same unless overridden.
        var dosTime: UInt16 = 0x6D22
        var dosDate: UInt16 = 0x5A8F
        var localDosTime: UInt16? = nil
        var versionNeeded: UInt16 = 20
        var localVersionNeeded: UInt16? = nil
        var localExtra: [UInt8] = []
        var centralExtra: [UInt8] = []
        var dataDescriptor: DataDescriptor = .none
        /// Sizes (and in the central directory the offset) as 0xFFFFFFFF,
        /// with a zip64 extra field (0x0001) holding them.
        var zip64Local = false
        var zip64Central = false
        /// The CRC to declare, when a test wants a wrong one.
        var declaredCRC: UInt32? = nil
        /// The name in the local header, when a test wants it to differ.
        var localName: [UInt8]? = nil

        init(_ name: String, _ data: [UInt8], method: Method = .deflate) {
            self.name = Array(name.utf8)
            self.data = data
            self.method = method
        }

        var compressed: [UInt8] { method == .store ? data : RawZipWriter.deflate(data) }
        var crc: UInt32 { declaredCRC ?? data.withUnsafeBufferPointer { CRC32.checksum($0) } }
        var flags: UInt16 { dataDescriptor == .none ? 0 : 0x0008 }
    }

    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var centralCount = 0
    /// Bytes at the start that the archive's offsets do not count.
    private var offsetBase = 0

    /// Bytes that belong to no entry: a self-extractor stub the offsets
    /// count, or (`counted: false`) data prepended without adjusting them.
    mutating func append(_ junk: [UInt8], counted: Bool = true) {
        bytes += junk
        if !counted { offsetBase += junk.count }
    }

    /// Writes `entry`'s local header and data (and data descriptor); returns its offset.
    @discardableResult
    mutating func addLocal(_ entry: Entry) -> Int {
        let offset = bytes.count
        bytes += Self.localRecord(entry)
        return offset
    }

    /// A central directory entry for `entry` whose local header is at `offset`.
    mutating func addCentral(_ entry: Entry, offset: Int) {
        let compressed = entry.compressed
        let zip64 = entry.zip64Central
        let wide: (Int) -> UInt32 = { zip64 ? 0xFFFF_FFFF : UInt32($0) }
        central += le32(0x0201_4B50) + le16(0x2D) + le16(entry.versionNeeded) + le16(entry.flags)
            + le16(entry.method.rawValue) + le16(entry.dosTime) + le16(entry.dosDate) + le32(entry.crc)
            + le32(wide(compressed.count)) + le32(wide(entry.data.count))
        let offset = offset - offsetBase
        let values = [entry.data.count, compressed.count, offset].map { UInt64($0) }
        let extra = (zip64 ? Self.zip64Extra(values) : []) + entry.centralExtra
        central += le16(UInt16(entry.name.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
            + le32(wide(offset)) + entry.name + extra
        centralCount += 1
    }

    /// A local record and its central entry, the ordinary case.
    mutating func add(_ entry: Entry) {
        addCentral(entry, offset: addLocal(entry))
    }

    /// The archive: what was written, the central directory, an optional
    /// zip64 end record and locator, the end record, then `trailing` bytes.
    func finish(zip64EndRecord: Bool = false, trailing: [UInt8] = []) -> [UInt8] {
        var out = bytes
        let cdOffset = out.count - offsetBase
        out += central
        if zip64EndRecord {
            let recordOffset = out.count - offsetBase
            out += le32(0x0606_4B50) + le64(44) + le16(0x2D) + le16(45) + le32(0) + le32(0)
                + le64(UInt64(centralCount)) + le64(UInt64(centralCount)) + le64(UInt64(central.count)) + le64(UInt64(cdOffset))
            out += le32(0x0706_4B50) + le32(0) + le64(UInt64(recordOffset)) + le32(1)
        }
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(centralCount)) + le16(UInt16(centralCount))
            + le32(UInt32(central.count)) + le32(UInt32(cdOffset)) + le16(0)
        return out + trailing
    }

    /// The local header, data and data descriptor of `entry`.
    static func localRecord(_ entry: Entry) -> [UInt8] {
        let compressed = entry.compressed
        let deferred = entry.dataDescriptor != .none
        let zip64 = entry.zip64Local
        let sizeField: (Int) -> UInt32 = { deferred ? 0 : zip64 ? 0xFFFF_FFFF : UInt32($0) }
        let extra = (zip64 ? zip64Extra(deferred ? [0, 0] : [UInt64(entry.data.count), UInt64(compressed.count)]) : [])
            + entry.localExtra
        let name = entry.localName ?? entry.name
        var out = le32(0x0403_4B50) + le16(entry.localVersionNeeded ?? entry.versionNeeded) + le16(entry.flags)
            + le16(entry.method.rawValue) + le16(entry.localDosTime ?? entry.dosTime) + le16(entry.dosDate)
            + le32(deferred ? 0 : entry.crc) + le32(sizeField(compressed.count)) + le32(sizeField(entry.data.count))
            + le16(UInt16(name.count)) + le16(UInt16(extra.count)) + name + extra + compressed
        if deferred {
            if entry.dataDescriptor == .withSignature { out += le32(0x0807_4B50) }
            out += le32(entry.crc)
            out += zip64 ? le64(UInt64(compressed.count)) + le64(UInt64(entry.data.count))
                : le32(UInt32(compressed.count)) + le32(UInt32(entry.data.count))
        }
        return out
    }

    /// A zip64 extended-information extra field holding `values` in order.
    static func zip64Extra(_ values: [UInt64]) -> [UInt8] {
        le16(0x0001) + le16(UInt16(values.count * 8)) + values.flatMap { le64($0) }
    }

    /// An extra field as .NET's System.IO.Packaging pads local headers with.
    static func paddingExtra(_ length: Int) -> [UInt8] {
        le16(0xA220) + le16(UInt16(length)) + [UInt8](repeating: 0, count: length)
    }

    /// Raw deflate data for `data`, taken from an archive libzip writes.
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        let archive = ZipFixture.archive([("x", data)], method: .deflate)
        let start = 30 + 1 + Int(archive[28]) + Int(archive[29]) << 8
        let size = Int(archive[18]) | Int(archive[19]) << 8 | Int(archive[20]) << 16 | Int(archive[21]) << 24
        return Array(archive[start..<(start + size)])
    }

    /// A writer holding a libzip-written deck's entries, after `prefix`
    /// (see `append`), each changed by `change`.
    static func deck(_ fixture: [UInt8], prefix: [UInt8] = [], counted: Bool = true,
                     _ change: (inout Entry) -> Void = { _ in }) -> RawZipWriter {
        var writer = RawZipWriter()
        writer.append(prefix, counted: counted)
        for source in ZipFixture.entries(of: fixture) {
            var entry = Entry(source.name, source.bytes)
            change(&entry)
            writer.add(entry)
        }
        return writer
    }
}

fileprivate func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
fileprivate func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
fileprivate func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
