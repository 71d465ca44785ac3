import ArgumentParser
import CNCurses
import Foundation
import PerceptronApp
import PerceptronCore
#if canImport(Glibc)
import Glibc
#endif

/// `perceptron doctor`: what a lecturer runs before class. Every check is one line; a failing one
/// names the fix. Exit 0 when `perceptron watch` can run here, 1 when it cannot.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check this machine: arithmetic, terminal, themes and the tools the tests use.",
        discussion: """
            Prints one line per check: ok, note (worth knowing, nothing to fix), warn (works, but \
            read the advice) or FAIL (the visualiser cannot run until the named fix is made). Exits \
            with 0 when nothing failed, 1 otherwise. Run it in the terminal you will present from: \
            with its output piped, the terminal's size cannot be checked.
            """)

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var report = DoctorReport()
        report.checkArithmetic(environment: environment)
        report.checkTerminal(environment: environment)
        report.checkThemes(environment: environment)
        report.checkTools(environment: environment)
        try StandardOutput.write(Array(report.text.utf8))
        if report.failed { throw ExitCode(1) }
    }
}

/// The lines of the report, in order.
struct DoctorReport {
    enum Verdict: String {
        case ok = "ok  ", note = "note", warn = "warn", fail = "FAIL"
    }

    private(set) var lines: [(Verdict, String, String)] = []
    var failed: Bool { lines.contains { $0.0 == .fail } }

    mutating func add(_ verdict: Verdict, _ check: String, _ finding: String) {
        lines.append((verdict, check, finding))
    }

    /// The report, each finding word-wrapped to 80 columns under its own column.
    var text: String {
        let width = lines.map(\.1.count).max() ?? 0
        let indent = String(repeating: " ", count: 4 + 2 + width + 2)
        var out = lines.map { verdict, check, finding in
            let head = "\(verdict.rawValue)  \(check.padding(toLength: width, withPad: " ", startingAt: 0))  "
            return Self.wrap(finding, width: 80 - indent.count).enumerated()
                .map { ($0.offset == 0 ? head : indent) + $0.element + "\n" }.joined()
        }.joined()
        let failures = lines.filter { $0.0 == .fail }.count
        out += failures == 0
            ? "ready: perceptron watch can run here\n"
            : "not ready: \(failures) check\(failures == 1 ? "" : "s") failed (the fix is on the line)\n"
        return out
    }
}

extension DoctorReport {
    /// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                result.append(line)
                line = String(word)
            }
        }
        return result + (line.isEmpty ? [] : [line])
    }
}

// MARK: arithmetic

extension DoctorReport {
    mutating func checkArithmetic(environment: [String: String]) {
        let machine = MachineKind.current
        let found = machine.x86.map { $0.foundNames.isEmpty ? "none of AVX…AVX512VL" : $0.foundNames.joined(separator: " ") }
        add(.ok, "arithmetic", "auto uses \(machine.numpyArithmetic.rawValue): \(machine.numpyArithmeticReason)")
        if let found { add(.note, "CPU features", found) }

        let kernels = environment["OPENBLAS_CORETYPE"].flatMap(MatrixKernels.init(coreType:)) ?? .native
        let threads = BLASThreads.rule(environment: { environment[$0] }, processors: BLASThreads.processors)
        let set = BLASThreads.variables.first { name in environment[name].map { Int(atoi($0)) > 0 } ?? false }
        let why = set.map { "\($0)=\(environment[$0] ?? "")" } ?? "no thread variable set"
        add(.note, "BLAS", "auto follows OpenBLAS's \(kernels.rawValue) kernels"
            + (environment["OPENBLAS_CORETYPE"] != nil ? " (OPENBLAS_CORETYPE)" : "")
            + " and \(threads) thread\(threads == 1 ? "" : "s") for large products (\(why), "
            + "\(BLASThreads.processors) CPU\(BLASThreads.processors == 1 ? "" : "s") usable)")

        if let version = CLibrary.glibcVersion {
            var finding = "\(version)"
            if let x86 = machine.x86 {
                let why = switch x86.glibcVariant {
                case .fma: "CPU has FMA and AVX2"
                case .fma4: "CPU has FMA4, not FMA with AVX2"
                case .sse2: "CPU lacks FMA or AVX2"
                }
                finding += ": exp is \(x86.glibcVariant.expSymbol) (\(why))"
            }
            if environment["GLIBC_TUNABLES"]?.contains("hwcaps") == true {
                finding += ", unless GLIBC_TUNABLES changed it"
            }
            add(.note, "C library", finding + "; --math libm calls it")
        } else {
            add(.note, "C library", "not glibc: --math libm calls this system's exp/log, as NumPy does here")
        }
    }
}

// MARK: terminal

extension DoctorReport {
    mutating func checkTerminal(environment: [String: String]) {
        let stdinIsTTY = isatty(STDIN_FILENO) == 1, stdoutIsTTY = isatty(STDOUT_FILENO) == 1
        if !stdinIsTTY || !stdoutIsTTY {
            let which = [stdinIsTTY ? nil : "stdin", stdoutIsTTY ? nil : "stdout"].compactMap { $0 }.joined(separator: "/")
            add(.note, "tty", "\(which) not a terminal (piped?): size not checked; watch needs a terminal")
        }

        checkTerminfo(environment: environment)
        if stdoutIsTTY { checkSize() }
        checkLocale(environment: environment)
    }

    private mutating func checkTerminfo(environment: [String: String]) {
        guard let term = environment["TERM"], !term.isEmpty else {
            add(.fail, "TERM", "not set: fix: export TERM=xterm-256color (or your terminal's type)")
            return
        }
        var status: Int32 = 0
        guard cn_setupterm(term, STDOUT_FILENO, &status) == OK else {
            add(.fail, "TERM", "'\(term)' has no terminfo entry: fix: export TERM=xterm-256color, or install "
                + "its terminfo (Debian: ncurses-term)")
            return
        }
        guard cn_has_cursor_addressing() != 0 else {
            add(.fail, "TERM", "'\(term)' cannot position the cursor: fix: export TERM=xterm-256color")
            return
        }
        add(.ok, "TERM", "\(term), known to terminfo")

        let colours = tigetnum("colors")
        if colours >= 256 {
            add(.ok, "colours", "\(colours)")
        } else if colours >= 8 {
            add(.ok, "colours", "\(colours): themes are mapped to the nearest of them")
        } else {
            add(.warn, "colours", "none listed for \(term): use --theme mono, or a TERM with colours")
        }
    }

    private mutating func checkSize() {
        var rows: Int32 = 0, columns: Int32 = 0
        guard cn_window_size(STDOUT_FILENO, &rows, &columns) == 0 else {
            add(.warn, "size", "the terminal does not report its size")
            return
        }
        let (width, height) = (Int(columns), Int(rows))
        if width >= minimumSize.width && height >= minimumSize.height {
            add(.ok, "size", "\(width)x\(height) (at least \(minimumSize.width)x\(minimumSize.height) needed)")
        } else {
            add(.fail, "size", "\(width)x\(height): fix: make the window at least \(minimumSize.width)x\(minimumSize.height)")
        }
    }

    private mutating func checkLocale(environment: [String: String]) {
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? "?"
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? "unset"
        if codeset == "UTF-8" {
            add(.ok, "locale", "\(locale): UTF-8")
        } else if setlocale(LC_CTYPE, "C.UTF-8") != nil {
            add(.warn, "locale", "\(locale) is \(codeset), not UTF-8: watch switches to C.UTF-8 itself; if the "
                + "terminal shows stray characters, export LANG=C.UTF-8 in it or use --ascii")
        } else {
            add(.warn, "locale", "\(locale) is \(codeset) and there is no C.UTF-8: use --ascii")
        }
    }
}

// MARK: themes

extension DoctorReport {
    mutating func checkThemes(environment: [String: String]) {
        let catalog = ThemeCatalog.standard(environment: environment)
        let entries = catalog.available()
        let builtIn = entries.filter(\.isBuiltIn).map(\.name)
        var parts: [String] = []
        if !builtIn.isEmpty { parts.append(builtIn.joined(separator: ", ") + " built in") }
        for directory in catalog.searchDirectories {
            let here = entries.filter { $0.directory == directory }.map(\.name)
            if !here.isEmpty { parts.append(here.joined(separator: ", ") + " in " + directory) }
        }
        let finding = parts.joined(separator: "; ")
        let warnings = catalog.loadCycle().warnings
        if warnings.isEmpty {
            add(.ok, "themes", finding)
        } else {
            add(.warn, "themes", finding + "; \(warnings.count) problem\(warnings.count == 1 ? "" : "s"), the first: "
                + warnings[0])
        }
        let name = ThemeCatalog.defaultThemeName(requested: nil, environment: environment)
        do throws(ThemeError) {
            _ = try catalog.load(name)
            add(.ok, "theme used", "\(name)" + (environment["NO_COLOR"] != nil ? " (NO_COLOR is set)" : ""))
        } catch {
            add(.fail, "theme used", "\(error): fix: repair or remove that file, or pass --theme default")
        }
    }
}

// MARK: tools

extension DoctorReport {
    mutating func checkTools(environment: [String: String]) {
        let path = environment["PATH"] ?? ""
        if let tmux = Self.find("tmux", path: path) {
            add(.ok, "tmux", "\(tmux) (for the end-to-end tests)")
        } else {
            add(.warn, "tmux", "not on PATH: only the test suite needs it: fix: apt-get install tmux")
        }
        guard let python = Self.find("python3", path: path) else {
            add(.note, "NumPy", "python3 not on PATH: optional, only for comparing with NumPy (scripts/reference.py)")
            return
        }
        let script = """
            import sys
            try:
                import numpy
                from numpy._core._multiarray_umath import __cpu_features__ as f
            except Exception as e:
                print("none", type(e).__name__); sys.exit(0)
            print(numpy.__version__, f.get("X86_V4", False), sys.platform)
            """
        guard let answer = Self.output(of: python, ["-c", script]) else {
            add(.note, "NumPy", "\(python) did not run: optional, only for comparing with NumPy")
            return
        }
        let words = answer.split(separator: " ").map(String.init)
        guard words.count == 3, words[0] != "none" else {
            add(.note, "NumPy", "not importable by \(python): optional, only for comparing with NumPy "
                + "(pip install numpy)")
            return
        }
        let numpyKernel: Arithmetic = words[1] == "True" && words[2] == "linux" && MachineKind.current.isLinuxX86_64
            ? .svml : .libm
        let ours = Arithmetic.numpyChoiceHere
        var finding = "\(words[0]) (\(python)) uses \(numpyKernel.rawValue)"
        if numpyKernel == ours {
            add(.ok, "NumPy", finding + ", as --math auto does")
        } else {
            if environment["NPY_DISABLE_CPU_FEATURES"] != nil || environment["NPY_ENABLE_CPU_FEATURES"] != nil {
                finding += " (NPY_DISABLE/ENABLE_CPU_FEATURES is set)"
            }
            add(.warn, "NumPy", finding + ", --math auto uses \(ours.rawValue): to match this NumPy, pass --math "
                + numpyKernel.rawValue)
        }
    }

    /// The first executable `name` in the PATH directories.
    static func find(_ name: String, path: String) -> String? {
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The trimmed standard output of a short-lived program, or nil if it did not run or failed.
    static func output(of executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
