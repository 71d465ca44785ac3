#if canImport(Glibc)
import Glibc
#endif

/// `train`'s progress on stderr, when stderr is a terminal: one line, rewritten in place
/// (`\r`, erase to end of line) a few times a second, shown only once a run has taken more than a
/// second, and erased when the run ends. Never on stdout, which stays pure CSV.
struct ProgressLine {
    let total: Int
    let enabled: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?
    private(set) var isVisible = false

    static let delay = Duration.seconds(1)
    static let interval = Duration.milliseconds(250)

    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.total = total
        self.enabled = enabled
        start = clock.now
    }

    mutating func update(step: Int, now: ContinuousClock.Instant) {
        guard enabled, now - start >= Self.delay else { return }
        if let lastDrawn, now - lastDrawn < Self.interval { return }
        lastDrawn = now
        let line = Self.text(step: step, total: total, seconds: (now - start).seconds)
        writeAll(STDERR_FILENO, Array(("\r" + Self.fitted(line, columns: Self.columns()) + "\u{1B}[K").utf8))
        isVisible = true
    }

    mutating func erase() {
        guard isVisible else { return }
        writeAll(STDERR_FILENO, Array("\r\u{1B}[K".utf8))
        isVisible = false
    }

    /// "step 12,582,912 of 100,000,000 (12%) · 24.1 million steps/s · 4 s left"
    static func text(step: Int, total: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(step) / seconds : 0
        let percent = total > 0 ? Int(Double(step) / Double(total) * 100) : 100
        var line = "step \(grouped(step)) of \(grouped(total)) (\(percent)%) · \(rateText(rate)) steps/s"
        if rate > 0 { line += " · \(duration(Double(total - step) / rate)) left" }
        return line
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    static func rateText(_ rate: Double) -> String {
        if rate >= 1e6 { return "\(Double(Int(rate / 1e5)) / 10) million" }
        return grouped(Int(rate))
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole / 60 % 60) min"
    }

    /// A line longer than the terminal would wrap, and `\r` would then redraw only its last part.
    static func fitted(_ line: String, columns: Int) -> String {
        line.count < columns ? line : String(line.prefix(max(0, columns - 2))) + "…"
    }

    private static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
