public import AltbuildSupport
/// An opened, validated presentation: the package, its presentation part and
/// its slides in presentation order.
///
/// Opening refuses anything that is not a well-formed PresentationML package
/// with an error that says what it is instead (legacy `.ppt`, encrypted deck,
/// truncated zip, zip bomb...), so callers never meet a half-readable deck.
///
/// A deck opened from a path is read from the file as needed and never held
/// in memory whole, so a deck of a gigabyte costs what its directory and the
/// parts read from it cost; see `DeckStorage.swift` for how to copy it,
/// rewrite it to a file and check it did not change meanwhile.
public final class Deck {
    /// The path as the caller named it, for messages.
    public let path: String
    /// The SHA-256 of the deck's bytes (of the file, streamed, for a deck opened from a path).
    public let digest: SHA256Digest
    public let package: OPCPackage
    public let presentationPart: String
    /// Slide parts in `p:sldIdLst` order.
    public let slideParts: [String]
    /// Slide size from `p:sldSz`, if present.
    public let slideSize: Frame?
    /// Where the deck's bytes are: in memory, or in the open file.
    let storage: DeckStorage

    /// Opens the deck at `path` without reading it whole: the file is hashed
    /// as a stream, its zip layout walked a window at a time, and its parts
    /// read by libzip when asked for. The file stays open while the deck lives,
    /// so renaming or deleting the path meanwhile changes nothing.
    ///
    /// `hashed` is what an earlier open of the same file in this process
    /// learnt (`fileStatus`, `digest`): when the file's status is still that,
    /// down to the nanosecond of its modification and change times and its
    /// inode, its bytes are the ones hashed then and are not hashed again.
    /// It is the trust `checkUnchanged` already places in the status, spared
    /// a second pass over a deck of a gigabyte between a scan and its inject.
    public convenience init(path: String, limits: ReadLimits = .default,
                            hashed: (status: FileStatus, digest: SHA256Digest)? = nil) throws {
        let file = try DeckFile(path: path, limit: limits.maxDeckBytes)
        let digest = if let hashed, file.status == hashed.status { hashed.digest } else { try file.digest() }
        try self.init(.file(file), digest: digest, path: path, limits: limits) {
            let bytes = try ZipFileBytes(file)
            return try Deck.openArchive(bytes) { try ZipArchive(file: bytes, limits: limits) }
        }
    }

    /// Opens a deck held in memory: what is hashed and parsed is `bytes`,
    /// whatever happens to the file they came from.
    public convenience init(bytes: [UInt8], path: String, limits: ReadLimits = .default) throws {
        try self.init(.memory(bytes), digest: SHA256.hash(bytes), path: path, limits: limits) {
            try Deck.openArchive(bytes) { try ZipArchive(bytes: bytes, limits: limits) }
        }
    }

    /// The file's status as it was opened (nil for a deck in memory): with
    /// `digest`, what a later open may pass as `hashed`.
    public var fileStatus: FileStatus? {
        if case .file(let file) = storage { file.status } else { nil }
    }

    private init(_ storage: DeckStorage, digest: SHA256Digest, path: String, limits: ReadLimits,
                 archive: () throws -> ZipArchive) throws {
        self.path = path
        self.storage = storage
        self.digest = digest
        do {
            package = OPCPackage(archive: try archive(), limits: limits)
            (presentationPart, slideParts, slideSize) = try Deck.readStructure(package)
        } catch let error as AltbuildError {
            throw error.at(path)
        }
    }

    /// The archive `open` opens, once the first and last bytes show a zip
    /// archive; anything else is refused with what it is instead.
    private static func openArchive(_ bytes: some ZipBytes, _ open: () throws -> ZipArchive) throws -> ZipArchive {
        switch try ContainerSniffer.kind(of: bytes) {
        case .oleCompoundFile:
            if try ContainerSniffer.isEncryptedPackage(bytes) {
                throw AltbuildError(.encrypted, "the deck is encrypted with a password (an OLE file holding an EncryptedPackage); remove the password in PowerPoint and build again")
            }
            throw AltbuildError(.legacyPPT, "this is a legacy binary PowerPoint file (.ppt, OLE compound format), not a .pptx; save it as .pptx first")
        case .other:
            if bytes.count == 0 { throw AltbuildError(.notZip, "the file is empty") }
            let start = try ContainerSniffer.prefix(of: bytes, 4)
            throw AltbuildError(.notZip, "not a zip archive, so not a .pptx (it starts with bytes \(start.map { String($0, radix: 16) }.joined(separator: " ")))")
        case .zip:
            let archive = try open()
            if archive.entries.contains(where: \.isEncrypted) {
                throw AltbuildError(.encrypted, "the zip entries are encrypted")
            }
            return archive
        }
    }

    private static func readStructure(_ package: OPCPackage) throws -> (String, [String], Frame?) {
        guard package.contains("[Content_Types].xml") else {
            throw AltbuildError(.missingContentTypes, "the package has no [Content_Types].xml, so it is not an Office document")
        }
        _ = try package.xml("[Content_Types].xml")
        guard let officeDocument = try package.relationships(of: "").first(where: { $0.kind == "officeDocument" && !$0.isExternal }),
              package.contains(officeDocument.target) else {
            throw AltbuildError(.missingPresentation, "the package has no presentation part (no officeDocument relationship in _rels/.rels, or its target is missing)")
        }
        let presentationPart = officeDocument.target
        let presentation = try package.xml(presentationPart)
        guard let root = presentation.root, root.is(.presentation, "presentation") else {
            throw AltbuildError(.missingPresentation, "\(presentationPart) is not a PresentationML presentation (is this a Word or Excel file renamed?)")
        }
        var slides: [String] = []
        for slideID in root.child(.presentation, "sldIdLst")?.children(.presentation, "sldId") ?? [] {
            guard let rid = slideID.attribute(.officeRelationships, "id"),
                  let rel = try package.relationship(of: presentationPart, id: rid), !rel.isExternal else { continue }
            guard package.contains(rel.target) else {
                throw AltbuildError(.missingPart, "slide \(slides.count + 1) points at \(rel.target), which the package does not contain")
            }
            slides.append(rel.target)
        }
        var size: Frame?
        if let sldSz = root.child(.presentation, "sldSz"),
           let cx = sldSz.attribute("cx").flatMap({ Int64($0) }), let cy = sldSz.attribute("cy").flatMap({ Int64($0) }) {
            size = Frame(x: 0, y: 0, width: cx, height: cy)
        }
        return (presentationPart, slides, size)
    }

    /// The inventory of every ALT-text slot, slide by slide.
    public func inventory() throws -> DeckInventory {
        do {
            var slides: [SlideInventory] = []
            var languages: [String: Int] = [:]
            for (index, part) in slideParts.enumerated() {
                let document = try package.xml(part)
                let scan = try SlideScanner(package: package, part: part, slideNumber: index + 1, document: document).scan()
                slides.append(SlideInventory(number: index + 1, part: part, title: scan.title, slots: scan.slots.map(\.slot),
                                             notesBlock: scan.notesBlock))
                // The language most of the deck's text runs are marked with.
                for run in document.root?.descendants(where: { $0.is(.drawing, "rPr") || $0.is(.drawing, "endParaRPr") }) ?? [] {
                    if let lang = run.attribute("lang"), !lang.isEmpty { languages[lang, default: 0] += 1 }
                }
            }
            // Links to slides name their part; the deck knows each part's number.
            let numbers = Dictionary(slides.map { ($0.part, $0.number) }, uniquingKeysWith: { first, _ in first })
            for slideIndex in slides.indices {
                for slotIndex in slides[slideIndex].slots.indices {
                    guard case .action(let action)? = slides[slideIndex].slots[slotIndex].link, action.hasPrefix("slide:") else { continue }
                    let number = numbers[String(action.dropFirst("slide:".count))]
                    slides[slideIndex].slots[slotIndex].link = number.map(SlotLink.slide) ?? .action("slide")
                }
            }
            var inventory = DeckInventory(slides: slides, slideSize: slideSize)
            inventory.language = languages.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
            return inventory
        } catch let error as AltbuildError {
            throw error.at(path)
        }
    }
}
