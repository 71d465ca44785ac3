import FileSupport
import Foundation

/// A theme the catalog can load: its name and where it lives.
public struct ThemeEntry: Equatable, Sendable {
    public var name: String
    /// The `.theme` file; nil for a theme compiled into perceptron and not found on disk.
    public var path: String?
    /// The search directory the file was found in; nil for a compiled-in theme.
    public var directory: String?

    public init(name: String, path: String?, directory: String?) {
        self.name = name
        self.path = path
        self.directory = directory
    }

    public var isBuiltIn: Bool { path == nil }
    /// The path, or "built in".
    public var location: String { path ?? "built in" }
}

/// Finds themes by name in search directories (first found wins), falling back to the five
/// shipped themes compiled into perceptron, or loads a `.theme` file by path.
public struct ThemeCatalog: Sendable {
    /// The default theme's name.
    public static let defaultName = "default"
    /// The theme `NO_COLOR` selects.
    public static let noColorName = "mono"

    /// The directories searched by name, in order.
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// The catalog perceptron uses: `standardSearchDirectories` for this process.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeCatalog {
        ThemeCatalog(searchDirectories: standardSearchDirectories(
            environment: environment, executablePath: currentExecutablePath(),
            currentDirectory: FileManager.default.currentDirectoryPath))
    }

    /// In order: `<currentDirectory>/themes`; `$XDG_CONFIG_HOME/perceptron/themes` when
    /// XDG_CONFIG_HOME is set to an absolute path, else `$HOME/.config/perceptron/themes` when HOME
    /// is set; then, next to the binary, `<executable dir>/themes` and
    /// `<executable dir>/../share/perceptron/themes`. Paths are normalised lexically (no file
    /// system access) and listed once each. A relative `executablePath` is taken relative to
    /// `currentDirectory`; an empty one adds no directories.
    /// `folder` is "themes" for themes; lessons are searched the same way in "lessons" folders.
    public static func standardSearchDirectories(folder: String = "themes", environment: [String: String],
                                                 executablePath: String, currentDirectory: String) -> [String] {
        var directories = [join(currentDirectory, folder)]
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            directories.append(join(xdg, "perceptron/" + folder))
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(join(home, ".config/perceptron/" + folder))
        }
        if !executablePath.isEmpty {
            let executable = executablePath.hasPrefix("/") ? executablePath : join(currentDirectory, executablePath)
            let binDirectory = join(executable, "..")
            directories.append(join(binDirectory, folder))
            directories.append(join(binDirectory, "../share/perceptron/" + folder))
        }
        var seen = Set<String>()
        return directories.filter { seen.insert($0).inserted }
    }

    /// This process's executable, symbolic links resolved (`/proc/self/exe` on Linux), else argv[0].
    public static func currentExecutablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        if let path = Bundle.main.executablePath { return path }
        return CommandLine.arguments.first ?? ""
    }

    /// The theme `NO_COLOR` and `--theme` ask for: `requested` when given (even empty, so the
    /// error names it), else `mono` when NO_COLOR is set and not empty, else `default`.
    public static func defaultThemeName(requested: String?, environment: [String: String]) -> String {
        if let requested { return requested }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return noColorName }
        return defaultName
    }

    /// True when `--theme`'s argument is a path (has a `/` or ends in `.theme`), not a name.
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(ThemeFile.fileExtension)
    }

    /// Every theme by name, sorted: the first file of each name in the search directories, then
    /// the compiled-in themes not found on disk. Hidden files and anything that is not a regular
    /// file are left out.
    public func available() -> [ThemeEntry] {
        var entries: [String: ThemeEntry] = [:]
        for directory in searchDirectories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for file in files.sorted() where file.hasSuffix(ThemeFile.fileExtension) && !file.hasPrefix(".") {
                let name = ThemeFile.name(forPath: file)
                let path = Self.join(directory, file)
                guard entries[name] == nil, Self.isFile(path) else { continue }
                entries[name] = ThemeEntry(name: name, path: path, directory: directory)
            }
        }
        for name in BuiltInThemes.texts.keys where entries[name] == nil {
            entries[name] = ThemeEntry(name: name, path: nil, directory: nil)
        }
        return entries.values.sorted { $0.name < $1.name }
    }

    /// The names the `t` key steps through: `default` first, then the others sorted.
    public func cycleOrder() -> [String] {
        let names = available().map(\.name)
        return [Self.defaultName] + names.filter { $0 != Self.defaultName }
    }

    /// Loads a theme by name (see `available`) or by path (`isPath`): a complete theme, or an error.
    public func load(_ nameOrPath: String) throws(ThemeError) -> LoadedTheme {
        if Self.isPath(nameOrPath) { return try ThemeFile.load(path: nameOrPath) }
        guard !nameOrPath.isEmpty else {
            throw ThemeError(file: nil, message: "--theme needs a name or a path: \(choices())")
        }
        // A FIFO, a directory or a broken link of that name is passed over, not opened; if nothing
        // else has the name, the error says what was found.
        var passedOver: FileReadError?
        for directory in searchDirectories {
            let path = Self.join(directory, nameOrPath + ThemeFile.fileExtension)
            do throws(FileReadError) {
                try RegularFile.check(atPath: path)
            } catch {
                if case .missing = error { continue }
                passedOver = passedOver ?? error
                continue
            }
            return try ThemeFile.load(path: path)
        }
        if let text = BuiltInThemes.texts[nameOrPath] {
            return try ThemeFile.parse(text, name: nameOrPath, path: BuiltInThemes.path(nameOrPath))
        }
        let found = passedOver.map { ": \(TerminalText.escaped($0.path, limit: TerminalText.pathLimit)) \($0.reason);" } ?? ":"
        throw ThemeError(file: nil, message: "unknown theme '\(ThemeFile.shown(nameOrPath))'\(found) \(choices())")
    }

    /// Loads every theme of `cycleOrder`; one that fails is left out and its error is a warning.
    public func loadCycle() -> (themes: [Theme], warnings: [String]) {
        var themes: [Theme] = []
        var warnings: [String] = []
        for name in cycleOrder() {
            do throws(ThemeError) {
                let loaded = try load(name)
                themes.append(loaded.theme)
                warnings += loaded.warnings
            } catch {
                warnings.append(error.description)
            }
        }
        return (themes, warnings)
    }

    private func choices() -> String {
        "use one of " + available().map { ThemeFile.shown($0.name) }.joined(separator: ", ") + ", or a path to a .theme file"
    }

    /// Only regular files are themes: a FIFO, a device or a directory named `*.theme` in a theme
    /// folder is passed over (opening a FIFO would block the start).
    private static func isFile(_ path: String) -> Bool {
        RegularFile.isRegularFile(atPath: path)
    }

    /// `base/relative`, normalised lexically: `.` and empty parts dropped, `..` taken back.
    static func join(_ base: String, _ relative: String) -> String {
        var parts: [Substring] = []
        let absolute = base.hasPrefix("/")
        for part in (base + "/" + relative).split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
