// swift-tools-version: 6.0
import PackageDescription

/// The libFuzzer harness, kept out of the root package so that a plain
/// `swift build` never needs the sanitizers. Built by `make fuzz` with
/// `-sanitize=fuzzer,address -parse-as-library`: libFuzzer supplies `main`.
let package = Package(
    name: "altbuild-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "altbuild", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's own entry points for Swift to call.
        .target(name: "CFuzzerHooks"),
        .executableTarget(
            name: "DeckFuzzer",
            dependencies: [
                "CFuzzerHooks",
                .product(name: "AltbuildDecks", package: "altbuild"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
