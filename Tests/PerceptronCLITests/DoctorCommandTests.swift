import PerceptronCore
import TestSupport
import XCTest

/// `perceptron doctor` run as a real process: piped (no terminal), and in tmux at two sizes.
final class DoctorCommandTests: XCTestCase {
    /// Without NumPy's CPU-feature switches, so its line compares like with like.
    private func doctor(adding: [String: String] = [:], removing: Set<String> = []) throws -> ProcessResult {
        let environment = ProcessRunner.environment(
            adding: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"].merging(adding) { _, new in new },
            removing: removing.union(["NPY_DISABLE_CPU_FEATURES", "NPY_ENABLE_CPU_FEATURES", "NO_COLOR"]))
        return try ProcessRunner.run(perceptronExecutablePath(), ["doctor"], environment: environment)
    }

    /// The BLAS line names the kernel set and the thread count `--blas-threads auto` takes, by
    /// OpenBLAS's rule (an environment variable, capped by the CPUs this process may use).
    func testTheBLASLineShowsTheThreadCountOpenBLASWouldUse() throws {
        let variables = Set(BLASThreads.variables + ["OPENBLAS_CORETYPE"])
        let plain = try XCTUnwrap(finding("BLAS", in: try doctor(adding: ["TERM": "xterm"], removing: variables).stdout))
        let usable = min(BLASThreads.processors, BLASThreads.maximum)
        XCTAssertTrue(plain.contains("\(MatrixKernels.native.rawValue) kernels and \(usable) thread"), plain)
        XCTAssertTrue(plain.contains("no thread variable set"), plain)
        let one = try XCTUnwrap(finding("BLAS", in: try doctor(adding: ["TERM": "xterm", "OMP_NUM_THREADS": "1",
                                                                      "OPENBLAS_CORETYPE": "Haswell"],
                                                             removing: variables).stdout))
        XCTAssertTrue(one.contains("haswell kernels (OPENBLAS_CORETYPE) and 1 thread for large products (OMP_NUM_THREADS=1"),
                      one)
    }

    /// A check's whole finding, its word-wrapped lines joined again.
    private func finding(_ check: String, in output: String) -> String? {
        let lines = output.split(separator: "\n").map(String.init)
        guard let first = lines.firstIndex(where: { $0.dropFirst(6).hasPrefix(check + " ") }) else { return nil }
        let rest = lines[(first + 1)...].prefix { $0.hasPrefix(" ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return ([lines[first]] + rest).joined(separator: " ")
    }

    private func line(_ check: String, in output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.dropFirst(6).hasPrefix(check + " ") }
    }

    func testAGoodEnvironmentWithoutATerminalIsReady() throws {
        let result = try doctor(adding: ["TERM": "xterm"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stderr, "")
        let out = result.stdout
        // The arithmetic line says what this process detects, and why.
        let arithmetic = try XCTUnwrap(line("arithmetic", in: out), out)
        XCTAssertTrue(arithmetic.contains("auto uses \(Arithmetic.numpyChoiceHere.rawValue)"), arithmetic)
        XCTAssertTrue(arithmetic.contains("X86_V4") || arithmetic.contains("not Linux"), arithmetic)
        XCTAssertNotNil(line("C library", in: out), out)
        XCTAssertNotNil(line("BLAS", in: out), out)
        // Piped: the report says the terminal checks are about stdin/stdout not being a terminal.
        let tty = try XCTUnwrap(line("tty", in: out), out)
        XCTAssertTrue(tty.contains("stdin/stdout not a terminal"), tty)
        XCTAssertNil(line("size", in: out), "no size without a terminal: \(out)")
        XCTAssertTrue(line("TERM", in: out)?.hasPrefix("ok    TERM") == true, out)
        XCTAssertTrue(line("TERM", in: out)?.contains("xterm, known to terminfo") == true, out)
        XCTAssertTrue(line("locale", in: out)?.contains("UTF-8") == true, out)
        XCTAssertNotNil(line("themes", in: out), out)
        XCTAssertNotNil(line("tmux", in: out), out)
        XCTAssertNotNil(line("NumPy", in: out), out)
        XCTAssertFalse(out.contains("FAIL"), out)
        XCTAssertTrue(out.hasSuffix("ready: perceptron watch can run here\n"), out)
        // Wrapped for an 80-column screen (a long path is the one word that may stick out).
        for row in out.split(separator: "\n") where !row.contains("/") {
            XCTAssertLessThanOrEqual(row.count, 80, String(row))
        }
    }

    func testWithoutTERMItFailsAndNamesTheFix() throws {
        let result = try doctor(removing: ["TERM"])
        XCTAssertEqual(result.status, 1, result.stdout)
        let term = try XCTUnwrap(line("TERM", in: result.stdout), result.stdout)
        XCTAssertTrue(term.hasPrefix("FAIL"), term)
        XCTAssertTrue(term.contains("not set: fix: export TERM="), term)
        XCTAssertTrue(result.stdout.contains("not ready: 1 check failed"), result.stdout)
        // The other checks still run.
        XCTAssertNotNil(line("locale", in: result.stdout))
        XCTAssertNotNil(line("themes", in: result.stdout))
    }

    func testAnUnknownTERMFailsAndNamesTheFix() throws {
        for term in ["nonexistent", "dumb"] {
            let result = try doctor(adding: ["TERM": term])
            XCTAssertEqual(result.status, 1, result.stdout)
            let found = try XCTUnwrap(line("TERM", in: result.stdout), result.stdout)
            XCTAssertTrue(found.hasPrefix("FAIL"), found)
            XCTAssertTrue(found.contains("'\(term)'") && found.contains("fix: export"), found)
        }
    }

    func testNumPysLineSaysWhichKernelItUses() throws {
        let result = try doctor(adding: ["TERM": "xterm", "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR"])
        let numpy = try XCTUnwrap(line("NumPy", in: result.stdout), result.stdout)
        if numpy.contains("python3 not on PATH") || numpy.contains("not importable") {
            throw XCTSkip("no NumPy here: \(numpy)")
        }
        // With its AVX-512 kernels switched off NumPy uses the C library; the line says how to match it.
        XCTAssertTrue(numpy.contains("uses libm"), numpy)
        if Arithmetic.numpyChoiceHere == .svml {
            XCTAssertTrue(numpy.hasPrefix("warn") && result.stdout.contains("--math libm"), result.stdout)
        }
        XCTAssertEqual(result.status, 0, "advice is not a failure: \(result.stdout)")
    }

    /// In a real terminal the size is checked: 80x24 is enough, 70x20 is not.
    func testInATerminalTheSizeIsChecked() throws {
        let big = try TmuxSession(arguments: [perceptronExecutablePath(), "doctor"], width: 80, height: 24)
        defer { big.kill() }
        XCTAssertEqual(try big.waitForExit(timeout: .seconds(20)), 0, big.capture())
        let screen = big.capture()
        XCTAssertTrue(screen.contains("ok    size          80x24"), screen)
        XCTAssertFalse(screen.contains("not a terminal"), screen)

        let small = try TmuxSession(arguments: [perceptronExecutablePath(), "doctor"], width: 70, height: 20)
        defer { small.kill() }
        XCTAssertEqual(try small.waitForExit(timeout: .seconds(20)), 1, small.capture())
        XCTAssertTrue(small.capture().contains("FAIL  size          70x20: fix: make the window at least"), small.capture())
    }
}
