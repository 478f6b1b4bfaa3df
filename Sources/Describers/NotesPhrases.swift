/// The words of a long description (`--long-descriptions notes`) around the
/// deck's own data, one row per language that has a phrasebook. A language
/// without a row gets none of them: only the deck's words, numbers and the
/// block's "── altbuild ──" markers, never an English frame.
struct NotesPhrases: Sendable {
    /// "Value axis: " (with this language's colon).
    var valueAxis: String
    var categoryAxis: String
    /// A series without a name: "Series 2".
    var series: @Sendable (Int) -> String
    /// The sentence the ALT text ends with when the full data is in the notes.
    var pointer: String
    /// The markers' labels: "── altbuild: long descriptions ──", "── altbuild: end ──".
    var heading: String
    var end: String

    static let byLanguage: [String: NotesPhrases] = [
        "en": NotesPhrases(valueAxis: "Value axis: ", categoryAxis: "Category axis: ", series: { "Series \($0)" },
                           pointer: "Full data in the slide notes.", heading: "long descriptions", end: "end"),
        "de": NotesPhrases(valueAxis: "Größenachse: ", categoryAxis: "Rubrikenachse: ", series: { "Datenreihe \($0)" },
                           pointer: "Alle Daten in den Notizen der Folie.", heading: "ausführliche Beschreibungen", end: "Ende"),
        "fr": NotesPhrases(valueAxis: "Axe des valeurs : ", categoryAxis: "Axe des catégories : ", series: { "Série \($0)" },
                           pointer: "Toutes les données dans les notes de la diapositive.", heading: "descriptions longues", end: "fin"),
        "es": NotesPhrases(valueAxis: "Eje de valores: ", categoryAxis: "Eje de categorías: ", series: { "Serie \($0)" },
                           pointer: "Todos los datos en las notas de la diapositiva.", heading: "descripciones largas", end: "fin"),
        "he": NotesPhrases(valueAxis: "ציר ערכים: ", categoryAxis: "ציר קטגוריות: ", series: { "סדרה \($0)" },
                           pointer: "כל הנתונים בהערות השקופית.", heading: "תיאורים מפורטים", end: "סוף"),
    ]

    /// Only the deck's words: axis titles bare, unnamed series by number.
    static let neutral = NotesPhrases(valueAxis: "", categoryAxis: "", series: { "#\($0)" }, pointer: "", heading: "", end: "")
}
