/// The tool's version. It is part of every configuration fingerprint, so a
/// new altbuild rebuilds what an older one wrote.
public enum AltbuildVersion {
    public static let current = "0.1.0"
}
