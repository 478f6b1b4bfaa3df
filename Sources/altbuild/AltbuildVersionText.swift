import AltbuildCore

enum AltbuildVersionText {
    static let value = AltbuildVersion.current
}
