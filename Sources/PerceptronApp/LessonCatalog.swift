import FileSupport
import Foundation

/// A lesson the catalog can load: its name and where it was found (nil: compiled in).
public struct LessonEntry: Equatable, Sendable {
    public var name: String
    public var path: String?
    public var location: String { path ?? "built in" }
}

/// Finds lessons by name the way themes are found (the same search directories, in `lessons`
/// folders, first found wins), falling back to the lessons compiled into perceptron.
public struct LessonCatalog: Sendable {
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) { self.searchDirectories = searchDirectories }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> LessonCatalog {
        LessonCatalog(searchDirectories: ThemeCatalog.standardSearchDirectories(
            folder: "lessons", environment: environment, executablePath: ThemeCatalog.currentExecutablePath(),
            currentDirectory: FileManager.default.currentDirectoryPath))
    }

    /// True when the argument is a path (has a `/` or ends in `.lesson`), not a name.
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(Lesson.fileExtension)
    }

    /// Every lesson by name, sorted; hidden files and anything not a regular file are left out.
    public func available() -> [LessonEntry] {
        var entries: [String: LessonEntry] = [:]
        for directory in searchDirectories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for file in files.sorted() where file.hasSuffix(Lesson.fileExtension) && !file.hasPrefix(".") {
                let name = String(file.dropLast(Lesson.fileExtension.count))
                let path = ThemeCatalog.join(directory, file)
                guard entries[name] == nil, RegularFile.isRegularFile(atPath: path) else { continue }
                entries[name] = LessonEntry(name: name, path: path)
            }
        }
        for name in BuiltInLessons.texts.keys where entries[name] == nil {
            entries[name] = LessonEntry(name: name, path: nil)
        }
        return entries.values.sorted { $0.name < $1.name }
    }

    /// The lesson's text and the name its errors use: a file by path, else by name (see `available`).
    public func text(of nameOrPath: String) throws(LessonError) -> (text: String, file: String, directory: String?) {
        func read(_ path: String) throws(LessonError) -> String {
            do { return try RegularFile.readText(atPath: path, limit: 1 << 20) } catch {
                throw LessonError(file: TerminalText.escaped(path, limit: TerminalText.pathLimit), line: 0,
                                  message: error.reason + "; a lesson is a regular UTF-8 text file")
            }
        }
        if Self.isPath(nameOrPath) {
            return (try read(nameOrPath), nameOrPath, (nameOrPath as NSString).deletingLastPathComponent)
        }
        guard let entry = available().first(where: { $0.name == nameOrPath }) else {
            throw LessonError(file: "", line: 0, message:
                "no lesson '\(TerminalText.escaped(nameOrPath, limit: 40))'; use one of "
                + available().map(\.name).joined(separator: ", ") + " or a path to a .lesson file")
        }
        if let path = entry.path { return (try read(path), path, (path as NSString).deletingLastPathComponent) }
        return (BuiltInLessons.texts[entry.name] ?? "", BuiltInLessons.path(entry.name), nil)
    }
}
