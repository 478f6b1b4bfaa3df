import Testing
import Foundation

/// Shell completions come from swift-argument-parser, but `altbuild` has a
/// `main()` of its own (a fast path for `build`): these tests make sure the
/// completion scripts still come out, load in bash, and complete the real
/// command tree, as `make install` ships them.
@Suite struct ShellIntegrationTests {
    /// Sources the script the way README-hooks.md tells users to, then asks
    /// bash's completion function what it offers after `altbuild $1`.
    static let bashProbe = #"""
        set -e
        source <("$ALTBUILD" --generate-completion-script bash)
        complete -p altbuild
        offer() {
            COMP_WORDS=(altbuild "$@"); COMP_CWORD=$#; COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            COMPREPLY=()
            _altbuild altbuild "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            echo "offer $*: ${COMPREPLY[*]}"
        }
        offer re
        offer build --in
        offer build --describer ""
        """#

    @Test func bashLoadsTheScriptAndCompletesSubcommandsFlagsAndValues() throws {
        let result = try BinaryRunner.run(["-c", Self.bashProbe], in: NSTemporaryDirectory(),
                                          environment: ["ALTBUILD": BinaryRunner.binary], executable: "/bin/bash")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "complete -o filenames -F _altbuild altbuild", "\(result.stdout)")
        #expect(lines.contains("offer re: review"), "\(result.stdout)")
        #expect(lines.contains("offer build --in: --in-place"), "\(result.stdout)")
        #expect(lines.contains("offer build --describer : builtin ollama openai command"), "\(result.stdout)")
    }

    /// zsh and fish are not on every machine that runs the tests, so their
    /// scripts are checked for the header each shell needs and for the commands.
    @Test(arguments: [("zsh", "#compdef altbuild"), ("fish", "complete -c 'altbuild'")])
    func otherShellsGetAScriptForTheWholeTree(shell: String, marker: String) throws {
        let result = try BinaryRunner.run(["--generate-completion-script", shell], in: NSTemporaryDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(marker), "\(result.stdout.prefix(200))")
        for word in ["review", "approve", "check", "in-place"] {
            #expect(result.stdout.contains(word), "no \(word) in the \(shell) script")
        }
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try BinaryRunner.run(["--generate-completion-script", "tcsh"], in: NSTemporaryDirectory())
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    }
}
