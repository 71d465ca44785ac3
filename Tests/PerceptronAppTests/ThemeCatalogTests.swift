import Foundation
import TerminalUI
import XCTest
@testable import PerceptronApp

/// Finding themes: search order, the compiled-in fallback, paths, NO_COLOR, the `t` key's order.
final class ThemeCatalogTests: XCTestCase {
    private let builtIns = ["default", "greyscale", "high-contrast", "mono", "projector"]

    private func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("theme-catalog-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// Writes `directory/name.theme` whose title is `hex`, creating the directory.
    @discardableResult
    private func writeTheme(_ name: String, in directory: String, title hex: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name + ".theme"
        try "theme[title]=\"\(hex)\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func title(_ catalog: ThemeCatalog, _ name: String) throws -> Color {
        try catalog.load(name).theme.style(.title).foreground
    }

    private func loadError(_ catalog: ThemeCatalog, _ nameOrPath: String) -> String? {
        do throws(ThemeError) { _ = try catalog.load(nameOrPath); return nil } catch { return error.description }
    }

    func testTheFirstDirectoryWithTheNameWins() throws {
        let root = try temporaryDirectory()
        let first = root + "/first", second = root + "/second"
        let winner = try writeTheme("lab", in: first, title: "#111111")
        try writeTheme("lab", in: second, title: "#222222")
        try writeTheme("only-second", in: second, title: "#333333")

        let catalog = ThemeCatalog(searchDirectories: [first, second])
        XCTAssertEqual(try title(catalog, "lab"), .rgb(0x11, 0x11, 0x11))
        XCTAssertEqual(try catalog.load("lab").path, winner)
        XCTAssertEqual(try title(catalog, "only-second"), .rgb(0x33, 0x33, 0x33))
        XCTAssertEqual(try title(ThemeCatalog(searchDirectories: [second, first]), "lab"), .rgb(0x22, 0x22, 0x22))

        let entries = catalog.available()
        XCTAssertEqual(entries.map(\.name), ["default", "greyscale", "high-contrast", "lab", "mono", "only-second", "projector"])
        XCTAssertEqual(entries.first { $0.name == "lab" }, ThemeEntry(name: "lab", path: winner, directory: first))
        XCTAssertEqual(entries.first { $0.name == "mono" }, ThemeEntry(name: "mono", path: nil, directory: nil))
        XCTAssertEqual(entries.first { $0.name == "mono" }?.location, "built in")
    }

    func testAFileShadowsTheCompiledInThemeOfItsName() throws {
        let root = try temporaryDirectory()
        try writeTheme("default", in: root, title: "#123456")
        let catalog = ThemeCatalog(searchDirectories: [root])
        XCTAssertEqual(try title(catalog, "default"), .rgb(0x12, 0x34, 0x56))
        XCTAssertEqual(catalog.available().filter { $0.name == "default" }.map(\.directory), [root])
    }

    func testCompiledInThemesWorkFromAnyDirectory() throws {
        let catalog = ThemeCatalog(searchDirectories: [try temporaryDirectory(), "/nonexistent/themes"])
        XCTAssertEqual(catalog.available().map(\.name), builtIns)
        XCTAssertTrue(catalog.available().allSatisfy(\.isBuiltIn))
        for name in builtIns {
            let loaded = try catalog.load(name)
            XCTAssertEqual(loaded.warnings, [])
            XCTAssertNil(loaded.path)
            XCTAssertEqual(loaded.theme, try ThemeFile.load(path: ThemeFileTests.themesDirectory + "/\(name).theme").theme)
        }
        XCTAssertEqual(try catalog.load("default").theme, Theme.standard)
        XCTAssertTrue(try catalog.load("projector").theme.heavyLines)
    }

    func testTheRepositorysThemesFolder() throws {
        let catalog = ThemeCatalog(searchDirectories: [ThemeFileTests.themesDirectory])
        XCTAssertEqual(catalog.available().map(\.name), builtIns)
        XCTAssertEqual(catalog.available().map(\.path), builtIns.map { ThemeFileTests.themesDirectory + "/\($0).theme" })
        XCTAssertEqual(try catalog.load("mono").path, ThemeFileTests.themesDirectory + "/mono.theme")
    }

    func testPathsAreLoadedDirectly() throws {
        let root = try temporaryDirectory()
        let path = try writeTheme("lab", in: root, title: "#ABCDEF")
        let catalog = ThemeCatalog(searchDirectories: [])
        XCTAssertTrue(ThemeCatalog.isPath(path))
        XCTAssertTrue(ThemeCatalog.isPath("lab.theme"))
        XCTAssertTrue(ThemeCatalog.isPath("./lab"))
        XCTAssertFalse(ThemeCatalog.isPath("projector"))
        XCTAssertEqual(try catalog.load(path).theme.name, "lab")
        XCTAssertEqual(try title(catalog, path), .rgb(0xAB, 0xCD, 0xEF))
        // A file without the .theme ending, named by a path with a slash.
        let plain = root + "/colours.txt"
        try "theme[title]=\"#010203\"\n".write(toFile: plain, atomically: true, encoding: .utf8)
        XCTAssertEqual(try title(catalog, plain), .rgb(1, 2, 3))
        XCTAssertEqual(loadError(catalog, root + "/missing.theme"), "\(root)/missing.theme: no such theme file")
        // A path never falls back to a compiled-in theme.
        XCTAssertEqual(loadError(catalog, "projector.theme"), "projector.theme: no such theme file")
    }

    func testAnUnknownNameListsTheAvailableThemes() throws {
        let root = try temporaryDirectory()
        try writeTheme("lab", in: root, title: "#000000")
        let catalog = ThemeCatalog(searchDirectories: [root])
        XCTAssertEqual(loadError(catalog, "nope"),
                       "unknown theme 'nope': use one of default, greyscale, high-contrast, lab, mono, projector, or a path to a .theme file")
        XCTAssertEqual(loadError(catalog, ""),
                       "--theme needs a name or a path: use one of default, greyscale, high-contrast, lab, mono, projector, or a path to a .theme file")
    }

    func testABrokenFileIsAnErrorNotSkipped() throws {
        let root = try temporaryDirectory()
        let broken = root + "/first/projector.theme"
        try writeTheme("projector", in: root + "/first", title: "blue")
        let catalog = ThemeCatalog(searchDirectories: [root + "/first"])
        XCTAssertEqual(loadError(catalog, "projector"), "\(broken):1: unknown colour 'blue': \(ThemeFile.valueHelp)")
        // The `t` key's themes leave it out and say why.
        let cycle = catalog.loadCycle()
        XCTAssertEqual(cycle.themes.map(\.name), ["default", "greyscale", "high-contrast", "mono"])
        XCTAssertEqual(cycle.warnings, ["\(broken):1: unknown colour 'blue': \(ThemeFile.valueHelp)"])
    }

    func testCycleOrderIsDefaultFirstThenSorted() throws {
        XCTAssertEqual(ThemeCatalog(searchDirectories: []).cycleOrder(), builtIns)
        let root = try temporaryDirectory()
        try writeTheme("aaa", in: root, title: "#000000")
        try writeTheme("zzz", in: root, title: "#000000")
        try writeTheme("default", in: root, title: "#000000")
        XCTAssertEqual(ThemeCatalog(searchDirectories: [root]).cycleOrder(),
                       ["default", "aaa", "greyscale", "high-contrast", "mono", "projector", "zzz"])
        // Hidden files, other extensions and directories are not themes.
        try "".write(toFile: root + "/.hidden.theme", atomically: true, encoding: .utf8)
        try "".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/folder.theme", withIntermediateDirectories: false)
        XCTAssertEqual(ThemeCatalog(searchDirectories: [root]).available().count, 7)
    }

    func testStandardSearchDirectories() {
        let exe = "/opt/perceptron/bin/perceptron"
        XCTAssertEqual(ThemeCatalog.standardSearchDirectories(
            environment: ["XDG_CONFIG_HOME": "/x/config", "HOME": "/home/ada"], executablePath: exe, currentDirectory: "/work"),
            ["/work/themes", "/x/config/perceptron/themes", "/opt/perceptron/bin/themes", "/opt/perceptron/share/perceptron/themes"])
        // No XDG_CONFIG_HOME (or an empty or relative one, which the XDG spec says to ignore): HOME.
        for environment in [["HOME": "/home/ada"], ["HOME": "/home/ada", "XDG_CONFIG_HOME": ""],
                            ["HOME": "/home/ada", "XDG_CONFIG_HOME": "relative/config"]] {
            XCTAssertEqual(ThemeCatalog.standardSearchDirectories(environment: environment, executablePath: exe, currentDirectory: "/work"),
                           ["/work/themes", "/home/ada/.config/perceptron/themes", "/opt/perceptron/bin/themes",
                            "/opt/perceptron/share/perceptron/themes"])
        }
        // Neither; a relative executable path; directories that coincide are listed once.
        XCTAssertEqual(ThemeCatalog.standardSearchDirectories(environment: [:], executablePath: "./perceptron", currentDirectory: "/work/"),
                       ["/work/themes", "/share/perceptron/themes"])
        XCTAssertEqual(ThemeCatalog.standardSearchDirectories(environment: [:], executablePath: ".build/debug/perceptron",
                                                              currentDirectory: "/work"),
                       ["/work/themes", "/work/.build/debug/themes", "/work/.build/share/perceptron/themes"])
        XCTAssertEqual(ThemeCatalog.standardSearchDirectories(environment: ["HOME": ""], executablePath: "", currentDirectory: "/work"),
                       ["/work/themes"])
    }

    func testLookupOrderThroughTheStandardDirectories() throws {
        let root = try temporaryDirectory()
        let cwd = root + "/project", xdg = root + "/xdg", home = root + "/home", prefix = root + "/prefix"
        let exe = prefix + "/bin/perceptron"
        try writeTheme("lab", in: cwd + "/themes", title: "#000001")
        try writeTheme("lab", in: xdg + "/perceptron/themes", title: "#000002")
        try writeTheme("lab", in: home + "/.config/perceptron/themes", title: "#000003")
        try writeTheme("lab", in: prefix + "/bin/themes", title: "#000004")
        try writeTheme("lab", in: prefix + "/share/perceptron/themes", title: "#000005")
        func catalog(_ environment: [String: String]) -> ThemeCatalog {
            ThemeCatalog(searchDirectories: ThemeCatalog.standardSearchDirectories(
                environment: environment, executablePath: exe, currentDirectory: cwd))
        }
        let both = ["XDG_CONFIG_HOME": xdg, "HOME": home]
        XCTAssertEqual(try title(catalog(both), "lab"), .rgb(0, 0, 1))
        try FileManager.default.removeItem(atPath: cwd + "/themes/lab.theme")
        XCTAssertEqual(try title(catalog(both), "lab"), .rgb(0, 0, 2))
        XCTAssertEqual(try title(catalog(["HOME": home]), "lab"), .rgb(0, 0, 3))
        try FileManager.default.removeItem(atPath: xdg + "/perceptron/themes/lab.theme")
        // With XDG_CONFIG_HOME set, ~/.config is not searched.
        XCTAssertEqual(try title(catalog(both), "lab"), .rgb(0, 0, 4))
        try FileManager.default.removeItem(atPath: prefix + "/bin/themes/lab.theme")
        XCTAssertEqual(try title(catalog(both), "lab"), .rgb(0, 0, 5))
        try FileManager.default.removeItem(atPath: prefix + "/share/perceptron/themes/lab.theme")
        XCTAssertNotNil(loadError(catalog(both), "lab"))
        XCTAssertEqual(try catalog(both).load("projector").path, nil)
    }

    func testNoColorSelectsMonoUnlessAThemeIsGiven() {
        XCTAssertEqual(ThemeCatalog.defaultThemeName(requested: nil, environment: [:]), "default")
        XCTAssertEqual(ThemeCatalog.defaultThemeName(requested: nil, environment: ["NO_COLOR": "1"]), "mono")
        XCTAssertEqual(ThemeCatalog.defaultThemeName(requested: nil, environment: ["NO_COLOR": "0"]), "mono")
        XCTAssertEqual(ThemeCatalog.defaultThemeName(requested: nil, environment: ["NO_COLOR": ""]), "default")
        XCTAssertEqual(ThemeCatalog.defaultThemeName(requested: "projector", environment: ["NO_COLOR": "1"]), "projector")
        XCTAssertEqual(ThemeCatalog.defaultThemeName(requested: "default", environment: ["NO_COLOR": "1"]), "default")
        XCTAssertEqual(ThemeCatalog.defaultThemeName(requested: "./my.theme", environment: [:]), "./my.theme")
    }

    func testTheStandardCatalogFindsTheShippedThemes() throws {
        let catalog = ThemeCatalog.standard(environment: [:])
        XCTAssertFalse(catalog.searchDirectories.isEmpty)
        XCTAssertEqual(try catalog.load("default").theme.styles, Theme.standard.styles)
        XCTAssertFalse(ThemeCatalog.currentExecutablePath().isEmpty)
    }
}
