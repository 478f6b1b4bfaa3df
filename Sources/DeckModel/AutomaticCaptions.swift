import AltbuildSupport

/// The markers PowerPoint (and Word) put at the end of the captions they
/// generate, in every form we found: a text containing one is `automatic`.
///
/// The first line of such a caption ("A picture containing person") reads
/// like a person's, so only the marker decides. The strings are Microsoft's
/// own, as they appear in documents exported from Office in each language;
/// older versions wrote "Description generated with … confidence" instead of
/// "Description automatically generated", and the confidence forms of the
/// newer marker ("… automatically generated with medium confidence") contain
/// the newer marker itself.
public enum AutomaticCaptions {
    public struct Marker: Sendable {
        /// Language tag and form, for tests and reasons.
        public let name: String
        /// Lower case, single spaces.
        public let phrase: String
    }

    public static let markers: [Marker] = [
        Marker(name: "en", phrase: "description automatically generated"),
        Marker(name: "en very high confidence", phrase: "description generated with very high confidence"),
        Marker(name: "en high confidence", phrase: "description generated with high confidence"),
        Marker(name: "en medium confidence", phrase: "description generated with medium confidence"),
        Marker(name: "en low confidence", phrase: "description generated with low confidence"),
        Marker(name: "de", phrase: "beschreibung automatisch generiert"),
        Marker(name: "de generierte", phrase: "automatisch generierte beschreibung"),
        Marker(name: "de erstellte", phrase: "automatisch erstellte beschreibung"),
        Marker(name: "de confidence", phrase: "beschreibung wird automatisch mit"),
        Marker(name: "fr", phrase: "description générée automatiquement"),
        Marker(name: "fr confidence", phrase: "description générée avec un niveau de confiance"),
        Marker(name: "es", phrase: "descripción generada automáticamente"),
        Marker(name: "it", phrase: "descrizione generata automaticamente"),
        Marker(name: "nl", phrase: "automatisch gegenereerde beschrijving"),
        Marker(name: "pt", phrase: "descrição gerada automaticamente"),
    ]

    /// The marker in `text`, compared case-insensitively over the whole text
    /// with its whitespace (line breaks included) collapsed: exporters wrap
    /// the caption anywhere.
    public static func marker(in text: String) -> Marker? {
        let folded = text.collapsingWhitespace().lowercased()
        let bytes = Array(folded.utf8)
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        for (marker, search) in zip(markers, searches) {
            // A phrase's ASCII run is in the bytes of any text that holds the
            // phrase (an ASCII character equals only itself), so its absence
            // rules the phrase out without comparing characters.
            guard contains(bytes, search.asciiRun) else { continue }
            // ASCII text holds only the ASCII phrases, and there (no CR-LF
            // being left) bytes found are characters found.
            if ascii ? search.isASCII : folded.contains(marker.phrase) { return marker }
        }
        return nil
    }

    /// Each marker's longest run of ASCII bytes, and whether that is all of it.
    private static let searches: [(asciiRun: [UInt8], isASCII: Bool)] = markers.map { marker in
        let phrase = Array(marker.phrase.utf8)
        let run = phrase.split { $0 >= 0x80 }.max { $0.count < $1.count }.map(Array.init) ?? []
        return (run, run.count == phrase.count)
    }

    private static func contains(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return phrase.isEmpty }
        for start in 0...(text.count - phrase.count) where text[start] == phrase[0] {
            if text[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
        }
        return false
    }
}
