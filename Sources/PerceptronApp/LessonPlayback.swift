import PerceptronCore
import TerminalUI

/// A lesson ready to play: every slide's data loaded and its scene checked, so that going to a
/// slide cannot fail. A slide's scene is rebuilt from its setup each time it is shown (a fresh run
/// trained to the slide's step), so it is the same whatever was done before.
public struct LessonPlayback: Sendable {
    public var lesson: Lesson
    /// Each slide's run at state 0.
    public var starts: [Trainer]
    /// Each slide's step (a `loss < X` target found).
    public var steps: [Int]
    /// The slide on screen (0-based).
    public var index = 0
    /// The slide number being typed after `:`; nil when the prompt is closed.
    public var prompt: String?
    /// Every slide in projection mode (`--present`), whatever the slides say.
    public var forceProjection = false

    public var count: Int { lesson.slides.count }
    public var slide: Slide { lesson.slides[index] }

    /// Loads and checks every slide, computing with the exp/log NumPy uses on this machine. `loadData` reads a data file named by a slide (relative
    /// paths already resolved by the caller) with the targets the slide's loss can learn (squared
    /// error any value in [0, 1], cross-entropy only 0 and 1); its errors are reported at the `@data` line.
    public init(_ lesson: Lesson, arithmetic: Arithmetic = .numpyChoiceHere,
                loadData: (String, TargetRule) throws -> Dataset) throws(LessonError) {
        self.lesson = lesson
        // A file read once per rule: the same table may be refused for one slide's loss and not another's.
        struct Loaded: Hashable { var path: String; var fractionalTargets: Bool }
        var loaded: [Loaded: Dataset] = [:]
        var starts: [Trainer] = []
        var steps: [Int] = []
        for slide in lesson.slides {
            let setup = slide.setup
            func fail(_ line: Int, _ message: String) -> LessonError {
                LessonError(file: lesson.file, line: line > 0 ? line : slide.line, message: message)
            }
            let dataset: Dataset
            switch setup.data {
            case .builtIn(let name):
                do { dataset = try Dataset.named(name) } catch { throw fail(setup.dataLine, "\(error)") }
            case .file(let path):
                let rule: TargetRule = setup.model.loss == .squared ? .zeroToOne : .zeroOrOne
                let key = Loaded(path: path, fractionalTargets: rule == .zeroToOne)
                if let known = loaded[key] {
                    dataset = known
                } else {
                    do { dataset = try loadData(path, rule) } catch { throw fail(setup.dataLine, "\(error)") }
                    loaded[key] = dataset
                }
            }
            guard setup.sample <= dataset.sampleCount else {
                throw fail(setup.sampleLine, "@sample \(setup.sample) is out of range; \(dataset.name) has samples 1 to \(dataset.sampleCount)")
            }
            let trainer: Trainer
            do {
                trainer = try Trainer(dataset: dataset, seed: setup.seed, learningRate: setup.learningRate,
                                      model: setup.model, arithmetic: arithmetic)
            } catch {
                throw fail(setup.dataLine, "\(error)")
            }
            switch setup.target {
            case .step(let step):
                steps.append(step)
            case .lossBelow(let limit):
                guard let step = Self.firstStep(of: trainer, withLossBelow: limit) else {
                    throw fail(0, "the loss stays at or above \(limit) for \(Lesson.maximumStep) steps; "
                               + "use a larger value or @step N")
                }
                steps.append(step)
            }
            starts.append(trainer)
        }
        self.starts = starts
        self.steps = steps
    }

    /// The first state whose loss is below `limit`, searched in chunks (every state's loss is seen).
    static func firstStep(of start: Trainer, withLossBelow limit: Double) -> Int? {
        var trainer = start
        if trainer.loss() < limit { return 0 }
        var found: Int?
        while found == nil, trainer.step < Lesson.maximumStep {
            // Hands over the loss of each state left behind, from the step's own forward pass.
            trainer.advance(by: min(4096, Lesson.maximumStep - trainer.step), observingLoss: { step, loss in
                if found == nil, loss < limit { found = step }
            })
            if found == nil, trainer.loss() < limit { found = trainer.step }
        }
        return found
    }

    /// A one-line summary of slide `i` for `lesson --check`.
    public func summary(_ i: Int) -> String {
        let slide = lesson.slides[i], setup = slide.setup, start = starts[i]
        var parts = ["\(i + 1)/\(count)", "line \(slide.line)", slide.title, "·",
                     start.dataset.name, start.model.summary(inputs: start.dataset.inputCount),
                     "seed \(setup.seed)", "α \(DisplayFormat.compact(setup.learningRate, width: 7))",
                     "step \(steps[i])"]
        if setup.liveSteps > 0 { parts.append("then \(setup.liveSteps) live") }
        if let panel = setup.panel { parts.append("zoom \(panel.name)") }
        if let phase = setup.explain { parts.append("explain \(phase.rawValue)") }
        if setup.sample != 1 { parts.append("sample \(setup.sample)") }
        if setup.projection || forceProjection { parts.append("projection") }
        return parts.joined(separator: " ")
    }

    /// Slide `i`'s scene, at the size, theme and colour settings of `current`.
    public func scene(_ i: Int, like current: AppState) -> AppState {
        let index = min(max(0, i), count - 1)
        let setup = lesson.slides[index].setup
        var state = AppState(trainer: starts[index], running: false,
                             speedIndex: Ladder.speeds.firstIndex(of: setup.speed) ?? Ladder.defaultSpeedIndex,
                             width: current.width, height: current.height)
        state.themes = current.themes
        state.themeIndex = current.themeIndex
        state.fastForward(to: steps[index])
        state.selectedSample = setup.sample - 1
        state.zoomedPanel = setup.panel
        state.explainPhase = setup.explain
        state.presenting = setup.projection || forceProjection
        if setup.liveSteps > 0 {
            state.running = true
            state.pauseAtStep = steps[index] + setup.liveSteps
        }
        var playback = self
        playback.index = index
        playback.prompt = nil
        state.lesson = playback
        return state
    }
}

extension AppState {
    /// The state showing lesson slide `i` (clamped to the lesson), or self when not in a lesson.
    public func showingSlide(_ i: Int) -> AppState {
        guard let lesson else { return self }
        return lesson.scene(i, like: self)
    }
}

/// The lesson keys: PgDn / `.` next slide, PgUp / `,` previous, `:` a slide number then Enter.
/// Returns whether `key` was one of them (every other key works inside the slide as usual).
func handleLessonKey(_ key: Key, _ state: inout AppState) -> Bool {
    guard var lesson = state.lesson else { return false }
    if let typed = lesson.prompt {
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            if typed.count < 4 { lesson.prompt = typed + String(c) }
        case .backspace:
            lesson.prompt = String(typed.dropLast())
        case .enter:
            if let number = Int(typed), (1...lesson.count).contains(number) {
                state = state.showingSlide(number - 1)
                return true
            }
            lesson.prompt = nil
            state.lesson = lesson
            state.notice = typed.isEmpty ? nil : "no slide \(typed): 1 to \(lesson.count)"
            return true
        case .escape:
            lesson.prompt = nil
        case .control("c"):
            state.quitRequested = true
        default:
            break
        }
        state.lesson = lesson
        return true
    }
    // PgDn and PgUp (a presenter's clicker) first read on through an explanation that does not
    // fit, then turn the page; `.` and `,` always turn it.
    if state.explainPhase != nil {
        if key == .pageDown, explanationContinuesBelow(state) { return false }
        if key == .pageUp, state.explainScroll > 0 { return false }
    }
    switch key {
    case .pageDown, .character("."):
        if lesson.index + 1 < lesson.count { state = state.showingSlide(lesson.index + 1) } else { state.notice = "last slide" }
    case .pageUp, .character(","):
        if lesson.index > 0 { state = state.showingSlide(lesson.index - 1) } else { state.notice = "first slide" }
    case .character(":"):
        lesson.prompt = ""
        state.lesson = lesson
    default:
        return false
    }
    return true
}

/// Whether explain mode's panel has lines below what it shows, as drawn on this screen (its
/// "more lines" marker: the layout decides how many fit).
func explanationContinuesBelow(_ state: AppState) -> Bool {
    view(state).plainText.contains(" more lines (")
}
