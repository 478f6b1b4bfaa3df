import Testing
@testable import AltbuildCore

/// A cached description is a positional JSON array (version 3); the keyed
/// records of version 2 still read, anything else is a miss.
@Suite struct DescriptionRecordTests {
    @Test func theRecordIsAShortArray() throws {
        let record = DescriptionRecord(text: "A red bicycle.", needsReview: false, reason: nil)
        #expect(String(decoding: try record.encoded(), as: UTF8.self) == #"[3,false,"A red bicycle."]"#)
        let withReason = DescriptionRecord(text: "Slide 2", needsReview: true, reason: "only the title is known")
        #expect(String(decoding: try withReason.encoded(), as: UTF8.self) == #"[3,true,"Slide 2","only the title is known"]"#)
    }

    @Test func anyTextRoundTrips() throws {
        for record in [
            DescriptionRecord(text: "Quotes \" and \\ and\na second line", needsReview: false, reason: nil),
            DescriptionRecord(text: "תרשים עמודות “Umsatz” – 50 % ✓", needsReview: true, reason: "a model's reason, with \"quotes\""),
            DescriptionRecord(text: "", needsReview: true, reason: ""),
        ] {
            #expect(DescriptionRecord.decode(try record.encoded()) == record)
        }
    }

    @Test func aVersion2RecordStillReads() {
        let keyed = Array(#"{"needsReview":true,"reason":"asked a model once","text":"A red bicycle.","version":2}"#.utf8)
        #expect(DescriptionRecord.decode(keyed) == DescriptionRecord(text: "A red bicycle.", needsReview: true, reason: "asked a model once"))
        let noReason = Array(#"{"needsReview":false,"text":"A chart.","version":2}"#.utf8)
        #expect(DescriptionRecord.decode(noReason) == DescriptionRecord(text: "A chart.", needsReview: false, reason: nil))
    }

    @Test func otherVersionsAndDamageAreMisses() {
        for text in [#"[4,false,"A newer record"]"#, #"[3,false,"one",  "two", "three"]"#, #"[3,"false","text"]"#,
                     #"[3,false]"#, #"[3,false,"torn"#, #"{"needsReview":false,"text":"A chart.","version":1}"#, "", "[]"] {
            #expect(DescriptionRecord.decode(Array(text.utf8)) == nil, "\(text)")
        }
    }
}
