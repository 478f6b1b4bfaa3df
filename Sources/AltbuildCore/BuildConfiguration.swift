public import DeckModel
public import Describers
public import AltbuildSupport
import Synchronization

/// Everything a build needs to know, split into what changes outputs (and so
/// enters the fingerprint) and what does not (folders, verbosity).
public struct BuildConfiguration: Sendable {
    public var outputDirectory: String
    /// Where altbuild keeps its own files (`.altbuild`).
    public var stateDirectory: String
    public var policy: AltTextPolicy
    public var limits: ReadLimits
    public var describer: any Describer
    /// Pictures declaring more pixels than this are not decoded (changes outputs).
    public var maxPixels: Int
    /// Each worker's address-space limit in bytes (only turns runaways into failures).
    public var workerMemory: Int
    /// Where the decks' review files live, relative to the project root
    /// (`alt-text`): each is a declared input of its deck's target.
    public var reviewDirectory = "alt-text"

    public init(outputDirectory: String = "build", stateDirectory: String = ".altbuild",
                policy: AltTextPolicy = AltTextPolicy(), limits: ReadLimits = .default,
                describer: any Describer = BuiltinDescriber(), maxPixels: Int = ImagePreparation.defaultMaxPixels,
                workerMemory: Int = WorkerDeckProcessor.defaultMemoryLimit) {
        self.outputDirectory = outputDirectory
        self.stateDirectory = stateDirectory
        self.policy = policy
        self.limits = limits
        self.describer = describer
        self.maxPixels = maxPixels
        self.workerMemory = workerMemory
    }

    /// How the worker prepares pictures for this build's describer.
    public var imagePreparation: ImagePreparation {
        ImagePreparation(maxPixels: maxPixels, longestSide: describer.imageSide)
    }

    /// Only what changes the bytes of an output, by name: the tool version,
    /// the describer and its settings, the ALT-text policy, the pixel budget
    /// and the mode. Folders, jobs, verbosity and timeouts are left out on
    /// purpose, so changing them rebuilds nothing.
    public func configurationSettings(inPlace: Bool) -> [String: String] {
        let identity = describer.identity
        var settings = [
            "altbuild.version": AltbuildVersion.current,
            "describer.name": identity.name,
            "describer.version": identity.version,
            "policy.replaceAutomatic": String(policy.replaceAutomatic),
            "policy.overwrite": String(policy.overwrite),
            "policy.decorativeBelow": String(policy.decorativeBelowPercent),
            "policy.fallback": policy.fallbackContext ? "context" : "none",
            "policy.decorative": policy.decorativeDetection.rawValue,
            "policy.long-descriptions": policy.longDescriptions.rawValue,
            "images.maxPixels": String(maxPixels),
            "mode": inPlace ? "in-place" : "out-dir",
        ]
        for (name, value) in identity.settings { settings["describer." + name] = value }
        return settings
    }

    /// The settings as canonical JSON (sorted keys, values escaped): the text
    /// that enters every action key and that the state records for `explain`.
    public func canonicalConfiguration(inPlace: Bool) -> String {
        // A dictionary of strings always encodes.
        (try? CanonicalJSON.text(configurationSettings(inPlace: inPlace))) ?? "{}"
    }

    /// The key function for one configuration: the configuration is hashed
    /// once and the hasher copied for each deck, since a no-op build computes
    /// a key per deck.
    public static func actionKeyFunction(configuration: String) -> @Sendable (SHA256Digest) -> SHA256Digest {
        // Created on first use: a no-op build never needs a key it has not
        // recorded, and starting OpenSSL costs more than the rest of a no-op.
        let prefix = LazyPrefixHasher("altbuild-deck-action-v1\n" + configuration + "\ninput=")
        return { digest in prefix.hash(digest.bytes) }
    }
}

/// A hasher over a fixed prefix, made once when first needed and then only
/// copied. The hasher is not Sendable, so it never leaves the mutex: each
/// hash is made inside it, and only the digest comes out.
private final class LazyPrefixHasher: Sendable {
    private let text: String
    private let hasher = Mutex<SHA256?>(nil)

    init(_ text: String) { self.text = text }

    /// The SHA-256 of the prefix followed by `bytes`.
    func hash(_ bytes: [UInt8]) -> SHA256Digest {
        hasher.withLock { stored in
            let prefix: SHA256
            if let made = stored {
                prefix = made
            } else {
                prefix = SHA256()
                prefix.update(text)
                stored = prefix
            }
            let copy = prefix.copy()
            copy.update(bytes)
            return copy.finalize()
        }
    }
}
