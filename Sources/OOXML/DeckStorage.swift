import AltbuildSupport

/// Where a deck's bytes are: held in memory (`Deck(bytes:path:)`), or in the
/// deck file, open for as long as the deck lives (`Deck(path:)`).
enum DeckStorage {
    case memory([UInt8])
    case file(DeckFile)
}

extension Deck {
    /// The deck's bytes, exactly as read and hashed.
    ///
    /// A deck opened from a path is not held in memory, so this reads the
    /// whole file again, and stops the process if it no longer can (an I/O
    /// error, or the file written to since it was hashed): there is no right
    /// answer to give then. Use `contents()`, which throws, or, to write the
    /// unchanged deck somewhere, `copy(to:durable:)` or `DeckRewriter.write`.
    @available(*, deprecated, message: "reads a file-backed deck whole and traps on failure: use contents(), copy(to:durable:) or DeckRewriter.write(_:edits:to:durable:)")
    public var bytes: [UInt8] {
        do {
            return try contents()
        } catch {
            fatalError("\(error)")
        }
    }

    /// The deck's bytes, exactly as hashed: the array it was opened from, or
    /// the whole file, read again (`E_INPUT_CHANGED` if it changed since).
    public func contents() throws -> [UInt8] {
        switch storage {
        case .memory(let bytes):
            return bytes
        case .file(let file):
            let bytes = try file.read(0..<file.size)
            try file.checkUnchanged()
            return bytes
        }
    }

    /// Writes the deck unchanged to `output`, as a temp file renamed into
    /// place (fsynced with its folder when `durable`). A deck opened from a
    /// path is copied a MiB at a time, never held whole, and then checked
    /// unchanged, so the copy has the deck's `digest`.
    public func copy(to output: String, durable: Bool = false) throws {
        switch storage {
        case .memory(let bytes):
            try FileIO.writeAtomically(bytes, to: output, durable: durable)
        case .file(let file):
            try file.copy(to: output, durable: durable)
        }
    }

    /// Throws `E_INPUT_CHANGED` if the deck's file was written to since it was
    /// opened; a deck in memory never changes.
    ///
    /// A deck opened from a path is hashed first and read afterwards, as
    /// needed. Call this once the last read is done (after the inventory of
    /// a scan) so that nothing learnt from a file that changed meanwhile is
    /// kept: the digest then stands for the bytes that were parsed.
    /// `copy(to:)` and `DeckRewriter.write` check it themselves.
    public func checkUnchanged() throws {
        if case .file(let file) = storage { try file.checkUnchanged() }
    }
}
