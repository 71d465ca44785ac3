import CNCurses
import Glibc
import Synchronization

// MARK: - State shared with signal handlers
//
// Signal handlers may run at any instruction on any thread, so everything they touch is a lock-free
// `Atomic` (global `let`s, initialised before any handler is installed; see `TerminalSafety.install`).
// The handlers only load/store these, call async-signal-safe functions (read, write, lseek, dup2,
// close, signal, raise, pthread_sigmask) and, on the way out of a crash, `endwin`, which is not formally
// async-signal-safe but is what every curses program does there (the process dies right after).

/// The signal number of the first SIGINT/SIGTERM/SIGHUP received, or 0.
private let pendingQuitSignal = Atomic<Int32>(0)
/// True while curses owns the screen (between `newterm` and `endwin`).
private let cursesIsActive = Atomic<Bool>(false)
/// True while the terminal sends mouse reports (set by `mouseReportingOn`): every way out turns them
/// off, or the shell afterwards would get a mouse report as text for every click.
private let mouseReportingIsOn = Atomic<Bool>(false)
/// The file that receives fd 2 while curses is active, or -1.
private let capturedStderr = Atomic<Int32>(-1)
/// A duplicate of the original fd 2, or -1.
private let originalStderr = Atomic<Int32>(-1)
/// Set by the first crash handler so a fault inside the handler does not loop.
private let crashInProgress = Atomic<Bool>(false)
/// Set by SIGWINCH, SIGTSTP and SIGCONT; the frame loop takes them (`take…`) and acts.
private let pendingResize = Atomic<Bool>(false)
private let pendingSuspend = Atomic<Bool>(false)
private let pendingContinue = Atomic<Bool>(false)
/// The write end of the wake-up pipe, or -1: every handler writes a byte to it, so the frame
/// loop's `poll` on the read end returns at once, whichever thread took the signal and however
/// close to the start of the wait it came (no window between checking a flag and waiting).
private let wakeWriteEnd = Atomic<Int32>(-1)

/// Signals whose default action ends the process and that leave it able to go on: the frame loop
/// sees them, leaves cleanly (terminal restored) and the process then dies by the same signal.
/// That is every such signal Linux has: the job-control and child signals (SIGTSTP, SIGCONT,
/// SIGCHLD, SIGWINCH, SIGURG) do not end a process, SIGKILL and SIGSTOP cannot be caught.
private let quitSignals: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
    SIGIO, SIGPWR, SIGSTKFLT,
] + Array(cn_sigrtmin()...cn_sigrtmax())
/// Signals after which the process cannot go on: restore the terminal, then die by the same signal.
/// Swift's `fatalError`/`precondition` trap with SIGILL (ud2) or SIGTRAP on Linux x86_64.
/// SIGQUIT (Ctrl-\ in cbreak mode) would otherwise dump core with the terminal still in curses mode.
/// SIGSYS is a system call refused (seccomp): retrying it would only fail again.
private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT, SIGSYS]

/// Scratch space for copying captured stderr inside a signal handler (allocated once, never freed,
/// so the handler does not allocate). Written only by whoever wins `restoreTerminalForExit`'s exchanges.
nonisolated(unsafe) private let copyBuffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)
private let copyBufferSize = 4096

/// Ends curses and puts back fd 2, then copies what was written to stderr meanwhile (for example
/// Swift's "Fatal error: …" line) to the real stderr. Idempotent: each step runs once, whoever gets
/// there first (normal close, atexit, a signal or crash handler). Uses only read/write/lseek/dup2/close
/// besides `endwin`.
private func restoreTerminalForExit() {
    turnMouseReportingOff()
    if cursesIsActive.exchange(false, ordering: .sequentiallyConsistent) {
        endwin()
    }
    let saved = originalStderr.exchange(-1, ordering: .sequentiallyConsistent)
    let captured = capturedStderr.exchange(-1, ordering: .sequentiallyConsistent)
    if saved >= 0 {
        _ = dup2(saved, STDERR_FILENO)
        close(saved)
    }
    if captured >= 0 {
        if lseek(captured, 0, SEEK_SET) == 0 {
            while true {
                let count = read(captured, copyBuffer, copyBufferSize)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                var written = 0
                while written < count {
                    let n = write(STDERR_FILENO, copyBuffer + written, count - written)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    written += n
                }
                if written < count { break }
            }
        }
        close(captured)
    }
}

/// Button presses, releases and the wheel (1000), reported in SGR form (1006), which says where
/// the click was on any size of screen; off in the reverse order.
private let mouseOnSequence: StaticString = "\u{1B}[?1000h\u{1B}[?1006h"
private let mouseOffSequence: StaticString = "\u{1B}[?1006l\u{1B}[?1000l"

/// Writes a fixed sequence to the terminal (fd 1) with nothing but `write`, so handlers may call it.
private func writeToTerminal(_ sequence: StaticString) {
    var written = 0
    let count = sequence.utf8CodeUnitCount
    while written < count {
        let n = write(STDOUT_FILENO, sequence.utf8Start + written, count - written)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        written += n
    }
}

private func turnMouseReportingOff() {
    if mouseReportingIsOn.exchange(false, ordering: .sequentiallyConsistent) { writeToTerminal(mouseOffSequence) }
}

/// Quit signals (SIGINT, SIGTERM, SIGHUP, SIGUSR1 …): remember the signal and wake the frame loop
/// (through the wake-up pipe, whichever thread took the signal), which sees `quitRequested` and
/// leaves. A second quit signal while the first is still pending means the loop is not
/// responding: restore the terminal and die by the signal.
private func handleQuitSignal(_ signo: Int32) {
    let savedErrno = errno
    defer { errno = savedErrno }
    let (exchanged, _) = pendingQuitSignal.compareExchange(
        expected: 0, desired: signo, ordering: .sequentiallyConsistent)
    if exchanged {
        wakeFrameLoop()
        return
    }
    restoreTerminalForExit()
    signal(signo, SIG_DFL)
    unblockAndRaise(signo)
}

/// SIGWINCH, SIGTSTP, SIGCONT: note it and wake the frame loop, which resizes, suspends or repaints.
private func handleJobControlSignal(_ signo: Int32) {
    let savedErrno = errno
    defer { errno = savedErrno }
    switch signo {
    case SIGWINCH: pendingResize.store(true, ordering: .sequentiallyConsistent)
    case SIGTSTP: pendingSuspend.store(true, ordering: .sequentiallyConsistent)
    default: pendingContinue.store(true, ordering: .sequentiallyConsistent)
    }
    wakeFrameLoop()
}

private func wakeFrameLoop() {
    let fd = wakeWriteEnd.load(ordering: .sequentiallyConsistent)
    guard fd >= 0 else { return }
    var byte: UInt8 = 1
    _ = write(fd, &byte, 1)  // Non-blocking: a full pipe already wakes the loop.
}

/// Crash signals: restore the terminal and the captured stderr once, then die by the same signal
/// with the default action (so the exit status and core dump are what they would have been).
private func handleCrashSignal(_ signo: Int32) {
    if !crashInProgress.exchange(true, ordering: .sequentiallyConsistent) {
        restoreTerminalForExit()
    }
    signal(signo, SIG_DFL)
    unblockAndRaise(signo)
    // For a synchronous fault (SIGSEGV, SIGILL…) returning re-executes the faulting instruction,
    // which now gets the default action.
}

private func unblockAndRaise(_ signo: Int32) {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signo)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(signo)
}

/// Keeps the terminal usable on every way out of the program: quit signals, crashes, `exit()`.
///
/// `NCursesTerminal.open()` installs it and `close()` restores the previous handlers; the program
/// only has to poll `quitRequested` in its loop and call `exitForRequestedSignal()` after `close()`.
enum TerminalSafety {
    /// Old dispositions to put back in `uninstall` (touched only on the curses thread, never by handlers).
    nonisolated(unsafe) private static var previousActions: [Int32: sigaction] = [:]
    nonisolated(unsafe) private static var atexitRegistered = false
    nonisolated(unsafe) private static var alternateStack: UnsafeMutableRawPointer?
    nonisolated(unsafe) private static var wakeReadEnd: Int32 = -1

    /// True once a quit signal (SIGINT, SIGTERM, SIGHUP, SIGUSR1 …) has arrived, or the terminal
    /// hung up; the frame loop should leave.
    static var quitRequested: Bool { pendingQuitSignal.load(ordering: .sequentiallyConsistent) != 0 }

    /// The quit signal that arrived (SIGINT, SIGTERM, SIGHUP …), if any.
    static var requestedSignal: Int32? {
        let signo = pendingQuitSignal.load(ordering: .sequentiallyConsistent)
        return signo == 0 ? nil : signo
    }

    /// Installs the quit and crash handlers and an atexit hook. Must run before `newterm`, so that
    /// ncurses sees non-default SIGINT/SIGTERM handlers and does not install its own (which would
    /// call exit from inside the handler).
    static func install() {
        // Touch every global the handlers use, so their lazy initialisation (swift_once) happens
        // here and not inside a handler.
        _ = pendingQuitSignal.load(ordering: .relaxed)
        _ = cursesIsActive.load(ordering: .relaxed)
        _ = capturedStderr.load(ordering: .relaxed)
        _ = originalStderr.load(ordering: .relaxed)
        _ = crashInProgress.load(ordering: .relaxed)
        _ = pendingResize.load(ordering: .relaxed)
        _ = pendingSuspend.load(ordering: .relaxed)
        _ = pendingContinue.load(ordering: .relaxed)
        _ = wakeWriteEnd.load(ordering: .relaxed)
        _ = copyBuffer

        if !atexitRegistered {
            atexitRegistered = true
            atexit { restoreTerminalForExit() }
        }
        installAlternateStack()
        makeWakePipe()
        for signo in quitSignals {
            // A signal ignored when the program started (nohup, a shell's `trap '' USR1`) stays ignored.
            // No SA_RESTART: a blocking call returns EINTR, so the loop wakes up.
            setHandler(signo, flags: 0, unlessIgnored: true) { handleQuitSignal($0) }
        }
        // Installed before newterm, so ncurses does not put in its own SIGTSTP and SIGWINCH handlers
        // (which call curses from inside the handler).
        for signo in [SIGWINCH, SIGTSTP, SIGCONT] {
            // An ignored SIGTSTP (started without job control) keeps Ctrl-Z from suspending.
            setHandler(signo, flags: SA_RESTART, unlessIgnored: signo == SIGTSTP) { handleJobControlSignal($0) }
        }
        for signo in crashSignals {
            // SA_ONSTACK: a stack overflow (SIGSEGV) still has a stack to run the handler on.
            setHandler(signo, flags: SA_ONSTACK) { handleCrashSignal($0) }
        }
    }

    /// The read end of a pipe that becomes readable whenever a handled signal arrives: `poll` it
    /// with the terminal, then call `drainWakeUps()`. -1 if it could not be made.
    static var wakeDescriptor: Int32 { wakeReadEnd }

    /// Empties the wake-up pipe (after `poll` said it is readable).
    static func drainWakeUps() {
        guard wakeReadEnd >= 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(wakeReadEnd, &bytes, bytes.count) > 0 {}
    }

    /// True once after each SIGWINCH: the terminal's size may have changed.
    static func takeResize() -> Bool { pendingResize.exchange(false, ordering: .sequentiallyConsistent) }
    /// True once after each SIGTSTP (Ctrl-Z): the program should give the terminal back and stop.
    static func takeSuspend() -> Bool { pendingSuspend.exchange(false, ordering: .sequentiallyConsistent) }
    /// True once after each SIGCONT: the screen may hold anything now and must be painted afresh.
    static func takeContinue() -> Bool { pendingContinue.exchange(false, ordering: .sequentiallyConsistent) }

    /// The terminal is gone (end of file or an I/O error on it) without a SIGHUP, as when a
    /// process in its own session loses its pane: treated as that SIGHUP, so the loop leaves and
    /// the process ends with status 129.
    static func terminalHungUp() {
        _ = pendingQuitSignal.compareExchange(expected: 0, desired: SIGHUP, ordering: .sequentiallyConsistent)
    }

    /// Stops the process as SIGTSTP's default action would; returns once it is continued. The
    /// caller has given the terminal back first (`endwin`).
    static func stopProcess() {
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        var handler = sigaction()
        guard sigaction(SIGTSTP, &defaultAction, &handler) == 0 else { return }
        unblockAndRaise(SIGTSTP)
        sigaction(SIGTSTP, &handler, nil)
    }

    /// Puts back the signal dispositions that were in place before `install`.
    static func uninstall() {
        for (signo, var action) in previousActions {
            sigaction(signo, &action, nil)
        }
        previousActions = [:]
    }

    /// Records that curses now owns the screen (so handlers and atexit call `endwin`) and sends fd 2
    /// to an unlinked temporary file until `restoreTerminal()`: anything printed to stderr meanwhile
    /// would be drawn over the alternate screen and then lost when it is switched off.
    static func cursesDidStart() {
        cursesIsActive.store(true, ordering: .sequentiallyConsistent)
        captureStderr()
    }

    /// Asks the terminal for mouse reports (after taking the screen, and again after a suspension).
    static func mouseReportingOn() {
        if !mouseReportingIsOn.exchange(true, ordering: .sequentiallyConsistent) { writeToTerminal(mouseOnSequence) }
    }

    /// Stops the mouse reports (before a suspension; every exit does it too).
    static func mouseReportingOff() {
        turnMouseReportingOff()
    }

    /// Ends curses (if active), puts back the original stderr and prints what was captured there.
    /// Idempotent.
    static func restoreTerminal() {
        restoreTerminalForExit()
    }

    /// Ends the process the conventional way for the quit signal that stopped the loop: restores the
    /// terminal (if not done yet), resets the signal to its default action and raises it again, so the
    /// parent sees "killed by SIGTERM" (a shell shows $? = 128 + n: 130, 143, 129).
    /// With no quit signal pending, exits with status 0.
    static func exitForRequestedSignal() -> Never {
        restoreTerminalForExit()
        fflush(cn_stdout())
        guard let signo = requestedSignal else { exit(0) }
        uninstall()
        signal(signo, SIG_DFL)
        unblockAndRaise(signo)
        _exit(128 + signo)  // Not reached: the default action of these signals terminates.
    }

    /// Crashes the way a Swift runtime error does (message on stderr, then a trap), to test that
    /// the crash path restores the terminal and shows the message. Wire it to a hidden debug flag.
    static func simulateCrashForTesting() -> Never {
        fatalError("simulated crash for testing (TerminalSafety.simulateCrashForTesting)")
    }

    // MARK: Private

    private static func setHandler(_ signo: Int32, flags: Int32, unlessIgnored: Bool = false,
                                   _ handler: @convention(c) (Int32) -> Void) {
        var previous = sigaction()
        if unlessIgnored, sigaction(signo, nil, &previous) == 0,
           unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
            return
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        if sigaction(signo, &action, &previous) == 0, previousActions[signo] == nil {
            previousActions[signo] = previous
        }
    }

    /// Made once and never closed: a handler may still write to it after `uninstall`, and a
    /// closed descriptor's number could by then name some other file.
    private static func makeWakePipe() {
        guard wakeReadEnd < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for fd in ends {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        wakeReadEnd = ends[0]
        wakeWriteEnd.store(ends[1], ordering: .sequentiallyConsistent)
    }

    private static func installAlternateStack() {
        guard alternateStack == nil else { return }
        let size = 64 * 1024
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        var stack = stack_t()
        stack.ss_sp = memory
        stack.ss_size = size
        stack.ss_flags = 0
        if sigaltstack(&stack, nil) == 0 {
            alternateStack = memory
        } else {
            memory.deallocate()
        }
    }

    private static func captureStderr() {
        guard capturedStderr.load(ordering: .sequentiallyConsistent) < 0 else { return }
        var template = Array("/tmp/perceptron-stderr-XXXXXX".utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return }  // No capture: stderr keeps going to the terminal.
        _ = fcntl(file, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
        guard saved >= 0 else {
            close(file)
            return
        }
        fflush(cn_stderr())
        guard dup2(file, STDERR_FILENO) >= 0 else {
            close(file)
            close(saved)
            return
        }
        originalStderr.store(saved, ordering: .sequentiallyConsistent)
        capturedStderr.store(file, ordering: .sequentiallyConsistent)
    }
}
