import PerceptronCore
import TerminalUI

/// Everything the visualiser shows, and nothing else. Changed only by `update`.
public struct AppState: Sendable {
    /// How many recent values the loss plot and the sparklines keep.
    public static let historyCapacity = 512

    public private(set) var trainer: Trainer
    /// Run or paused.
    public var running: Bool
    /// Index into `Ladder.speeds`.
    public var speedIndex: Int
    /// The sample traced through the diagram (0-based).
    public var selectedSample = 0
    public var logScale = false
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
    ///   - entropy: where the `s` key's new seeds come from (the CLI passes the clock; tests a constant).
    public init(trainer: Trainer, running: Bool, speedIndex: Int = Ladder.defaultSpeedIndex,
                width: Int = 80, height: Int = 24, entropy: UInt64 = 0) {
        self.trainer = trainer
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

    /// Makes `count` steps, keeping the history and the last step's change up to date.
    mutating func advance(by count: Int) {
        guard count > 0 else { return }
        // At low counts every state goes into the history; beyond that, one point per call keeps
        // a frame's cost flat however fast training runs.
        let recordEach = count <= 16
        if recordEach {
            for _ in 0..<count { stepOnce(); record() }
        } else {
            trainer.advance(by: count - 1)
            stepOnce()
            record()
        }
    }

    private mutating func stepOnce() {
        let before = trainer.parameters
        trainer.advance()
        let after = trainer.parameters
        lastChange = zip(after, before).map { $0 - $1 }
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

    /// Starts over at state 0 with `seed`, keeping the data set, the current learning rate and the
    /// exp/log kernel.
    mutating func restart(seed: UInt32) {
        let alpha = trainer.learningRate
        // The data set and α were accepted before, so this cannot throw; keep the old run if it did.
        if let fresh = try? Trainer(dataset: trainer.dataset, seed: seed, learningRate: alpha, model: trainer.model,
                                    arithmetic: trainer.arithmetic, kernels: trainer.kernels) {
            trainer = fresh
            resetHistory()
        }
    }

    mutating func nextSeed() -> UInt32 { UInt32(truncatingIfNeeded: seedSource.next() >> 32) }

    mutating func setLearningRate(_ alpha: Double) {
        try? trainer.setLearningRate(alpha)
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
    /// Goes straight to state `target` (for `perceptron frame` and tests): the last
    /// `historyCapacity` states are recorded one by one, as if watched at a slow speed.
    public mutating func fastForward(to target: Int) {
        let bulk = target - step - Self.historyCapacity
        if bulk > 0 { advance(by: bulk) }
        while step < target { advance(by: 1) }
    }

    /// How long the frame loop may wait before the next tick: a frame per step up to 30 frames a
    /// second, never faster; nil while paused (then it blocks until a key arrives).
    public var tickInterval: Double? {
        running ? 1 / Double(min(speed, 30)) : nil
    }
}
