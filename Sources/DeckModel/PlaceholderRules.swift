import AltbuildSupport

/// The patterns that make existing ALT text a placeholder: a file name, a
/// path, a URL, a number or a default name where a description should be.
///
/// Why a table: 65 real decks showed the old single test (one token ending in
/// a media extension, at most three words) caught `D:\Henri\Gifs Henri\H Love.gif`
/// but not `…\H gros ventre.gif`. Each pattern here is named, has its own test,
/// and says which rule matched, so a miss is fixed by adding a row.
///
/// Every rule applies to single-line text only: a person's description may
/// well span lines and mention a file, a tool never writes one that does.
public enum PlaceholderRules {
    public struct Rule: Sendable {
        /// Stable name, used by the tests (one per rule) and in reasons.
        public let name: String
        let matches: @Sendable (_ text: String, _ shapeName: String) -> Bool
    }

    public static let all: [Rule] = [
        Rule(name: "shape name") { text, shapeName in text == shapeName.trimmingWhitespace() },
        Rule(name: "file name") { text, _ in endsInFileExtension(text) && !readsAsProse(text) },
        Rule(name: "path") { text, _ in isPath(text) },
        Rule(name: "url") { text, _ in isURL(text) },
        Rule(name: "wiki file") { text, _ in isWikiFile(text) },
        Rule(name: "number") { text, _ in isBareNumber(text) },
        Rule(name: "default name") { text, _ in isDefaultName(text) },
    ]

    /// The first rule `text` (already trimmed) matches, or nil.
    public static func match(_ text: String, shapeName: String) -> Rule? {
        guard !text.contains(where: \.isNewline) else { return nil }
        return all.first { $0.matches(text, shapeName) }
    }

    // MARK: - Patterns

    /// Pictures, media and the documents people paste as pictures.
    static let fileExtensions: Set<String> = [
        "png", "jpg", "jpeg", "jpe", "jfif", "gif", "bmp", "dib", "tif", "tiff", "emf", "wmf", "svg",
        "webp", "heic", "heif", "ico", "psd", "eps", "pict", "pcx",
        "mp4", "m4v", "mov", "avi", "wmv", "mpg", "mpeg", "mkv", "mp3", "wav", "m4a", "wma", "aac", "ogg",
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "vsd", "vsdx", "txt", "rtf", "zip",
    ]

    /// `logo.png`, `MC900438451[1].jpg`, `WD Diageo Talent Card pg 2.JPG`:
    /// the last dot is followed by a known extension and nothing else.
    static func endsInFileExtension(_ text: String) -> Bool {
        guard let dot = text.lastIndex(of: "."), dot != text.startIndex else { return false }
        return fileExtensions.contains(text[text.index(after: dot)...].lowercased())
    }

    /// "Logo of the team, see logo.png": a sentence that ends in a file name
    /// is a description. Clause punctuation followed by a space marks prose;
    /// file names almost never hold it.
    static func readsAsProse(_ text: String) -> Bool {
        [", ", "; ", ": ", ". ", "! ", "? "].contains { text.contains($0) }
    }

    /// `C:\x`, `D:/x`, `\\server\share`, `/Users/x/y.png`, `~/x`: whatever
    /// the words in between, a path is what a tool wrote.
    static func isPath(_ text: String) -> Bool {
        let chars = Array(text.prefix(3))
        if chars.count == 3, chars[0].isASCII, chars[0].isLetter, chars[1] == ":", chars[2] == "\\" || chars[2] == "/" {
            return true
        }
        if text.hasPrefix("\\\\") { return true }
        if text.hasPrefix("/") || text.hasPrefix("~/") {
            // At least two segments, so "/ 2" or a lone slash is not a path.
            return text.split(separator: "/").count >= 2 && !readsAsProse(text)
        }
        return false
    }

    /// A URL is one token: `https://…`, `www.…`; `file:` URLs may hold the
    /// spaces of the path they name.
    static func isURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if lowered.hasPrefix("file:/") { return true }
        let schemes = ["http://", "https://", "ftp://", "www."]
        return schemes.contains { lowered.hasPrefix($0) } && !text.contains(where: \.isWhitespace)
    }

    /// `File:Hua Yi Secondary School Chemistry Laboratory.JPG`: a wiki's
    /// file page name, in the languages whose decks we have seen.
    static func isWikiFile(_ text: String) -> Bool {
        let prefixes = ["file:", "image:", "datei:", "bild:", "fichier:", "archivo:", "imagen:", "bestand:", "ficheiro:"]
        let lowered = text.lowercased()
        return prefixes.contains { prefix in
            lowered.hasPrefix(prefix) && lowered.dropFirst(prefix.count).first.map { !$0.isWhitespace } == true
        }
    }

    /// `12`, `3.5`, `-4`, `1,000`: digits with an optional sign and separators.
    /// "The 2 of us" has words, so it is not one.
    static func isBareNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if let first = body.first, first == "-" || first == "+" { body = body.dropFirst() }
        guard let first = body.first, let last = body.last, first.isASCII, first.isNumber, last.isASCII, last.isNumber else { return false }
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    }

    /// Names cameras, PowerPoint, Word's HTML export and clip art give:
    /// "Picture 3", "Content Placeholder 12", "image001", "IMG_1234",
    /// "DSC01234", "clip_image002", "MC900438451".
    static let defaultNames: Set<String> = [
        "picture", "image", "graphic", "chart", "table", "diagram", "group", "object", "video",
        "audio", "rectangle", "content placeholder", "picture placeholder", "shape", "photo",
        "screenshot", "img", "dsc", "dscn", "dcim", "pxl", "oval", "freeform", "textbox", "text box",
        "clip_image", "mc", "grafik", "bild", "imagen", "immagine", "afbeelding", "imagem",
    ]

    static func isDefaultName(_ text: String) -> Bool {
        let lowered = text.lowercased()
        var stem = Substring(lowered)
        while let last = stem.last, last.isNumber || last == " " || last == "_" || last == "-" { stem = stem.dropLast() }
        return defaultNames.contains(String(stem))
    }
}
