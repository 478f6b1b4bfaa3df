// swift-tools-version: 6.0
import PackageDescription

/// Strict settings shared by every Swift target: explicit `any`, and imports
/// internal by default so a module's dependencies never leak into its API.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// `altbuild`, the process every command starts, links libstdc++ in rather
/// than loading it (release builds on Linux): `-lstdc++` finds the linker
/// script in scripts/static-libstdc++/ first, and it names the static
/// archive. Loading the shared library cost each start ~0.5 ms of CPU (1,700
/// symbol bindings); see BENCHMARKS.md, "Start-up".
let staticLibstdcxx: [LinkerSetting] = [
    .unsafeFlags(["-L", Context.packageDirectory + "/scripts/static-libstdc++"],
                 .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "altbuild",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "altbuild", targets: ["altbuild"]),
        .executable(name: "altbuild-worker", targets: ["altbuild-worker"]),
        .executable(name: "altbuild-review", targets: ["altbuild-review"]),
        .library(name: "AltbuildDecks", targets: ["OOXML", "DeckParsing", "DeckModel", "AltbuildSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Only for altbuild-review's local web server; it links full Foundation.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C libraries, found with pkg-config; the providers tell users what to install.
        .systemLibrary(
            name: "CZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // dlopen on first use, one copy shared by the two loaders below.
        .target(name: "CDynamicLibrary", linkerSettings: [.linkedLibrary("dl")]),
        // libcurl, loaded with dlopen on first use (headers from libcurl4-openssl-dev).
        .target(name: "CCurlLoader", dependencies: ["CDynamicLibrary"]),
        // libgd for scaling pictures in the worker, likewise loaded on first use.
        .target(name: "CImageLoader", dependencies: ["CDynamicLibrary"]),
        // libcrypto's SHA-256, likewise loaded on first use: a no-op build never hashes.
        .target(name: "CCryptoLoader", dependencies: ["CDynamicLibrary"]),

        // Shared vocabulary: errors with stable codes, SHA-256, durable file writes.
        .target(
            name: "AltbuildSupport", dependencies: ["CCryptoLoader", "CZlib"],
            swiftSettings: strictSettings),
        // What a deck's inventory is made of (slots, kinds, texts, edits), in plain Swift.
        .target(
            name: "DeckModel", dependencies: ["AltbuildSupport"],
            swiftSettings: strictSettings),
        // The OOXML layer: open, inventory and rewrite a deck. Knows nothing of builds.
        .target(
            name: "OOXML", dependencies: ["DeckModel", "AltbuildSupport", "CZip", "CLibXML2"],
            swiftSettings: strictSettings),
        // HTTP for the model-backed describers and the remote cache, over libcurl.
        .target(
            name: "HTTPClient", dependencies: ["AltbuildSupport", "ProcessSupport", "CCurlLoader"],
            swiftSettings: strictSettings),
        // Pictures in the worker: format, declared size, pixel budget, scaling. Never run in the parent.
        .target(
            name: "ImageTools", dependencies: ["DeckModel", "CImageLoader"],
            swiftSettings: strictSettings),
        // Describers turn one slot into ALT text.
        .target(
            name: "Describers", dependencies: ["DeckModel", "AltbuildSupport", "ProcessSupport", "HTTPClient"],
            swiftSettings: strictSettings),
        // The generic build engine: discovery, scheduling and reporting. Knows nothing of PowerPoint.
        .target(
            name: "BuildEngine",
            dependencies: ["AltbuildSupport", "HTTPClient", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings),
        // Child processes and signals: spawning isolated workers, timeouts, cancellation.
        .target(
            name: "ProcessSupport", dependencies: ["AltbuildSupport"],
            swiftSettings: strictSettings),
        // The glue that makes decks into build targets.
        .target(
            name: "AltbuildCore",
            dependencies: [
                "DeckModel", "Describers", "BuildEngine", "AltbuildSupport", "ProcessSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // Parsing and rewriting decks for the worker (and for tests, in process).
        .target(
            name: "DeckParsing", dependencies: ["OOXML", "ImageTools", "DeckModel", "AltbuildCore", "AltbuildSupport"],
            swiftSettings: strictSettings),
        // The worker: one deck, parsed or rewritten in its own process.
        .executableTarget(
            name: "altbuild-worker", dependencies: ["DeckParsing", "AltbuildSupport"],
            swiftSettings: strictSettings),
        // The project's settings: every option's key in `altbuild.toml`, its
        // flag and its default, in one table, and the file read with TOMLKit.
        .target(
            name: "ProjectSettings",
            dependencies: ["AltbuildSupport", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strictSettings),
        // The thin command-line front end.
        .executableTarget(
            name: "altbuild",
            dependencies: [
                "AltbuildCore", "DeckModel", "BuildEngine", "AltbuildSupport", "ProcessSupport", "Describers", "ProjectSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings, linkerSettings: staticLibstdcxx),
        // The review page: a local web server over the review files. Its own
        // executable so that FlyingFox (and full Foundation) never slow
        // `altbuild`'s start-up; `altbuild review serve` execs it.
        .executableTarget(
            name: "altbuild-review",
            dependencies: [
                "AltbuildCore", "DeckModel", "AltbuildSupport",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),

        .testTarget(
            name: "AltbuildTests",
            dependencies: [
                "DeckModel", "OOXML", "DeckParsing", "Describers", "BuildEngine", "AltbuildCore", "AltbuildSupport",
                "ProcessSupport", "ImageTools", "CZip",
            ],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
