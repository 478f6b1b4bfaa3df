import Testing
import AltbuildSupport
@testable import BuildEngine
@testable import AltbuildCore
import Describers

/// The configuration that enters every key is canonical JSON, so values with
/// newlines or `=` survive the round trip that `explain` makes.
@Suite struct ConfigurationKeyTests {
    func configuration(_ command: String) -> String {
        BuildConfiguration(describer: CommandDescriber(command: command)).canonicalConfiguration(inPlace: false)
    }

    @Test func aMultiLineDescriberCommandIsOneSettingThatExplainNames() {
        let before = configuration("cat > /dev/null\necho a=1")
        let after = configuration("cat > /dev/null\necho a=2")
        let planner = Planner(options: BuildOptions(), configuration: after, keyForInput: { $0 })
        #expect(planner.configurationChanges(from: before, to: after)
                == [ConfigurationChange(name: "describer.command", from: "cat > /dev/null\necho a=1", to: "cat > /dev/null\necho a=2")])
        #expect(BuildReason.configurationChanged(planner.configurationChanges(from: before, to: after)).text
                == "config describer.command changed (cat > /dev/null\necho a=1 → cat > /dev/null\necho a=2)")
    }

    @Test func theSameSettingsAreTheSameTextWhateverTheirOrder() {
        #expect(configuration("x") == configuration("x"))
        #expect(ConfigurationText.settings(configuration("x"))?["describer.command"] == "x")
        #expect(ConfigurationText.settings("altbuild.version=0.1\nmode=out-dir") == nil, "an older format is not misread")
    }
}

/// Action-cache entries are versioned JSON naming their own key.
@Suite struct ActionCacheEntryTests {
    @Test func tornOrMisplacedEntriesAreMissesAndAreDropped() throws {
        let cache = ActionCache(root: Fixtures.temporaryDirectory())
        let key = SHA256.hash(Array("key".utf8)), other = SHA256.hash(Array("other".utf8)), result = SHA256.hash(Array("result".utf8))
        try cache.record("targets", key, result: result)
        #expect(cache.lookup("targets", key) == result)
        try FileIO.writeAtomically(Array("{\"version\":1,\"key\":".utf8), to: cache.path("targets", key))
        #expect(cache.lookup("targets", key) == nil)
        #expect(!FileIO.exists(cache.path("targets", key)), "a torn entry is dropped")
        try cache.record("targets", other, result: result)
        try FileIO.writeAtomically(try FileIO.read(cache.path("targets", other)), to: cache.path("targets", key))
        #expect(cache.lookup("targets", key) == nil, "another key's entry in this key's place is not trusted")
    }
}
