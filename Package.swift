// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "perceptron",
    products: [
        .executable(name: "perceptron", targets: ["perceptron"]),
        .library(name: "PerceptronCore", targets: ["PerceptronCore"]),
        .library(name: "FileSupport", targets: ["FileSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The training engine: no terminal code. Its exp/log are NumPy's, from CNumPyMath.
        .target(name: "PerceptronCore", dependencies: ["CNumPyMath", "FileSupport"]),
        // NumPy's AVX-512 exp/log (Intel SVML) in C: one body, built with and without FMA.
        .target(name: "CNumPyMath"),
        // Cells, buffers, layout and widgets: pure, renders to memory.
        .target(name: "TerminalUI"),
        // Reading files users name (regular files only, never blocking) and escaping untrusted text.
        .target(name: "FileSupport"),
        // The visualiser's state, update and view: pure.
        .target(name: "PerceptronApp", dependencies: ["PerceptronCore", "TerminalUI", "FileSupport"]),
        // ncursesw, through a hand-written module map: with pkgConfig SwiftPM drops the flag
        // -D_XOPEN_SOURCE=600 as prohibited, and libncursesw.so already pulls in libtinfo.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .executableTarget(
            name: "perceptron",
            dependencies: [
                "PerceptronCore", "TerminalUI", "PerceptronApp", "FileSupport", "CNCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the tests: running processes and driving tmux.
        .target(name: "TestSupport", dependencies: ["PerceptronCore"], path: "Tests/TestSupport"),
        .testTarget(name: "PerceptronCoreTests", dependencies: ["PerceptronCore", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "FileSupportTests", dependencies: ["FileSupport"]),
        .testTarget(name: "PerceptronAppTests", dependencies: ["PerceptronApp", "PerceptronCore", "TerminalUI", "TestSupport"]),
        // Runs the real executable (and drives it in tmux); depends on it so `swift test` builds it.
        .testTarget(name: "PerceptronCLITests", dependencies: ["perceptron", "TestSupport", "PerceptronCore", "TerminalUI"]),
    ],
    swiftLanguageModes: [.v6]
)
