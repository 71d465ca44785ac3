import ArgumentParser
import PerceptronCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `perceptron train`: the headless run, as CSV on stdout.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train without a screen and print the run as CSV.",
        usage: "perceptron train --steps <N> [--every <K>] [--seed <S>] [--lr <A>] [--data <NAME>]",
        discussion: """
            Prints the header step,loss,w1,…,wn,b,p1,…,pm (with --hidden H: \
            step,loss,w1_1_1,…,w1_n_H,b1_1,…,b1_H,w2_1,…,w2_H,b2,p1,…,pm; biases that are off are \
            left out), then one row for state 0, for every K-th state and for the last state N. State k is the model after k updates; its loss and \
            predictions p come from the forward pass with state k's parameters. Every number is \
            printed in shortest round-trip form, the digits Python's repr prints.

            Rows are written as they are computed (within a tenth of a second), so an interrupted \
            run keeps what it printed. When stderr is a terminal, a run of more than a second \
            shows a progress line there (steps done, steps per second, time left), erased at the \
            end; stdout is only CSV.

            Example: perceptron train --steps 1000 --every 100
            """)

    @OptionGroup var training: TrainingOptions
    @OptionGroup var model: ModelOptions

    // Optional for the parser and required by run(), so that a misspelt flag (`--stesp 5`) is
    // reported as unknown rather than as "--steps is missing" (the parser validates before it
    // reports unknown flags).
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Number of gradient steps N (required; 0 to \(maximumSteps)).", valueName: "N"))
    var steps: String?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Print every K-th state (1 to \(maximumSteps)); state 0 and state N are always printed.",
                               valueName: "K"))
    var every: String = "1"

    func validate() throws {
        if steps != nil { _ = try counts() }
    }

    private func counts() throws -> (total: Int, interval: Int) {
        guard let steps else {
            throw ValidationError("--steps is required: give the number of gradient steps N, from 0 to \(maximumSteps), e.g. --steps 1000")
        }
        return (try parseCount(steps, flag: "--steps", minimum: 0), try parseCount(every, flag: "--every", minimum: 1))
    }

    /// Steps trained between looks at the clock: about 40 ms at top speed, so the hot loop runs
    /// undisturbed and rows, the progress line and Ctrl-C are still handled promptly.
    static let chunk = 1 << 20

    func run() throws {
        let (total, interval) = try counts()
        var trainer = try training.makeTrainer(model: model)
        var output = CSVWriter()
        var progress = ProgressLine(total: total)
        TrainInterruption.install()
        defer { TrainInterruption.uninstall() }

        // Rows are flushed once they are this old, or when 32 KB have gathered.
        let flushAge = Duration.milliseconds(100)
        let clock = ContinuousClock()
        var lastFlush = clock.now
        func checkpoint() throws {
            let now = clock.now
            if !output.isEmpty, now - lastFlush >= flushAge || TrainInterruption.signal != 0 {
                progress.erase()
                try output.flush()
                lastFlush = now
            }
            progress.update(step: trainer.step, now: now)
            if TrainInterruption.signal != 0 {
                progress.erase()
                TrainInterruption.dieBySignal()
            }
        }

        output.writeHeader(parameterNames: CSVWriter.columnNames(of: trainer), samples: trainer.dataset.sampleCount)
        if try output.writeRow(trainer) { lastFlush = clock.now }
        while trainer.step < total {
            // Jump straight to the next printed state: nothing in between is computed twice or kept.
            let next = min(total, (trainer.step / interval + 1) * interval)
            if next - trainer.step > Self.chunk {
                // Rows are sparse: this one would wait at least a chunk for company.
                progress.erase()
                try output.flush()
                lastFlush = clock.now
            }
            while trainer.step < next {
                trainer.advance(by: min(next - trainer.step, Self.chunk))
                if trainer.step < next { try checkpoint() }
            }
            if try output.writeRow(trainer) { lastFlush = clock.now }
            try checkpoint()
        }
        progress.erase()
        try output.flush()
    }
}

/// Ctrl-C, SIGTERM and SIGHUP during `train`: the handler only records the signal; the run
/// notices it between chunks, writes the rows it has, erases the progress line and then dies by
/// the same signal (status 128+n, as a shell expects).
enum TrainInterruption {
    private static let received = Atomic<Int32>(0)
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static var signal: Int32 { received.load(ordering: .relaxed) }

    /// A signal the parent set to be ignored (`nohup`, `cmd &` in a script) stays ignored.
    static func install() {
        for number in signals {
            let previous = Glibc.signal(number) { caught in TrainInterruption.received.store(caught, ordering: .relaxed) }
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                _ = Glibc.signal(number, SIG_IGN)
            }
        }
    }

    static func uninstall() {
        for number in signals {
            let previous = Glibc.signal(number, SIG_DFL)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                _ = Glibc.signal(number, SIG_IGN)
            }
        }
    }

    static func dieBySignal() -> Never {
        let number = signal
        uninstall()
        raise(number)
        exit(128 + number)
    }
}
