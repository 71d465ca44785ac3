import PerceptronCore
import TerminalUI

/// Everything the visualiser shows, and nothing else. Changed only by `update`.
public struct AppState: Sendable {
    /// How many recent values the loss plot and the sparklines keep.
    public static let historyCapacity = 512

    /// The run: setup, events, checkpoints, the whole-run summary and its newest state.
    public private(set) var history: RunHistory
    /// The state on screen: any state of the run, the newest one unless the user went back.
    public private(set) var trainer: Trainer
    /// Run or paused.
    public var running: Bool
    /// Index into `Ladder.speeds`.
    public var speedIndex: Int
    /// The sample traced through the diagram (0-based).
    public var selectedSample = 0
    public var logScale = false
    /// The loss plot and sparklines show the whole run (true) or the recent states.
    public var showWholeRun = true
    public var showHelp = false
    /// Projection mode: big numbers and the loss plot for the back row, secondary panels hidden.
    public var presenting = false
    /// A panel shown alone on the whole screen (keys 1–6), or nil.
    public var zoomedPanel: Panel?
    /// Explain mode (`x`): the phase of the current step written out, or nil when off.
    public var explainPhase: ExplainPhase?
    /// How many lines of the phase's explanation are scrolled past (PgDn / PgUp).
    public var explainScroll = 0
    /// Quiz mode (`Q`): asks which way each parameter will move before the update is shown; nil when off.
    public var quiz: Quiz?
    /// Which two parameters the loss landscape shows, its zoom, and whether it shows the slice.
    public var landscape = LandscapeSettings()
    /// The two inputs the decision boundary is drawn over (key a).
    public var boundaryAxes = AxisPair.first
    /// The themes `t` cycles through (never empty), and the one in use.
    public var themes: [Theme] = [.standard] {
        didSet { if themes.isEmpty { themes = [.standard] }; themeIndex = min(themeIndex, themes.count - 1) }
    }
    public var themeIndex = 0
    public var theme: Theme { themes[themeIndex] }
    /// The lesson being played (its slides and the one on screen), or nil outside a lesson.
    public var lesson: LessonPlayback?
    /// A live run stops here (a lesson slide's `@run N`); nil: runs until paused.
    public var pauseAtStep: Int?
    /// Set when the user asked to quit.
    public var quitRequested = false
    /// The terminal size the view lays out for.
    public var width: Int
    public var height: Int
    /// A short notice for the status bar (e.g. "new seed 42"), cleared by the next key.
    public var notice: String?
    /// Bookmarked steps, ascending.
    public internal(set) var bookmarks: [Int] = []
    /// The question open at the bottom (`g`, `e`), if any.
    public internal(set) var prompt: Prompt?
    /// A step beyond the end that a go-to is training towards, a chunk per tick.
    public internal(set) var goal: Int?
    /// A go-to beyond the end trains at most this many steps per frame, so the screen stays live
    /// (about 0.1 s of training in a release build).
    var trainingChunk = 1 << 19
    /// The last jump key's direction and size, so repeating it grows the jump 10×.
    var lastJump: (forward: Bool, size: Int)?
    /// Whether the first non-finite loss has already paused the run.
    var divergenceReported = false

    /// (step, loss) of recent states, oldest first: one per state at low speed, one per frame at high speed.
    public private(set) var lossHistory = RingBuffer<HistoryPoint>(capacity: AppState.historyCapacity)
    /// Recent values of each parameter (w1…wn, then b), sampled like `lossHistory`.
    public private(set) var parameterHistory: [RingBuffer<Double>]
    /// The change the last step made to each parameter (w1…wn, then b); zero at state 0.
    public private(set) var lastChange: [Double]
    /// Fractional steps owed by the clock, carried between ticks so the speed is exact on average.
    private var stepDebt = 0.0
    /// Draws new seeds for `s`; seeded from outside so `update` stays deterministic.
    private var seedSource: SplitMix64

    public struct HistoryPoint: Sendable, Equatable {
        public var step: Int
        public var loss: Double
    }

    /// - Parameters:
    ///   - trainer: state 0 of the run (its data, seed, α, model and arithmetic are the run's setup).
    ///   - entropy: where the `s` key's new seeds come from (the CLI passes the clock; tests a constant).
    public init(trainer: Trainer, running: Bool, speedIndex: Int = Ladder.defaultSpeedIndex,
                width: Int = 80, height: Int = 24, entropy: UInt64 = 0) {
        history = RunHistory(startingFrom: trainer)
        self.trainer = history.latest
        self.running = running
        self.speedIndex = min(max(0, speedIndex), Ladder.speeds.count - 1)
        self.width = width
        self.height = height
        seedSource = SplitMix64(seed: entropy)
        parameterHistory = []
        lastChange = []
        resetHistory()
    }

    public var speed: Int { Ladder.speeds[speedIndex] }
    public var step: Int { trainer.step }
    /// Whether the state on screen is the newest of the run.
    public var isAtEnd: Bool { trainer.step == history.end }

    /// Makes `count` steps forward from the state on screen (replaying the run where it exists,
    /// training beyond), keeping the recent history and the last step's change up to date.
    mutating func advance(by count: Int) {
        guard count > 0 else { return }
        // At low counts every state goes into the history; beyond that, one point per call keeps
        // a frame's cost flat however fast training runs.
        if count <= 16 {
            for _ in 0..<count { stepOnce(); record() }
        } else {
            move(by: count - 1)
            stepOnce()
            record()
        }
        checkDivergence()
    }

    private mutating func stepOnce() {
        let before = trainer.parameters
        move(by: 1)
        lastChange = zip(trainer.parameters, before).map { $0 - $1 }
    }

    /// Forward without recording: a replay inside the run, training past its end.
    private mutating func move(by count: Int) {
        let target = trainer.step + count
        if target <= history.end {
            history.run.replay(&trainer, to: target)
        } else {
            history.extend(to: target)
            trainer = history.latest
        }
    }

    /// Shows state `target` (clamped at 0; beyond the end it trains there, at once when that is
    /// quick, else a chunk per tick), with the recent history rebuilt as if watched step by step.
    mutating func jump(to target: Int) {
        goal = nil
        let target = max(0, target)
        if target > history.end + trainingChunk {
            history.extend(to: history.end + trainingChunk)
            goal = target
            notice = "training to step \(DisplayFormat.grouped(target))…"
        } else if target > history.end {
            history.extend(to: target)
        }
        showState(target)
        checkDivergence()
    }

    /// The next chunk of a go-to's training; the goal ends when reached.
    mutating func continueTowardGoal() {
        guard let target = goal else { return }
        history.extend(to: min(target, history.end + trainingChunk))
        if history.end >= target {
            goal = nil
            notice = nil
        }
        showState(history.end)
        checkDivergence()
    }

    /// The first time the loss stops being finite, the run pauses there and says so.
    private mutating func checkDivergence() {
        guard !divergenceReported, let first = history.firstNonFiniteStep, first <= trainer.step else { return }
        divergenceReported = true
        running = false
        goal = nil
        if trainer.step != first { showState(first) }
        notice = "loss is not finite at step \(DisplayFormat.grouped(first)): paused (space goes on)"
    }

    private mutating func record() {
        lossHistory.append(HistoryPoint(step: trainer.step, loss: trainer.loss()))
        let parameters = trainer.parameters
        for i in parameterHistory.indices { parameterHistory[i].append(parameters[i]) }
    }

    private mutating func resetHistory() {
        lossHistory.removeAll()
        parameterHistory = Array(repeating: RingBuffer<Double>(capacity: Self.historyCapacity),
                                 count: trainer.parameters.count)
        lastChange = Array(repeating: 0, count: trainer.parameters.count)
        stepDebt = 0
        record()
    }

    /// Puts state `target` (at most the end) on screen, with its recent history one point per
    /// state, as if watched step by step: one replay from the checkpoint before the window.
    private mutating func showState(_ step: Int) {
        let target = min(max(0, step), history.end)
        let start = max(0, target - Self.historyCapacity + 1)
        trainer = history.state(at: start)
        resetHistory()
        while trainer.step < target {
            let before = trainer.parameters
            history.run.replay(&trainer, to: trainer.step + 1)
            record()
            lastChange = zip(trainer.parameters, before).map { $0 - $1 }
        }
    }

    /// Logs a change at the state on screen. Elsewhere than at the end, the run after this step
    /// is discarded first (as an editor's undo history is), and the notice says so.
    mutating func change(_ change: RunEvent.Change, describedAs what: String) {
        let step = trainer.step
        var text = what
        if step < history.end {
            text += "; run after it discarded"
            history.discard(after: step)
            bookmarks.removeAll { $0 > step }
            goal = nil
        }
        history.record(change)
        if history.firstNonFiniteStep.map({ $0 >= step }) ?? true { divergenceReported = false }
        showState(history.end)
        notice = text
        checkDivergence()
    }

    /// Starts over at state 0 with `seed`, keeping the data set, the current learning rate, the
    /// model and the exp/log kernel.
    mutating func restart(seed: UInt32) {
        var setup = history.run.setup
        setup.seed = seed
        setup.learningRate = trainer.learningRate
        // The data set and α were accepted before, so this cannot throw; keep the old run if it did.
        if let fresh = try? RunHistory(setup: setup) {
            history = fresh
            trainer = fresh.latest
            bookmarks = []
            goal = nil
            divergenceReported = false
            resetHistory()
        }
    }

    mutating func nextSeed() -> UInt32 { UInt32(truncatingIfNeeded: seedSource.next() >> 32) }

    mutating func setLearningRate(_ alpha: Double) {
        guard alpha.isFinite, alpha > 0, alpha != trainer.learningRate else { return }
        change(.learningRate(alpha), describedAs: "α \(DisplayFormat.compact(alpha, width: 7)) from step \(DisplayFormat.grouped(step))")
    }

    /// Adds clock time; returns how many whole steps are now due (the rest is carried over).
    mutating func takeDueSteps(after seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        // Cap the debt at one second's worth so a stalled terminal does not cause a burst.
        stepDebt = min(stepDebt + seconds * Double(speed), max(1, Double(speed)))
        var due = Int(stepDebt.rounded(.down))
        stepDebt -= Double(due)
        // A large table cannot make every step asked for and still draw 30 frames a second: make
        // what fits in a frame and let the rest go, rather than fall ever further behind.
        if due > maxStepsPerTick {
            due = maxStepsPerTick
            stepDebt = 0
        }
        return due
    }

    /// The most steps one tick makes: about 20 ms of the engine's work (a step costs about 4 ns
    /// per sample and input, plus the sample's exp), so drawing keeps its 30 frames a second. The
    /// built-in tables never reach it (tens of thousands of steps per tick).
    public var maxStepsPerTick: Int {
        let dataset = trainer.dataset
        return max(1, 5_000_000 / (dataset.sampleCount * (dataset.inputCount + 4)))
    }
}

/// The panels, numbered as the zoom keys 1–7 choose them.
public enum Panel: Int, CaseIterable, Sendable {
    case diagram = 1, weights, sigmoid, loss, predictions, boundary
    /// The loss over two parameters (key 7, `frame --panel landscape`).
    case landscape

    /// The panel's name for `perceptron frame --panel`.
    public var name: String { String(describing: self) }

    /// The panel called `name`, or nil.
    public init?(name: String) {
        guard let panel = Panel.allCases.first(where: { $0.name == name }) else { return nil }
        self = panel
    }
}

/// SplitMix64: a tiny, well-mixed generator for picking new seeds.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension AppState {
    /// Goes straight to state `target`, training the run up to it (for `perceptron frame` and
    /// tests): the last `historyCapacity` states are recorded one by one, as if watched at a slow speed.
    public mutating func fastForward(to target: Int) {
        if target > history.end { history.extend(to: target) }
        showState(target)
    }

    /// How long the frame loop may wait before the next tick: a frame per step up to 30 frames a
    /// second, never faster; nil while paused (then it blocks until a key arrives), unless a
    /// go-to is still training.
    public var tickInterval: Double? {
        if goal != nil { return 1.0 / 30 }
        return running ? 1 / Double(min(speed, 30)) : nil
    }
}
