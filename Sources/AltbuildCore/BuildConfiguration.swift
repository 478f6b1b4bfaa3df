public import OOXML
public import Describers

/// Everything a build needs to know, split into what changes outputs (and so
/// enters the fingerprint) and what does not (folders, verbosity).
public struct BuildConfiguration: Sendable {
    public var outputDirectory: String
    /// Where altbuild keeps its own files (`.altbuild`).
    public var stateDirectory: String
    public var policy: AltTextPolicy
    public var limits: ReadLimits
    public var describer: any Describer

    public init(outputDirectory: String = "build", stateDirectory: String = ".altbuild",
                policy: AltTextPolicy = AltTextPolicy(), limits: ReadLimits = .default,
                describer: any Describer = BuiltinDescriber()) {
        self.outputDirectory = outputDirectory
        self.stateDirectory = stateDirectory
        self.policy = policy
        self.limits = limits
        self.describer = describer
    }

    /// Only what changes the bytes of an output: the tool version, the
    /// describer and the policy. Folders and verbosity are left out on purpose.
    public var fingerprint: String {
        "altbuild \(AltbuildVersion.current);describer=\(describer.identity.canonical);\(policy.canonical)"
    }
}
