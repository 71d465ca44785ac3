import Glibc

/// The built `perceptron` executable the end-to-end tests run.
///
/// In order: `$PERCEPTRON_EXECUTABLE`; `perceptron` next to the running test binary (on Linux the
/// xctest bundle is a plain executable in `.build/<triple>/<config>/`, found through /proc/self/exe);
/// `.build/debug/perceptron` under the package root found by walking up from `file`.
/// Returns the first candidate that exists; otherwise the last one, so a failure names a path.
public func perceptronExecutablePath(file: StaticString = #filePath) -> String {
    var candidates: [String] = []
    if let override = getenv("PERCEPTRON_EXECUTABLE"), override.pointee != 0 {
        candidates.append(String(cString: override))
    }
    var exe = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &exe, exe.count - 1)
    if length > 0 {
        let path = String(decoding: exe[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        candidates.append(directoryName(of: path) + "/perceptron")
    }
    for start in [String(describing: file), #filePath] {
        var directory = directoryName(of: start)
        while directory.count > 1 {
            if access(directory + "/Package.swift", F_OK) == 0 {
                candidates.append(directory + "/.build/debug/perceptron")
                break
            }
            directory = directoryName(of: directory)
        }
    }
    return candidates.first { access($0, X_OK) == 0 } ?? candidates.last ?? "perceptron"
}

func directoryName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
