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
