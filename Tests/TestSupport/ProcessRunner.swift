import Glibc

/// How a process ended and what it printed.
public struct ProcessResult: Sendable, Equatable {
    /// The exit status, or 128 + n when killed by signal n (as a shell reports it).
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the process outlived the timeout and was killed (then `status` is 137).
    public var timedOut: Bool
    /// The child's peak resident memory in KiB (`ru_maxrss` from wait4), 0 when unknown.
    public var peakMemoryKilobytes: Int

    public init(status: Int32, stdout: String, stderr: String, timedOut: Bool = false, peakMemoryKilobytes: Int = 0) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.timedOut = timedOut
        self.peakMemoryKilobytes = peakMemoryKilobytes
    }

    /// Equal in what the process did; the memory figure is a measurement, not an outcome.
    public static func == (a: ProcessResult, b: ProcessResult) -> Bool {
        a.status == b.status && a.stdout == b.stdout && a.stderr == b.stderr && a.timedOut == b.timedOut
    }
}

/// Errors starting a process.
public struct ProcessRunnerError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs a program to completion with `posix_spawn` and pipes; no Foundation.Process (its
/// `waitUntilExit` hangs when a daemon such as the tmux server inherits its descriptors).
public enum ProcessRunner {
    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: the child's whole environment; nil inherits this process's.
    ///   - stdin: written to the child's standard input, which is then closed; nil gives /dev/null.
    ///   - timeout: after this the child's process group is killed and `timedOut` is set.
    /// - Returns: once the child has exited; output written later by its descendants is not waited for.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        stdin: String? = nil, timeout: Duration = .seconds(60)
    ) throws -> ProcessResult {
        signal(SIGPIPE, SIG_IGN)  // A child that does not read its stdin must not kill the test run.
        let input = try Pipe(), output = try Pipe(), errors = try Pipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stdin != nil {
            posix_spawn_file_actions_adddup2(&actions, input.read, STDIN_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors.write, STDERR_FILENO)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group (so a timeout can kill the whole tree), default signal dispositions
        // and an empty signal mask, whatever the test runner set up.
        var allSignals = sigset_t(), noSignals = sigset_t()
        sigfillset(&allSignals)
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = CStringArray([executable] + arguments)
        let envp: CStringArray? = environment.map { env in
            CStringArray(env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        }
        var pid: pid_t = 0
        let spawned = executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp?.pointers ?? environ)
            : posix_spawnp(&pid, executable, &actions, &attributes, argv.pointers, envp?.pointers ?? environ)
        input.closeRead()
        output.closeWrite()
        errors.closeWrite()
        guard spawned == 0 else {
            throw ProcessRunnerError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        if stdin == nil { input.closeWrite() }
        // Our ends only (a pipe's two ends are separate open files, so the child's stay blocking).
        for fd in [input.write, output.read, errors.read] where fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }

        let deadline = ContinuousClock.now + timeout
        var pendingInput = Array((stdin ?? "").utf8)[...]
        var outputBytes: [UInt8] = [], errorBytes: [UInt8] = []
        var status: Int32?
        var timedOut = false
        var exitStatus: Int32 = 0
        var usage = rusage()

        while status == nil {
            var fds: [pollfd] = []
            if output.read >= 0 { fds.append(pollfd(fd: output.read, events: Int16(POLLIN), revents: 0)) }
            if errors.read >= 0 { fds.append(pollfd(fd: errors.read, events: Int16(POLLIN), revents: 0)) }
            if input.write >= 0 { fds.append(pollfd(fd: input.write, events: Int16(POLLOUT), revents: 0)) }
            // Wake up at least every 10 ms to notice the child's exit even if a descendant keeps
            // the pipes open.
            _ = poll(&fds, nfds_t(fds.count), 10)
            for fd in fds where fd.revents != 0 {
                if fd.fd == input.write {
                    let n = pendingInput.withUnsafeBytes { write(input.write, $0.baseAddress, $0.count) }
                    if n > 0 { pendingInput = pendingInput.dropFirst(n) }
                    if (n < 0 && errno != EINTR && errno != EAGAIN) || pendingInput.isEmpty { input.closeWrite() }
                } else if fd.fd == output.read {
                    if !drain(output.read, into: &outputBytes) { output.closeRead() }
                } else if fd.fd == errors.read {
                    if !drain(errors.read, into: &errorBytes) { errors.closeRead() }
                }
            }
            var raw: Int32 = 0
            let waited = wait4(pid, &raw, WNOHANG, &usage)
            if waited == pid {
                exitStatus = decode(raw)
                status = exitStatus
            } else if waited < 0 && errno != EINTR {
                status = -1
            } else if ContinuousClock.now >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                while wait4(pid, &raw, 0, &usage) < 0 && errno == EINTR {}
                status = decode(raw)
            }
        }
        // The child is gone: take what is already in the pipes without waiting for descendants.
        if output.read >= 0 { _ = drain(output.read, into: &outputBytes) }
        if errors.read >= 0 { _ = drain(errors.read, into: &errorBytes) }
        input.closeWrite()
        output.closeRead()
        errors.closeRead()
        return ProcessResult(
            status: status ?? exitStatus,
            stdout: String(decoding: outputBytes, as: UTF8.self),
            stderr: String(decoding: errorBytes, as: UTF8.self),
            timedOut: timedOut,
            peakMemoryKilobytes: Int(usage.ru_maxrss))
    }

    /// This process's environment with `adding` set and `removing` taken out: handy for
    /// `run(…, environment:)`, e.g. `environment(removing: ["TERM"])`.
    public static func environment(adding: [String: String] = [:], removing: Set<String> = []) -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        for name in removing { result[name] = nil }
        result.merge(adding) { _, new in new }
        return result
    }

    /// Reads what is available from a non-blocking descriptor; false at end of file or on error.
    private static func drain(_ fd: Int32, into bytes: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes += chunk[..<n]
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EAGAIN { return true }
            return false
        }
    }

    /// A wait status as a shell shows it: the exit code, or 128 + the signal number.
    static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }
}

/// A pipe whose ends are close-on-exec (so other children spawned meanwhile do not inherit them).
private final class Pipe {
    private(set) var read: Int32 = -1
    private(set) var write: Int32 = -1

    init() throws {
        var fds: [Int32] = [-1, -1]
        // pipe2(O_CLOEXEC) is not imported by Glibc; the window before fcntl only matters if
        // another thread spawns at the same moment.
        guard pipe(&fds) == 0 else {
            throw ProcessRunnerError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        (read, write) = (fds[0], fds[1])
        _ = fcntl(read, F_SETFD, FD_CLOEXEC)
        _ = fcntl(write, F_SETFD, FD_CLOEXEC)
    }

    func closeRead() {
        if read >= 0 { close(read) }
        read = -1
    }

    func closeWrite() {
        if write >= 0 { close(write) }
        write = -1
    }

    deinit {
        closeRead()
        closeWrite()
    }
}

/// A NULL-terminated `char *[]` that lives as long as the value.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: count + 1)
        for (i, string) in strings.enumerated() { pointers[i] = strdup(string) }
        pointers[count] = nil
    }

    deinit {
        for i in 0..<count { free(pointers[i]) }
        pointers.deallocate()
    }
}
